/**
 * The backup file: a versioned JSON document with the settings and the whole review log. Import
 * treats the file as untrusted: size, encoding, JSON, forbidden keys and schema are checked before
 * anything is merged, and every failure is a Russian sentence, never an exception.
 */
import { z } from 'astro/zod';
import { BACKUP_MESSAGES } from '../i18n/messages';
import { parseReview, reviewSchema, type Review } from './review';
import { settingsSchema, type Settings } from './settings';

/** The `format` field that marks our backups. */
export const BACKUP_FORMAT = 'seven-reasons-progress';
/** The format version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** The largest file import accepts: 5 MB. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;
/** Keys that could reach an object's prototype; a file containing any of them is rejected. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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

/** The result of reading a backup file: the document, or a Russian error message. */
export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

const megabytes = (bytes: number) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);

function where(path: readonly PropertyKey[]): string {
  const [head, index, field] = path;
  if (head === 'reviews' && typeof index === 'number') {
    return `повторение № ${index + 1}${field === undefined ? '' : `, поле «${String(field)}»`}`;
  }
  if (head === 'settings' && index !== undefined) return `настройки, поле «${String(index)}»`;
  return path.length ? `поле «${path.map(String).join('.')}»` : 'файл';
}

function what(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `лишние поля: ${issue.keys.join(', ')}`;
  return /[а-яё]/i.test(issue.message) ? issue.message : 'неверное значение';
}

/** The first forbidden key anywhere in a parsed JSON value, found without recursion. */
function findForbiddenKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const element of item) if (typeof element === 'object' && element !== null) stack.push(element);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      const child: unknown = (item as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return undefined;
}

function decode(input: string | ArrayBuffer | Uint8Array): string | null {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

function byteLength(input: string | ArrayBuffer | Uint8Array, limit: number): number {
  if (typeof input !== 'string') return input.byteLength;
  // UTF-8 needs at least one byte per UTF-16 unit and at most three, so encode only when unsure.
  return input.length * 3 <= limit ? input.length : new TextEncoder().encode(input).length;
}

/**
 * Reads and validates a backup file. `sizeBytes` is the file's size (`file.size`) when known, so a
 * huge file can be rejected before it is read. Never throws and never touches `Object.prototype`:
 * a forbidden key anywhere rejects the file.
 */
export function parseBackup(input: string | ArrayBuffer | Uint8Array, sizeBytes?: number, maxBytes = MAX_BACKUP_BYTES): ParseBackupResult {
  const fail = (error: string): ParseBackupResult => ({ ok: false, error });
  try {
    const size = Math.max(sizeBytes ?? 0, byteLength(input, maxBytes));
    if (size > maxBytes) return fail(BACKUP_MESSAGES.tooLarge(megabytes(size), megabytes(maxBytes)));
    const text = decode(input);
    if (text === null) return fail(BACKUP_MESSAGES.notText);
    let raw: unknown;
    try {
      // JSON.parse defines keys as own data properties, so even "__proto__" cannot reach a
      // prototype here; the walk below then rejects the file before anything uses it.
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return fail(BACKUP_MESSAGES.notJson);
    }
    const forbidden = findForbiddenKey(raw);
    if (forbidden !== undefined) return fail(BACKUP_MESSAGES.forbiddenKey(forbidden));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(BACKUP_MESSAGES.wrongFormat);
    const { format, version } = raw as { format?: unknown; version?: unknown };
    if (format !== BACKUP_FORMAT) return fail(BACKUP_MESSAGES.wrongFormat);
    if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
      return fail(BACKUP_MESSAGES.newerVersion(version));
    }
    const parsed = backupSchema.safeParse(raw);
    const invalid = (issue: z.core.$ZodIssue | undefined, prefix: PropertyKey[] = []) =>
      fail(BACKUP_MESSAGES.invalid(issue ? where([...prefix, ...issue.path]) : where(prefix), issue ? what(issue) : 'неверное значение'));
    if (!parsed.success) return invalid(parsed.error.issues[0]);
    // Reviews are checked with the fast parser; zod runs only on a bad one, to say what is wrong.
    const reviews: Review[] = [];
    for (const [index, item] of parsed.data.reviews.entries()) {
      const review = parseReview(item);
      if (!review) return invalid(reviewSchema.safeParse(item).error?.issues[0], ['reviews', index]);
      reviews.push(review);
    }
    return { ok: true, backup: { ...parsed.data, reviews } };
  } catch {
    return fail(BACKUP_MESSAGES.notJson);
  }
}

/**
 * The union of two logs by review id: which imported reviews are new. Importing the same file
 * twice adds nothing the second time; an imported review never replaces one already kept.
 */
export function mergeReviews(existing: Iterable<Review>, imported: readonly Review[]): { added: Review[]; alreadyPresent: number } {
  const known = new Set<string>();
  for (const review of existing) known.add(review.id);
  const added: Review[] = [];
  for (const review of imported) {
    if (known.has(review.id)) continue;
    known.add(review.id);
    added.push(review);
  }
  return { added, alreadyPresent: imported.length - added.length };
}

/** Days after which a backup counts as old when storage is not persistent (Safari's 7-day rule). */
export const BACKUP_WARNING_DAYS = 7;

/** Whether Settings should warn: storage not persistent and no backup in the last 7 days. */
export function isBackupOverdue(input: { persisted: boolean; lastBackupAt: number | null; nowMs: number }): boolean {
  if (input.persisted) return false;
  if (input.lastBackupAt === null) return true;
  return input.nowMs - input.lastBackupAt > BACKUP_WARNING_DAYS * 86_400_000;
}
