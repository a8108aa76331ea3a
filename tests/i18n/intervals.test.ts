import { describe, expect, test } from 'vitest';
import { formatInterval } from '../../src/i18n/intervals';
import { RATING_LABELS, ratingButtonLabel } from '../../src/i18n/ratings';

const days = (n: number) => ({ intervalMs: n * 86_400_000, intervalDays: n, shortTerm: false });
const minutes = (n: number) => ({ intervalMs: n * 60_000, intervalDays: 0, shortTerm: true });

describe('interval labels', () => {
  test('short steps show minutes, then hours', () => {
    expect(formatInterval(minutes(10))).toBe('10\u00a0минут');
    expect(formatInterval(minutes(1))).toBe('1\u00a0минута');
    expect(formatInterval(minutes(60))).toBe('1\u00a0час');
    expect(formatInterval(minutes(90))).toBe('1,5\u00a0часа');
  });

  test('day intervals show days up to a month, then months, then years, in words with Russian plurals', () => {
    expect(
      [1, 4, 5, 21, 29, 60, 45, 150, 365, 548].map((n) => formatInterval(days(n)).replace(/\u00a0/g, ' ')),
    ).toEqual([
      '1 день',
      '4 дня',
      '5 дней',
      '21 день',
      '29 дней',
      '2 месяца',
      '1,5 месяца',
      '5 месяцев',
      '1 год',
      '1,5 года',
    ]);
  });

  test('negative or non-finite values show as zero minutes, never NaN', () => {
    expect(formatInterval({ intervalMs: -5, intervalDays: Number.NaN, shortTerm: false })).toBe('0\u00a0минут');
    expect(formatInterval({ intervalMs: Number.NaN, intervalDays: 0, shortTerm: true })).toBe('0\u00a0минут');
  });

  test('a rating button starts with its word and shows the interval', () => {
    expect(Object.values(RATING_LABELS)).toEqual(['Снова', 'Трудно', 'Хорошо', 'Легко']);
    expect(ratingButtonLabel(3, days(4))).toBe('Хорошо · 4\u00a0дня');
    expect(ratingButtonLabel(1, minutes(10))).toBe('Снова · 10\u00a0минут');
  });
});
