/**
 * The use-cases only the final check, the certificate and the settings page need: finishing an
 * attempt, saving the learner's name, and merging a backup file's attempts and name on import.
 * The runtime (runtime.ts) loads this module when one of them is first used, with deck.ts and the
 * scheduler, so a lesson carries none of it; the records themselves load with the log.
 */
import type { FileTakenBack } from '../domain/backup';
import { mergeFinalChecks, rateFinalCheck } from '../domain/final-check-attempts';
import type { FinalCheckAnswer } from '../domain/final-check-record';
import { parseLearnerName } from '../domain/learner-name';
import type { FinishedFinalCheck, RuntimeState } from './runtime';
import type { Change } from './saving';
import type { WriteResult } from './write-queue';

export { mergeFinalChecks } from '../domain/final-check-attempts';

/** What these use-cases need of the runtime that loaded them (it has loaded the store already). */
export interface RuntimeParts {
  /** The current state. */
  getState(): RuntimeState;
  /** Changes the state and tells the listeners. */
  set(patch: Partial<RuntimeState>): void;
  /** Saves a change through the runtime's write queue (failures are reported in the state). */
  save(change: Change): Promise<WriteResult>;
  /** The runtime's clock, epoch ms. */
  now(): number;
}

/** See `Runtime.finishFinalCheck`. */
export async function finishFinalCheck(
  parts: RuntimeParts,
  answers: readonly FinalCheckAnswer[],
): Promise<FinishedFinalCheck> {
  const { deck, settings, finalChecks } = parts.getState();
  const rated = rateFinalCheck(deck, answers, { nowMs: parts.now(), settings });
  parts.set({ deck: rated.deck, finalChecks: [...finalChecks, rated.attempt] });
  const { attempt, reviews, cacheEntries } = rated;
  const saved = await parts.save({ kind: 'final-check', attempts: [attempt], reviews, cacheEntries });
  return { attempt, saved };
}

/**
 * On import: the file's attempts join this browser's (none from before `resetAt`, the reset that
 * counts for this file); its name fills in only where this browser has none, so a name typed here
 * stays. Each is saved on its own, without waiting (a failed save is queued and reported).
 */
export function mergeFileRecords(parts: RuntimeParts, file: FileTakenBack | undefined, resetAt: number | null): void {
  const attempts = mergeFinalChecks(parts.getState().finalChecks, file?.finalChecks ?? [], resetAt);
  if (attempts.added.length) {
    parts.set({ finalChecks: attempts.attempts });
    void parts.save({ kind: 'final-check', attempts: attempts.added, reviews: [] });
  }
  const fileName = parseLearnerName(file?.learnerName);
  if (fileName && !parts.getState().learnerName) {
    parts.set({ learnerName: fileName });
    void parts.save({ kind: 'name', name: fileName });
  }
}
