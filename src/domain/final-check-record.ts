/**
 * A final-check attempt as a record: its shape, reading it from storage, and the pass mark. Every
 * page's runtime loads this; the draw and the results (final-check.ts) and recording or merging
 * attempts (final-check-attempts.ts) load only where they are used.
 */

/** The share of right answers that passes (SCORM's mastery score, 80 %). */
export const MASTERY_SHARE = 0.8;

/** One finished attempt, as stored (kv `final-check:<attemptId>`) and in backups. */
export interface FinalCheckAttempt {
  /** Unique id (a UUID); merging goes by it. */
  attemptId: string;
  /** When the learner finished, epoch ms. */
  finishedAt: number;
  /** Right answers. */
  score: number;
  /** Questions asked. */
  total: number;
  /** The reviews the attempt wrote, one per question (left out of the measured recall). */
  reviewIds: string[];
}

/** One answer of an attempt. */
export interface FinalCheckAnswer {
  questionId: string;
  correct: boolean;
}

/** Whether an attempt passed: at least `MASTERY_SHARE` of its answers right. */
export function isPassed({ score, total }: Pick<FinalCheckAttempt, 'score' | 'total'>): boolean {
  // Compared in whole answers, so 8 of 10 passes despite floating point.
  return total > 0 && score >= Math.ceil(total * MASTERY_SHARE - 1e-9);
}

const isId = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= 100;
const isIntIn = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

/**
 * Reads an attempt from storage or a message (`unknown` until parsed); null when malformed. The
 * same rules as `finalCheckAttemptSchema` (schemas.ts), by hand: pages need no zod.
 */
export function parseFinalCheckAttempt(x: unknown): FinalCheckAttempt | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const a = x as Record<string, unknown>;
  const { attemptId, finishedAt, score, total, reviewIds } = a;
  if (!isId(attemptId) || !isIntIn(finishedAt, 0, Date.UTC(2200, 0, 1))) return null;
  if (!isIntIn(total, 1, 100) || !isIntIn(score, 0, total)) return null;
  if (!Array.isArray(reviewIds) || reviewIds.length > 100 || !reviewIds.every(isId)) return null;
  return { attemptId, finishedAt, score, total, reviewIds: [...reviewIds] };
}
