/**
 * Reading a backup file. The file is untrusted: size, encoding, JSON, forbidden keys and schema
 * are checked before anything is merged, and every failure is a Russian sentence, never an
 * exception.
 */
import type * as z from 'zod/mini';
import { BACKUP_MESSAGES } from '../i18n/backup-messages';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
import { MAX_BACKUP_BYTES_BY_VERSION } from './backup-file';
import { parseLearnerName } from './learner-name';
import { parseReview, type Review } from './review';
import { backupV1Schema, backupV2Schema, reviewSchema } from './schemas';

/** Keys that could reach an object's prototype; a file containing any of them is rejected. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The result of reading a backup file: the document, or a Russian error message. */
export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

const megabytes = (bytes: number) =>
  new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);

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

type Fail = (issue: z.core.$ZodIssue | undefined, prefix?: PropertyKey[]) => ParseBackupResult;
type Decoded = { ok: true; reviews: Review[] } | { ok: false; result: ParseBackupResult };

/** Version 1 rows: review objects, checked with the fast parser; zod runs only on a bad one, to say what is wrong. */
function decodeV1(items: readonly unknown[], invalid: Fail): Decoded {
  const reviews: Review[] = [];
  for (const [index, item] of items.entries()) {
    const review = parseReview(item);
    if (!review)
      return { ok: false, result: invalid(reviewSchema.safeParse(item).error?.issues[0], ['reviews', index]) };
    reviews.push(review);
  }
  return { ok: true, reviews };
}

const ROW_FIELDS = ['id', 'questionId', 'rating', 'reviewedAt', 'utcOffsetMinutes', 'dayStartHour'] as const;

/** Version 2 rows: [id, question index, rating, gap in ms, UTC offset, day start hour]. */
function decodeV2(
  rows: readonly unknown[],
  questions: readonly unknown[],
  fail: (error: string) => ParseBackupResult,
  invalid: Fail,
): Decoded {
  const reviews: Review[] = [];
  let previousMs = 0;
  for (const [index, row] of rows.entries()) {
    const bad = (field: string, what: string): Decoded => ({
      ok: false,
      result: fail(BACKUP_MESSAGES.invalid(`повторение № ${index + 1}, поле «${field}»`, what)),
    });
    if (!Array.isArray(row) || row.length !== ROW_FIELDS.length) return bad('(строка)', 'должно быть 6 значений');
    const [id, questionIndex, rating, gapMs, utcOffsetMinutes, dayStartHour] = row as unknown[];
    if (
      !Number.isInteger(questionIndex) ||
      (questionIndex as number) < 0 ||
      (questionIndex as number) >= questions.length
    ) {
      return bad('questionId', 'нет вопроса с таким номером');
    }
    if (!Number.isInteger(gapMs) || (gapMs as number) < 0)
      return bad('reviewedAt', 'повторения должны идти по времени');
    const candidate = {
      id,
      // A non-string here fails parseReview below, which then names the questionId field.
      questionId: questions[questionIndex as number],
      rating,
      reviewedAt: previousMs + (gapMs as number),
      utcOffsetMinutes,
      dayStartHour,
    };
    const review = parseReview(candidate);
    if (!review)
      return { ok: false, result: invalid(reviewSchema.safeParse(candidate).error?.issues[0], ['reviews', index]) };
    previousMs = review.reviewedAt;
    reviews.push(review);
  }
  return { ok: true, reviews };
}

/**
 * Reads and validates a backup file of any version this site has written. `sizeBytes` is the
 * file's size (`file.size`) when known, so a huge file can be rejected before it is read; each
 * version then has its own limit (`limits`). Never throws and never touches `Object.prototype`:
 * a forbidden key anywhere rejects the file.
 */
export function parseBackup(
  input: string | ArrayBuffer | Uint8Array,
  sizeBytes?: number,
  limits: Readonly<Record<number, number>> = MAX_BACKUP_BYTES_BY_VERSION,
): ParseBackupResult {
  const fail = (error: string): ParseBackupResult => ({ ok: false, error });
  try {
    const maxBytes = Math.max(...Object.values(limits));
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
    const versionLimit = typeof version === 'number' ? limits[version] : undefined;
    if (versionLimit !== undefined && size > versionLimit) {
      return fail(BACKUP_MESSAGES.tooLarge(megabytes(size), megabytes(versionLimit)));
    }
    const invalid: Fail = (issue, prefix = []) =>
      fail(
        BACKUP_MESSAGES.invalid(
          issue ? where([...prefix, ...issue.path]) : where(prefix),
          issue ? what(issue) : 'неверное значение',
        ),
      );
    if (version === 2) {
      const parsed = backupV2Schema.safeParse(raw);
      if (!parsed.success) return invalid(parsed.error.issues[0]);
      const { reviews: rows, questions, learnerName, ...head } = parsed.data;
      const decoded = decodeV2(rows, questions, fail, invalid);
      const name = learnerName === undefined ? {} : { learnerName: parseLearnerName(learnerName) };
      return decoded.ok ? { ok: true, backup: { ...head, ...name, reviews: decoded.reviews } } : decoded.result;
    }
    const parsed = backupV1Schema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error.issues[0]);
    const decoded = decodeV1(parsed.data.reviews, invalid);
    return decoded.ok
      ? { ok: true, backup: { ...parsed.data, reviews: decoded.reviews, undone: [], resetAt: null } }
      : decoded.result;
  } catch {
    return fail(BACKUP_MESSAGES.notJson);
  }
}
