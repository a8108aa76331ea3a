import { describe, expect, test } from 'vitest';
import { DAY_MINUTES, formatDays, planByDay, planDayTitle } from '../../src/trainers/study-plan';

const lessons = (minutes: number[]) => minutes.map((m, i) => ({ number: i + 1, minutes: m }));
const numbers = (days: ReturnType<typeof planByDay<{ number: number; minutes: number }>>) =>
  days.map((d) => d.lessons.map((l) => l.number));

describe('planByDay', () => {
  test('puts two 14-15 minute lessons on each day and the last one alone, as for the seven lessons', () => {
    const days = planByDay(lessons([14, 15, 14, 14, 15, 14, 14]));
    expect(numbers(days)).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    expect(days.map((d) => d.minutes)).toEqual([29, 28, 29, 14]);
  });

  test('keeps every day within the budget, in course order', () => {
    expect(DAY_MINUTES).toBe(30);
    expect(numbers(planByDay(lessons([10, 10, 10, 10, 25, 5])))).toEqual([[1, 2, 3], [4], [5, 6]]);
  });

  test('gives a lesson longer than a day a day of its own', () => {
    expect(numbers(planByDay(lessons([45, 10, 40])))).toEqual([[1], [2], [3]]);
  });

  test('an empty course has no days', () => {
    expect(planByDay([])).toEqual([]);
  });
});

describe('planDayTitle', () => {
  test('names a range of lessons, or one lesson, with the day’s minutes', () => {
    const [first, , , last] = planByDay(lessons([14, 15, 14, 14, 15, 14, 14]));
    expect(planDayTitle(first!)).toBe('День 1: уроки 1–2 (≈\u00a029\u00a0мин)');
    expect(planDayTitle(last!)).toBe('День 4: урок 7 (≈\u00a014\u00a0мин)');
  });

  test('says how many days with the right plural', () => {
    expect([1, 2, 5, 21].map(formatDays)).toEqual(['1 день', '2 дня', '5 дней', '21 день']);
  });
});
