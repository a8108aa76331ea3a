import '../domain/tz-moscow';
import { describe, expect, test } from 'vitest';
import { endSentence, formatDate, formatDueAt, formatTime } from '../../src/i18n/dates';
import { dueCountText } from '../../src/i18n/messages';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-03-02T10:00+03:00');

describe('dates in Russian', () => {
  test('a date reads day, month in the genitive and year', () => {
    expect(formatDate(at('2026-03-02T10:00+03:00'))).toBe('2 марта 2026 г.');
  });

  test('times are 24-hour with two digits', () => {
    expect(formatTime(at('2026-03-02T04:00+03:00'))).toBe('04:00');
  });

  test('a due time reads today with its time, or just the day: tomorrow or a date', () => {
    expect(formatDueAt(at('2026-03-02T18:20+03:00'), NOW)).toBe('сегодня в 18:20');
    expect(formatDueAt(at('2026-03-03T04:00+03:00'), NOW)).toBe('завтра');
    expect(formatDueAt(at('2026-03-05T04:00+03:00'), NOW)).toBe('5 марта');
    expect(formatDueAt(at('2027-01-05T04:00+03:00'), NOW)).toBe('5 января 2027 г.');
  });

  test('a sentence ending in a date gets one period, not two', () => {
    expect(endSentence(`Следующая карточка: ${formatDueAt(at('2027-01-05T04:00+03:00'), NOW)}`)).toBe(
      'Следующая карточка: 5 января 2027 г.',
    );
    expect(endSentence('Следующая карточка: завтра')).toBe('Следующая карточка: завтра.');
  });

  test('a due time in the past or not a number reads «сейчас»', () => {
    expect(formatDueAt(NOW - 1, NOW)).toBe('сейчас');
    expect(formatDueAt(Number.NaN, NOW)).toBe('сейчас');
  });

  test('the due count sentence uses plural forms', () => {
    expect(dueCountText(0)).toBe('Сегодня повторять нечего');
    expect(dueCountText(3)).toBe('К повторению: 3 карточки');
  });
});
