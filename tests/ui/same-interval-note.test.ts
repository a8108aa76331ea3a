import { describe, expect, test } from 'vitest';
import type { IntervalPreview } from '../../src/domain/card';
import { sameIntervalNote } from '../../src/ui/question-card';

const DAY = 86_400_000;
const days = (n: number): IntervalPreview => ({ intervalMs: n * DAY, intervalDays: n, shortTerm: false });
const again: IntervalPreview = { intervalMs: 600_000, intervalDays: 0, shortTerm: true };

describe('the note for ratings that set the same interval', () => {
  test('says once that every rating gives the same interval, with the interval in words', () => {
    const previews = { 1: again, 2: days(1), 3: days(1), 4: days(1) };
    expect(sameIntervalNote([1, 2, 3, 4], previews)).toBe(
      'Сейчас все три оценки вернут вопрос через 1\u00a0день; оценка скажется на следующих сроках.',
    );
    expect(sameIntervalNote([2, 3, 4], previews)).toContain('все три оценки');
  });

  test('says nothing when the intervals differ or are not known yet', () => {
    expect(sameIntervalNote([2, 3, 4], { 1: again, 2: days(1), 3: days(3), 4: days(8) })).toBe('');
    expect(sameIntervalNote([2, 3, 4], null)).toBe('');
    expect(sameIntervalNote([], { 1: again, 2: days(1), 3: days(1), 4: days(1) })).toBe('');
  });
});
