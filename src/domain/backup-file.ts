/**
 * The backup file as the settings page writes and reads it: its text, its name, the largest file
 * of each version, and when to warn that the last backup is old. Kept apart from backup.ts, which
 * every page's runtime loads.
 *
 * Version 1 wrote each review as an object (152 bytes each: 15.2 MB at 100,000 reviews). Version 2
 * writes a row per review with the question as an index into a list of question ids and the time as
 * the gap since the previous review (about 62 bytes each). Every version ever written is read.
 */
import { BACKUP_FORMAT, type Backup } from './backup';

const MB = 1024 * 1024;
/**
 * The largest file of each version import accepts: each version's own export of 100,000 reviews
 * (the benchmark's scale) stays well under it (version 1: 15.2 MB; version 2: about 6.5 MB).
 */
export const MAX_BACKUP_BYTES_BY_VERSION: Readonly<Record<number, number>> = Object.freeze({ 1: 24 * MB, 2: 12 * MB });
/** The largest file read at all, before its version is known. */
export const MAX_BACKUP_BYTES = Math.max(...Object.values(MAX_BACKUP_BYTES_BY_VERSION));

/** One review as a version 2 row, given its question's index and the previous row's time. */
type ReviewRow = [
  id: string,
  question: number,
  rating: number,
  gapMs: number,
  utcOffsetMinutes: number,
  dayStartHour: number,
];

/**
 * The file's text, version 2: a short head, then one review row per line (oldest first, so each
 * time is a small non-negative gap from the previous one).
 */
export function serializeBackup(backup: Backup): string {
  const sorted = [...backup.reviews].sort(
    (a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const questionIndex = new Map<string, number>();
  for (const review of sorted)
    if (!questionIndex.has(review.questionId)) questionIndex.set(review.questionId, questionIndex.size);
  let previousMs = 0;
  const rows = sorted.map((review) => {
    const row: ReviewRow = [
      review.id,
      questionIndex.get(review.questionId)!,
      review.rating,
      review.reviewedAt - previousMs,
      review.utcOffsetMinutes,
      review.dayStartHour,
    ];
    previousMs = review.reviewedAt;
    return JSON.stringify(row);
  });
  const head = {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: backup.exportedAt,
    settings: backup.settings,
    questions: [...questionIndex.keys()],
    undone: backup.undone,
    resetAt: backup.resetAt,
    openedLessons: backup.openedLessons ?? {},
    finalChecks: backup.finalChecks ?? [],
    learnerName: backup.learnerName ?? '',
  };
  const headJson = JSON.stringify(head, null, 1).slice(0, -2);
  return `${headJson},\n "reviews": [${rows.length ? `\n${rows.join(',\n')}\n ` : ''}]\n}\n`;
}

/** The download's file name, from the local date: `progress-2026-03-02.json`. */
export function backupFileName(nowMs: number): string {
  const d = new Date(nowMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `progress-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Days after which a backup counts as old when storage is not persistent (Safari's 7-day rule). */
export const BACKUP_WARNING_DAYS = 7;

/** Whether Settings should warn: storage not persistent and no backup in the last 7 days. */
export function isBackupOverdue(input: { persisted: boolean; lastBackupAt: number | null; nowMs: number }): boolean {
  if (input.persisted) return false;
  if (input.lastBackupAt === null) return true;
  return input.nowMs - input.lastBackupAt > BACKUP_WARNING_DAYS * 86_400_000;
}
