import './tz-moscow';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createBackup, takenBackForImport, withoutTakenBack } from '../../src/domain/backup';
import {
  MAX_BACKUP_BYTES,
  MAX_BACKUP_BYTES_BY_VERSION,
  backupFileName,
  isBackupOverdue,
  serializeBackup,
} from '../../src/domain/backup-file';
import { parseBackup } from '../../src/domain/backup-import';
import { newReviewId, parseReview, type Review } from '../../src/domain/review';
import { reviewSchema } from '../../src/domain/schemas';
import { serializeBackupV1 } from '../fixtures/backup-v1';
import { reviewArb } from './arbitraries';
import { DAY, SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const sample = () => [review('q-1', 3, T0), review('q-2', 1, T0 + 60_000)];
const fileOf = (reviews = sample()) => serializeBackup(createBackup({ settings: SETTINGS, reviews, nowMs: T0 }));
const v1FileOf = (reviews = sample()) => serializeBackupV1({ settings: SETTINGS, reviews, nowMs: T0 });
/** A version 2 file with one change made to its parsed JSON. */
const editedFile = (edit: (doc: { reviews: unknown[][]; [key: string]: unknown }) => void) => {
  const doc = JSON.parse(fileOf()) as { reviews: unknown[][] };
  edit(doc);
  return JSON.stringify(doc);
};
const errorOf = (input: string | Uint8Array, size?: number) => {
  const result = parseBackup(input, size);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};
const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join();

describe('backup export', () => {
  test('writes a versioned document that reads back unchanged', () => {
    const reviews = sample();
    const result = parseBackup(fileOf(reviews));
    expect(result).toEqual({
      ok: true,
      backup: {
        format: 'seven-reasons-progress',
        version: 2,
        exportedAt: '2026-03-02T07:00:00.000Z',
        settings: SETTINGS,
        reviews,
        undone: [],
        resetAt: null,
        openedLessons: {},
        finalChecks: [],
        learnerName: '',
      },
    });
  });

  test('carries final-check attempts and the learner name, and reads files written before them', () => {
    const attempt = { attemptId: 'a-1', finishedAt: T0 - DAY, score: 8, total: 10, reviewIds: ['r-1', 'r-2'] };
    const text = serializeBackup(
      createBackup({ settings: SETTINGS, reviews: sample(), nowMs: T0, finalChecks: [attempt], learnerName: 'Анна' }),
    );
    const result = parseBackup(text);
    expect(result.ok && result.backup.finalChecks).toEqual([attempt]);
    expect(result.ok && result.backup.learnerName).toBe('Анна');
    const doc = JSON.parse(text) as Record<string, unknown>;
    delete doc['finalChecks'];
    delete doc['learnerName'];
    const older = parseBackup(JSON.stringify(doc));
    expect(older.ok && older.backup.finalChecks).toBeUndefined();
    expect(older.ok && older.backup.learnerName).toBeUndefined();
    expect(older.ok && older.backup.reviews).toEqual(sample().map((r) => ({ ...r, id: expect.any(String) as string })));
    const broken = parseBackup(JSON.stringify({ ...JSON.parse(text), finalChecks: [{ ...attempt, score: 11 }] }));
    expect(broken).toEqual({ ok: false, error: expect.stringContaining('finalChecks') as string });
  });

  test('carries the lessons opened, and reads files written before they were recorded', () => {
    const openedLessons = new Map([['no-referee', T0 - DAY]]);
    const text = serializeBackup(createBackup({ settings: SETTINGS, reviews: sample(), nowMs: T0, openedLessons }));
    const result = parseBackup(text);
    expect(result.ok && result.backup.openedLessons).toEqual({ 'no-referee': T0 - DAY });
    const older = text.replace(/,\n "openedLessons": \{[^}]*\}/, '');
    expect(older).not.toContain('openedLessons');
    const parsed = parseBackup(older);
    expect(parsed.ok && parsed.backup.openedLessons).toBeUndefined();
  });

  test('carries what the learner took back: undone review ids and the last reset', () => {
    const text = serializeBackup(
      createBackup({ settings: SETTINGS, reviews: sample(), nowMs: T0, undone: ['r-gone'], resetAt: T0 - DAY }),
    );
    const result = parseBackup(text);
    expect(result.ok && { undone: result.backup.undone, resetAt: result.backup.resetAt }).toEqual({
      undone: ['r-gone'],
      resetAt: T0 - DAY,
    });
  });

  test('writes each question id once and each review as a short row, oldest first', () => {
    const reviews = [review('q-1', 3, T0 + 5_000), review('q-1', 1, T0), review('q-2', 4, T0 + 9_000)];
    const doc = JSON.parse(fileOf(reviews)) as { questions: string[]; reviews: unknown[][] };
    expect(doc.questions).toEqual(['q-1', 'q-2']);
    expect(doc.reviews.map((row) => row.slice(1))).toEqual([
      [0, 1, T0, 180, 4],
      [0, 3, 5_000, 180, 4],
      [1, 4, 4_000, 180, 4],
    ]);
    const back = parseBackup(fileOf(reviews));
    expect(back.ok && [...back.backup.reviews].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...reviews].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  test('reads a file written by version 1 of the site', () => {
    const reviews = sample();
    const result = parseBackup(v1FileOf(reviews));
    expect(result).toEqual({
      ok: true,
      backup: {
        format: 'seven-reasons-progress',
        version: 1,
        exportedAt: '2026-03-02T07:00:00.000Z',
        settings: SETTINGS,
        reviews,
        undone: [],
        resetAt: null,
      },
    });
  });

  test(
    "at the benchmark's scale (100,000 reviews) each version's export stays under its own size limit",
    { timeout: 30_000 },
    () => {
      const reviews: Review[] = [];
      for (let i = 0; i < 100_000; i++) {
        reviews.push({
          id: newReviewId(),
          questionId: `q-${i % 10_000}`,
          rating: ((i % 4) + 1) as Review['rating'],
          reviewedAt: T0 + i * 600_000,
          utcOffsetMinutes: 180,
          dayStartHour: 4,
        });
      }
      const v1Bytes = Buffer.byteLength(v1FileOf(reviews));
      const v2 = fileOf(reviews);
      const v2Bytes = Buffer.byteLength(v2);
      expect(v1Bytes).toBeLessThan(MAX_BACKUP_BYTES_BY_VERSION[1]!);
      expect(v2Bytes).toBeLessThan(MAX_BACKUP_BYTES_BY_VERSION[2]!);
      expect(v2Bytes).toBeLessThan(v1Bytes / 2);
      const back = parseBackup(v2, v2Bytes);
      expect(back.ok && back.backup.reviews.length).toBe(100_000);
    },
  );

  test('an empty log reads back as well', () => {
    expect(parseBackup(fileOf([])).ok).toBe(true);
  });

  test('names the file after the local date', () => {
    expect(backupFileName(at('2026-03-02T01:30+03:00'))).toBe('progress-2026-03-02.json');
  });
});

describe('backup import', () => {
  test('rejects a file over the largest limit by its size before reading it', () => {
    expect(errorOf(fileOf(), MAX_BACKUP_BYTES + 1)).toMatchInlineSnapshot(
      `"Файл слишком большой (24 МБ). Можно загрузить файл не больше 24 МБ."`,
    );
  });

  test('holds each version to its own limit once the version is known', () => {
    const limits = { 1: 100_000, 2: 1_000 };
    const v2 = fileOf();
    expect(parseBackup(v2, 2_000, limits)).toEqual({
      ok: false,
      error: 'Файл слишком большой (0 МБ). Можно загрузить файл не больше 0 МБ.',
    });
    expect(parseBackup(v1FileOf(), 2_000, limits).ok).toBe(true);
  });

  test('rejects text over the largest limit even without a size', () => {
    expect(errorOf(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatch(/слишком большой/);
  });

  test('rejects bytes that are not UTF-8', () => {
    expect(errorOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toMatchInlineSnapshot(
      `"Файл не похож на резервную копию: это не текст в кодировке UTF-8."`,
    );
  });

  test('accepts UTF-8 bytes with a byte-order mark', () => {
    expect(parseBackup(new TextEncoder().encode(`\uFEFF${fileOf()}`)).ok).toBe(true);
  });

  test('rejects a file that is not JSON', () => {
    expect(errorOf('{"format": ')).toMatchInlineSnapshot(`"Файл не похож на резервную копию: это не JSON."`);
  });

  test('rejects JSON that is not our format', () => {
    expect(errorOf('{"hello": "world"}')).toMatchInlineSnapshot(`"Это не резервная копия прогресса этого курса."`);
    expect(errorOf('[1,2,3]')).toMatch(/Это не резервная копия/);
  });

  test('rejects a newer format version with advice', () => {
    expect(errorOf(fileOf().replace('"version": 2', '"version": 3'))).toMatchInlineSnapshot(
      `"Файл создан более новой версией сайта (формат 3). Обновите страницу и попробуйте снова."`,
    );
  });

  test('names the review row and field that fail in a version 2 file', () => {
    expect(errorOf(editedFile((doc) => (doc.reviews[1]![2] = 7)))).toMatchInlineSnapshot(
      `"Файл повреждён: повторение № 2, поле «rating» — оценка должна быть 1, 2, 3 или 4. Ничего не изменено."`,
    );
    expect(errorOf(editedFile((doc) => (doc.reviews[0]![1] = 9)))).toMatchInlineSnapshot(
      `"Файл повреждён: повторение № 1, поле «questionId» — нет вопроса с таким номером. Ничего не изменено."`,
    );
    expect(errorOf(editedFile((doc) => (doc.reviews[1]![3] = -5)))).toMatchInlineSnapshot(
      `"Файл повреждён: повторение № 2, поле «reviewedAt» — повторения должны идти по времени. Ничего не изменено."`,
    );
    expect(errorOf(editedFile((doc) => doc.reviews[0]!.pop()))).toMatch(
      /повторение № 1, поле «\(строка\)» — должно быть 6 значений/,
    );
    expect(errorOf(editedFile((doc) => (doc['undone'] = [1])))).toMatch(/поле «undone.0»/);
  });

  test('names the review and field that fail the schema in a version 1 file', () => {
    const broken = v1FileOf().replace('"rating":1', '"rating":7');
    expect(errorOf(broken)).toMatchInlineSnapshot(
      `"Файл повреждён: повторение № 2, поле «rating» — оценка должна быть 1, 2, 3 или 4. Ничего не изменено."`,
    );
    expect(errorOf(v1FileOf().replace('"newPerDay": 10', '"newPerDay": -1'))).toMatch(/настройки, поле «newPerDay»/);
    expect(errorOf(v1FileOf().replace('"dayStartHour":4}', '"dayStartHour":4,"extra":1}'))).toMatch(
      /лишние поля: extra/,
    );
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    test(`rejects a "${key}" key at any depth without touching Object.prototype`, () => {
      const before = prototypeSnapshot();
      const nested = v1FileOf().replace('"rating":3', `"rating":3,"${key}":{"polluted":true}`);
      expect(errorOf(fileOf().replace('"settings": {', `"settings": {"${key}":{"polluted":true},`))).toBe(
        `Файл отклонён: в нём есть недопустимый ключ «${key}».`,
      );
      expect(errorOf(nested)).toBe(`Файл отклонён: в нём есть недопустимый ключ «${key}».`);
      expect(errorOf(`{"${key}":{"polluted":true},"format":"seven-reasons-progress"}`)).toMatch(/недопустимый ключ/);
      expect(prototypeSnapshot()).toBe(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  test('random or mutated files never throw and never change Object.prototype', () => {
    const before = prototypeSnapshot();
    const valid = fileOf();
    const mutated = fc
      .tuple(
        fc.nat({ max: valid.length }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('', '"__proto__":{"x":1},', '"constructor":{"prototype":{"x":1}},'),
      )
      .map(([at, cut, insert, evil]) => valid.slice(0, at) + evil + insert + valid.slice(at + cut));
    const randomJson = fc.jsonValue().map((v) => JSON.stringify(v));
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          randomJson,
          fc.string(),
          fc.uint8Array().map((a) => a as Uint8Array),
        ),
        (input) => {
          const result = parseBackup(input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error).toMatch(/[а-яё]/i);
          expect(prototypeSnapshot()).toBe(before);
          expect(({} as Record<string, unknown>)['x']).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('what the learner took back', () => {
  test('an undone review never comes back, whichever side recorded the undo', () => {
    const [first, second] = sample();
    if (!first || !second) throw new Error('no review');
    expect(withoutTakenBack([first, second], { undone: [second.id] })).toEqual({ kept: [first], takenBack: 1 });
  });

  test('reviews from before the last reset never come back', () => {
    const old = review('q-1', 3, T0 - DAY);
    const fresh = review('q-2', 3, T0 + DAY);
    expect(withoutTakenBack([old, fresh], { resetAt: T0 })).toEqual({ kept: [fresh], takenBack: 1 });
  });

  test('nothing taken back keeps every review', () => {
    expect(withoutTakenBack(sample(), {}).takenBack).toBe(0);
  });

  const iso = (ms: number) => new Date(ms).toISOString();

  test("a file's import drops both the file's undone reviews and this browser's", () => {
    const rule = takenBackForImport(
      { undone: ['mine'], resetAt: null },
      { exportedAt: iso(T0), undone: ['theirs'], resetAt: null },
    );
    expect(rule).toEqual({ undone: ['mine', 'theirs'], resetAt: null });
  });

  test("a file exported after this browser's reset does not bring back what the reset cleared", () => {
    const old = review('q-1', 3, T0 - DAY);
    const fresh = review('q-2', 3, T0 + 2 * DAY);
    const rule = takenBackForImport(
      { undone: [], resetAt: T0 },
      { exportedAt: iso(T0 + 3 * DAY), undone: [], resetAt: null },
    );
    expect(withoutTakenBack([old, fresh], rule)).toEqual({ kept: [fresh], takenBack: 1 });
  });

  test("a file exported before this browser's reset restores the state it holds, undone reviews still left out", () => {
    const [kept, undone] = [review('q-1', 3, T0 - 3 * DAY), review('q-2', 3, T0 - 2 * DAY)];
    const rule = takenBackForImport(
      { undone: [undone.id], resetAt: T0 },
      { exportedAt: iso(T0 - DAY), undone: [], resetAt: null },
    );
    expect(withoutTakenBack([kept, undone], rule)).toEqual({ kept: [kept], takenBack: 1 });
  });

  test("a file's own reset counts whenever it was exported", () => {
    const rule = takenBackForImport(
      { undone: [], resetAt: T0 },
      { exportedAt: iso(T0 - DAY), undone: [], resetAt: T0 - 2 * DAY },
    );
    expect(rule.resetAt).toBe(T0 - 2 * DAY);
    expect(takenBackForImport({}, { exportedAt: iso(T0), undone: [], resetAt: T0 - DAY }).resetAt).toBe(T0 - DAY);
  });

  test('a backup never takes back its own reviews: its reset moves back to the oldest review it holds', () => {
    const restored = review('q-1', 3, T0 - DAY);
    const later = review('q-2', 3, T0 + DAY);
    const backup = createBackup({ settings: SETTINGS, reviews: [later, restored], nowMs: T0 + DAY, resetAt: T0 });
    expect(backup.resetAt).toBe(T0 - DAY);
    expect(withoutTakenBack(backup.reviews, backup).takenBack).toBe(0);
    expect(createBackup({ settings: SETTINGS, reviews: [later], nowMs: T0 + DAY, resetAt: T0 }).resetAt).toBe(T0);
  });
});

describe('backup warning', () => {
  test('warns when storage is not persistent and the last backup is older than 7 days or missing', () => {
    expect(isBackupOverdue({ persisted: false, lastBackupAt: null, nowMs: T0 })).toBe(true);
    expect(isBackupOverdue({ persisted: false, lastBackupAt: T0 - 8 * DAY, nowMs: T0 })).toBe(true);
    expect(isBackupOverdue({ persisted: false, lastBackupAt: T0 - 6 * DAY, nowMs: T0 })).toBe(false);
    expect(isBackupOverdue({ persisted: true, lastBackupAt: null, nowMs: T0 })).toBe(false);
  });
});

describe('review record parsing', () => {
  test('the fast parser accepts exactly what the schema accepts', () => {
    const keys = ['id', 'questionId', 'rating', 'reviewedAt', 'utcOffsetMinutes', 'dayStartHour'] as const;
    const edge = fc.constantFrom<unknown>(
      '',
      'x'.repeat(101),
      'x'.repeat(201),
      0,
      5,
      1.5,
      -841,
      841,
      -1,
      24,
      T0 + 0.5,
      Date.UTC(1999, 0, 1),
      Date.UTC(2201, 0, 1),
      null,
      '3',
      Number.NaN,
    );
    const mutated = fc
      .tuple(reviewArb, fc.constantFrom(...keys, 'none', 'extra', 'drop'), fc.constantFrom(...keys), edge)
      .map(([valid, change, key, value]) => {
        const r: Record<string, unknown> = { ...valid };
        if (change === 'extra') r['extra'] = value;
        else if (change === 'drop') delete r[key];
        else if (change !== 'none') r[change] = value;
        return r;
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (x) => {
        expect(parseReview(x) !== null).toBe(reviewSchema.safeParse(x).success);
      }),
      { numRuns: 2000 },
    );
  });
});
