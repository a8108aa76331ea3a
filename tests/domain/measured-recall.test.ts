import './tz-moscow';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildDeck } from '../../src/domain/deck';
import { measuredRecall, RECALL_WINDOW_DAYS } from '../../src/domain/measured-recall';
import type { Rating } from '../../src/domain/review';
import { DAY, SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const NOW = T0 + 40 * DAY;
const measure = (reviews: ReturnType<typeof review>[], excluded: string[] = [], nowMs = NOW) =>
  measuredRecall({
    deck: buildDeck(reviews, SETTINGS).deck,
    questionIds: ['q-1', 'q-2', 'q-3'],
    excludedReviewIds: new Set(excluded),
    nowMs,
  });

describe('measured recall', () => {
  test('counts scheduled reviews of the last 30 days answered «Трудно» or better', () => {
    const reviews = [
      review('q-1', 3, T0), // first answer: left out
      review('q-1', 3, T0 + 5 * DAY), // older than 30 days: left out
      review('q-1', 2, T0 + 15 * DAY), // «Трудно»: recalled
      review('q-1', 1, T0 + 30 * DAY), // «Снова»: forgotten
      review('q-1', 3, T0 + 30 * DAY + 20 * 60_000), // same study day: left out
      review('q-2', 4, T0 + DAY),
      review('q-2', 4, T0 + 20 * DAY), // recalled
    ];
    expect(measure(reviews)).toEqual({ kind: 'measured', counted: 3, recalled: 2, share: 2 / 3 });
  });

  test('leaves out final-check reviews, and reviews not in the log (an undone one) are not counted', () => {
    const first = review('q-1', 3, T0);
    const scheduled = review('q-1', 3, T0 + 20 * DAY);
    const finalCheck = review('q-1', 1, T0 + 25 * DAY);
    expect(measure([first, scheduled, finalCheck], [finalCheck.id])).toMatchObject({ counted: 1, recalled: 1 });
    // Undone: the review is gone from the log, so it counts nowhere.
    expect(measure([first, finalCheck], [])).toMatchObject({ counted: 1, recalled: 0 });
    expect(measure([first], [])).toEqual({ kind: 'measured', counted: 0, recalled: 0, share: null });
  });

  test('a review just after the study day changes (04:00) is a new day, one just before is the same day', () => {
    const evening = at('2026-03-20T23:00+03:00');
    const reviews = [
      review('q-1', 3, T0),
      review('q-1', 1, evening),
      review('q-1', 3, at('2026-03-21T03:30+03:00')), // still the evening's study day
      review('q-2', 3, T0),
      review('q-2', 1, evening),
      review('q-2', 3, at('2026-03-21T04:30+03:00')), // the next study day
    ];
    expect(measure(reviews)).toMatchObject({ counted: 3, recalled: 1 });
  });

  test('appears only once 30 days have passed since the first answer, and says when', () => {
    const reviews = [review('q-1', 3, T0), review('q-1', 3, T0 + 3 * DAY)];
    const due = T0 + RECALL_WINDOW_DAYS * DAY;
    expect(measure(reviews, [], due - 1)).toEqual({ kind: 'pending', availableAt: due });
    expect(measure(reviews, [], due)).toMatchObject({ kind: 'measured', counted: 1 });
    expect(measure([], [], NOW)).toEqual({ kind: 'none' });
  });

  test('the share is always between 0 and 1 and counts no more reviews than the log has', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            q: fc.constantFrom('q-1', 'q-2', 'q-3'),
            rating: fc.constantFrom<Rating>(1, 2, 3, 4),
            dayOffset: fc.integer({ min: 0, max: 60 * 24 }),
          }),
          { maxLength: 40 },
        ),
        (items) => {
          const reviews = items.map((i) => review(i.q, i.rating, T0 + i.dayOffset * 3_600_000));
          const result = measure(reviews, [], T0 + 61 * DAY);
          if (result.kind === 'none') return reviews.length === 0;
          if (result.kind === 'pending') return result.availableAt > T0 + 61 * DAY;
          expect(result.recalled).toBeLessThanOrEqual(result.counted);
          expect(result.counted).toBeLessThanOrEqual(Math.max(0, reviews.length - 1));
          if (result.share !== null) expect(result.share).toBeGreaterThanOrEqual(0);
          return result.share === null || result.share <= 1;
        },
      ),
    );
  });
});
