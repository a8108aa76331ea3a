/**
 * The backup: a versioned document with the settings, the whole review log and what the learner
 * took back (undone reviews, a reset), and what an import must leave out. Writing the file, its
 * size limits and the backup warning are in backup-file.ts (only the settings page needs them);
 * reading a file (untrusted) is in backup-import.ts, with the file's schemas in schemas.ts;
 * merging is the log's dedupe rule (review-log.ts, `uniqueReviews`) after `withoutTakenBack`.
 */
import type { FinalCheckAttempt } from './final-check-record';
import type { Review } from './review';
import type { Settings } from './settings';

/** The `format` field that marks our backups. */
export const BACKUP_FORMAT = 'seven-reasons-progress';
/** The format version this code writes. It reads every version from 1 to this one. */
export const BACKUP_VERSION = 2;

/** A backup as the site works with it, whichever version the file was. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** The version of the file it was read from, or the one it will be written as. */
  version: number;
  exportedAt: string;
  settings: Settings;
  reviews: Review[];
  /** Ids of undone reviews (none in version 1 files). */
  undone: string[];
  /** The last reset, epoch ms, or null (always null in version 1 files). */
  resetAt: number | null;
  /** Lessons opened: slug → first visit, epoch ms (absent in version 1 files and early version 2 ones). */
  openedLessons?: Record<string, number> | undefined;
  /** Final-check attempts (absent in version 1 files and version 2 ones written before the final check). */
  finalChecks?: FinalCheckAttempt[] | undefined;
  /** The learner's name for the certificate, '' when none (absent in files written before it). */
  learnerName?: string | undefined;
}

/**
 * Builds the backup document. A file never takes back its own reviews: when the log holds reviews
 * from before `resetAt` (a backup exported before the reset was restored on purpose, or the clock
 * went back), the file's reset moves back to the oldest of them, so importing the file elsewhere
 * keeps every review it carries and still drops what the reset cleared before that.
 */
export function createBackup(input: {
  settings: Settings;
  reviews: readonly Review[];
  nowMs: number;
  undone?: Iterable<string>;
  resetAt?: number | null;
  openedLessons?: ReadonlyMap<string, number>;
  finalChecks?: readonly FinalCheckAttempt[];
  learnerName?: string;
}): Backup {
  let resetAt = input.resetAt ?? null;
  if (resetAt !== null) for (const review of input.reviews) resetAt = Math.min(resetAt, review.reviewedAt);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(input.nowMs).toISOString(),
    settings: { ...input.settings },
    reviews: [...input.reviews],
    undone: [...(input.undone ?? [])],
    resetAt,
    openedLessons: Object.fromEntries(input.openedLessons ?? []),
    finalChecks: (input.finalChecks ?? []).map((a) => ({ ...a, reviewIds: [...a.reviewIds] })),
    learnerName: input.learnerName ?? '',
  };
}

/** What the learner took back: undone reviews and a reset. */
export interface TakenBack {
  /** Ids of undone reviews. */
  undone?: Iterable<string>;
  /** The last reset (epoch ms): reviews before it were cleared. */
  resetAt?: number | null;
}

/**
 * The reviews of an import that may be merged: what the learner took back (an undone review,
 * anything before a reset) never comes back, whichever side recorded it. Merging the rest is the
 * log's dedupe rule (`withReviews`).
 */
export function withoutTakenBack(
  imported: readonly Review[],
  takenBack: TakenBack,
): { kept: Review[]; takenBack: number } {
  const undone = new Set(takenBack.undone ?? []);
  const resetAt = takenBack.resetAt ?? Number.NEGATIVE_INFINITY;
  const kept = imported.filter((review) => !undone.has(review.id) && review.reviewedAt >= resetAt);
  return { kept, takenBack: imported.length - kept.length };
}

/**
 * What a backup file says was taken back, and when it was written; with the records merged beside
 * the reviews (opened lessons, final-check attempts, the learner's name) when the file has them.
 */
export type FileTakenBack = Pick<Backup, 'exportedAt' | 'undone' | 'resetAt'> &
  Partial<Pick<Backup, 'openedLessons' | 'finalChecks' | 'learnerName'>>;

/**
 * What importing a backup file must leave out: the union of the file's and this browser's taken-back
 * records. Undone reviews count without exception. This browser's reset counts only for a file
 * written at or after it: a reset and a file import are both things the learner chose on purpose,
 * so importing a file exported before the reset is the learner asking for the state they had
 * then, and restores it. Merges nobody chose (an LMS's state) pass no file and honour every reset.
 */
export function takenBackForImport(local: TakenBack, file: FileTakenBack): TakenBack {
  const localResetAt = local.resetAt ?? null;
  const exportedBeforeReset = localResetAt !== null && Date.parse(file.exportedAt) < localResetAt;
  const resets = [file.resetAt, exportedBeforeReset ? null : localResetAt].filter((at): at is number => at !== null);
  return {
    undone: [...(local.undone ?? []), ...file.undone],
    resetAt: resets.length ? Math.max(...resets) : null,
  };
}
