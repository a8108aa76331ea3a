import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, isSettings, parseSettings } from '../../src/domain/settings';
import { settingsSchema } from '../../src/domain/schemas';

describe('parseSettings', () => {
  test('gives the defaults for anything that is not an object', () => {
    for (const x of [undefined, null, 42, 'text', []]) expect(parseSettings(x)).toEqual(DEFAULT_SETTINGS);
  });

  test('defaults are retention 0.90, 10 new per day and a study day from 04:00', () => {
    expect(DEFAULT_SETTINGS).toEqual({ desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 });
  });

  test('keeps valid fields and replaces only the invalid ones with defaults', () => {
    expect(parseSettings({ desiredRetention: 0.99, newPerDay: 5, dayStartHour: 'x' })).toEqual({
      desiredRetention: 0.9,
      newPerDay: 5,
      dayStartHour: 4,
    });
  });

  test('accepts the edges of each range and rejects values just outside', () => {
    expect(parseSettings({ desiredRetention: 0.8, newPerDay: 0, dayStartHour: 23 })).toEqual({
      desiredRetention: 0.8,
      newPerDay: 0,
      dayStartHour: 23,
    });
    expect(parseSettings({ desiredRetention: 0.97, newPerDay: 100, dayStartHour: 0 })).toEqual({
      desiredRetention: 0.97,
      newPerDay: 100,
      dayStartHour: 0,
    });
    expect(parseSettings({ desiredRetention: 0.79, newPerDay: 101, dayStartHour: 24 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ newPerDay: 2.5, dayStartHour: Number.NaN })).toEqual(DEFAULT_SETTINGS);
  });

  test('ignores inherited properties', () => {
    const inherited = Object.create({ newPerDay: 3 }) as object;
    expect(parseSettings(inherited).newPerDay).toBe(10);
  });
});

describe('the hand-written checks agree with settingsSchema', () => {
  const values = [undefined, null, 'x', -1, 0, 0.79, 0.8, 0.85, 0.9, 0.97, 0.98, 1, 3.5, 4, 12, 23, 24, 100, 101, NaN];
  test('isSettings accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        fc.constantFrom(...values),
        fc.boolean(),
        (desiredRetention, newPerDay, dayStartHour, extra) => {
          const x = { desiredRetention, newPerDay, dayStartHour, ...(extra ? { more: 1 } : {}) };
          expect(isSettings(x)).toBe(settingsSchema.safeParse(x).success);
        },
      ),
    );
  });
});
