import { describe, expect, test } from 'vitest';
import { formatInterval } from '../../src/i18n/intervals';
import { RATING_LABELS, ratingButtonLabel } from '../../src/i18n/ratings';

const days = (n: number) => ({ intervalMs: n * 86_400_000, intervalDays: n, shortTerm: false });
const minutes = (n: number) => ({ intervalMs: n * 60_000, intervalDays: 0, shortTerm: true });

describe('interval labels', () => {
  test('short steps show minutes, then hours', () => {
    expect(formatInterval(minutes(10))).toBe('10 мин');
    expect(formatInterval(minutes(90))).toBe('1,5 ч');
  });

  test('day intervals show days up to a month, then months, then years', () => {
    expect([1, 4, 29, 60, 45, 365].map((n) => formatInterval(days(n)))).toEqual([
      '1 дн.',
      '4 дн.',
      '29 дн.',
      '2 мес.',
      '1,5 мес.',
      '1 г.',
    ]);
  });

  test('negative or non-finite values show as zero minutes, never NaN', () => {
    expect(formatInterval({ intervalMs: -5, intervalDays: Number.NaN, shortTerm: false })).toBe('0 мин');
    expect(formatInterval({ intervalMs: Number.NaN, intervalDays: 0, shortTerm: true })).toBe('0 мин');
  });

  test('a rating button starts with its word and shows the interval', () => {
    expect(Object.values(RATING_LABELS)).toEqual(['Снова', 'Трудно', 'Хорошо', 'Легко']);
    expect(ratingButtonLabel(3, days(4))).toBe('Хорошо · 4 дн.');
    expect(ratingButtonLabel(1, minutes(10))).toBe('Снова · 10 мин');
  });
});
