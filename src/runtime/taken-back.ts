/** What this tab knows the learner took back, kept current as this tab and others undo and reset. */
import type { ProgressMessage } from '../storage/broadcast';

/** What this tab knows the learner took back; the runtime keeps one and updates it in place. */
export interface LocalTakenBack {
  undone: Set<string>;
  resetAt: number | null;
}

/**
 * Records what another tab took back: its undone ids, and its reset (the message carries no time,
 * and tabs of the previous version send it as it is, so the moment it arrives stands in for it).
 * That tab already saved both; this tab keeps them for its own imports and backups.
 */
export function recordTakenBack(takenBack: LocalTakenBack, message: ProgressMessage, nowMs: number): void {
  if (message.type === 'reviews-removed') for (const id of message.reviewIds) takenBack.undone.add(id);
  else if (message.type === 'progress-cleared') takenBack.resetAt = Math.max(nowMs, takenBack.resetAt ?? nowMs);
}
