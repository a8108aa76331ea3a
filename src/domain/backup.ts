/**
 * The backup file: a versioned JSON document with the settings and the whole review log. Reading
 * a file (untrusted) is in backup-import.ts; merging is the log's dedupe rule (review-log.ts,
 * `uniqueReviews`); the backup warning is here.
 */
import * as z from 'zod/mini';
import type { Review } from './review';
import { settingsSchema, type Settings } from './settings';

/** The `format` field that marks our backups. */
export const BACKUP_FORMAT = 'seven-reasons-progress';
/** The format version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** The largest file import accepts: 5 MB. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

/** A backup document, version 1. */
export const backupSchema = z.strictObject({
  /** Always `seven-reasons-progress`. */
  format: z.literal(BACKUP_FORMAT),
  /** Format version; readers reject versions they do not know. */
  version: z.literal(BACKUP_VERSION),
  /** When the file was written (ISO 8601, UTC). */
  exportedAt: z.iso.datetime({ error: 'дата выгрузки должна быть в формате ISO 8601' }),
  /** The learner's settings at export. */
  settings: settingsSchema,
  /** The whole review log, including reviews of questions no longer in the course (each as `reviewSchema`). */
  reviews: z.array(z.unknown(), { error: 'список повторений должен быть массивом' }),
});

/** A backup document, version 1. */
export type Backup = Omit<z.infer<typeof backupSchema>, 'reviews'> & { reviews: Review[] };

/** Builds the backup document. */
export function createBackup(input: { settings: Settings; reviews: readonly Review[]; nowMs: number }): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(input.nowMs).toISOString(),
    settings: { ...input.settings },
    reviews: [...input.reviews],
  };
}

/** The file's text: readable JSON with one review per line. */
export function serializeBackup(backup: Backup): string {
  const { reviews, ...head } = backup;
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  const lines = reviews.map((review) => `    ${JSON.stringify(review)}`).join(',\n');
  return `${headJson},\n  "reviews": [${lines ? `\n${lines}\n  ` : ''}]\n}\n`;
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
