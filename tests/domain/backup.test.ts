import './tz-moscow';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  MAX_BACKUP_BYTES,
  backupFileName,
  createBackup,
  isBackupOverdue,
  serializeBackup,
} from '../../src/domain/backup';
import { parseBackup } from '../../src/domain/backup-import';
import { parseReview, reviewSchema } from '../../src/domain/review';
import { reviewArb } from './arbitraries';
import { DAY, SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const sample = () => [review('q-1', 3, T0), review('q-2', 1, T0 + 60_000)];
const fileOf = (reviews = sample()) => serializeBackup(createBackup({ settings: SETTINGS, reviews, nowMs: T0 }));
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
      backup: { format: 'seven-reasons-progress', version: 1, exportedAt: '2026-03-02T07:00:00.000Z', settings: SETTINGS, reviews },
    });
  });

  test('an empty log reads back as well', () => {
    expect(parseBackup(fileOf([])).ok).toBe(true);
  });

  test('names the file after the local date', () => {
    expect(backupFileName(at('2026-03-02T01:30+03:00'))).toBe('progress-2026-03-02.json');
  });
});

describe('backup import', () => {
  test('rejects a file over 5 MB by its size before reading it', () => {
    expect(errorOf(fileOf(), MAX_BACKUP_BYTES + 1)).toMatchInlineSnapshot(`"Файл слишком большой (5 МБ). Можно загрузить файл не больше 5 МБ."`);
  });

  test('rejects text over 5 MB even without a size', () => {
    expect(errorOf(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatch(/слишком большой/);
  });

  test('rejects bytes that are not UTF-8', () => {
    expect(errorOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toMatchInlineSnapshot(`"Файл не похож на резервную копию: это не текст в кодировке UTF-8."`);
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
    expect(errorOf(fileOf().replace('"version": 1', '"version": 2'))).toMatchInlineSnapshot(`"Файл создан более новой версией сайта (формат 2). Обновите страницу и попробуйте снова."`);
  });

  test('names the review and field that fail the schema', () => {
    const broken = fileOf().replace('"rating":1', '"rating":7');
    expect(errorOf(broken)).toMatchInlineSnapshot(`"Файл повреждён: повторение № 2, поле «rating» — оценка должна быть 1, 2, 3 или 4. Ничего не изменено."`);
    expect(errorOf(fileOf().replace('"newPerDay": 10', '"newPerDay": -1'))).toMatch(/настройки, поле «newPerDay»/);
    expect(errorOf(fileOf().replace('"dayStartHour":4}', '"dayStartHour":4,"extra":1}'))).toMatch(/лишние поля: extra/);
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    test(`rejects a "${key}" key at any depth without touching Object.prototype`, () => {
      const before = prototypeSnapshot();
      const nested = fileOf().replace('"rating":3', `"rating":3,"${key}":{"polluted":true}`);
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
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 30 }), fc.constantFrom('', '"__proto__":{"x":1},', '"constructor":{"prototype":{"x":1}},'))
      .map(([at, cut, insert, evil]) => valid.slice(0, at) + evil + insert + valid.slice(at + cut));
    const randomJson = fc.jsonValue().map((v) => JSON.stringify(v));
    fc.assert(
      fc.property(fc.oneof(mutated, randomJson, fc.string(), fc.uint8Array().map((a) => a as Uint8Array)), (input) => {
        const result = parseBackup(input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error).toMatch(/[а-яё]/i);
        expect(prototypeSnapshot()).toBe(before);
        expect(({} as Record<string, unknown>)['x']).toBeUndefined();
      }),
      { numRuns: 500 },
    );
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
    const edge = fc.constantFrom<unknown>('', 'x'.repeat(101), 'x'.repeat(201), 0, 5, 1.5, -841, 841, -1, 24, T0 + 0.5, Date.UTC(1999, 0, 1), Date.UTC(2201, 0, 1), null, '3', Number.NaN);
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
