import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/domain/card';
import type { Review } from '../../src/domain/review';
import { DAY_MS, HOUR_MS } from '../../src/domain/study-day';
import {
  activityByDay,
  currentStreak,
  dueForecast,
  lessonStats,
  ownForgettingCurve,
  reviewStudyDay,
} from '../../src/progress-stats/stats';

const TODAY = 20_000; // study day number
function card(questionId: string, dueDay: number, stability = 5): CardState {
  return {
    questionId,
    phase: 'review',
    stability,
    difficulty: 5,
    reps: 1,
    lapses: 0,
    scheduledDays: 3,
    learningStep: 0,
    lastReviewedAt: (TODAY - 1) * DAY_MS,
    lastStudyClockMs: (TODAY - 1) * DAY_MS,
    dueStudyClockMs: dueDay * DAY_MS,
    firstStudyDay: TODAY - 1,
  };
}
/** A stand-in scheduler: recall halves every `stability` days after the last review. */
const scheduler = {
  retrievability: (c: CardState, nowMs: number) => 0.5 ** ((nowMs - c.lastReviewedAt) / DAY_MS / c.stability),
};
function review(id: string, studyDay: number, hour = 12): Review {
  // Moscow (+180 min), day starting at 04:00.
  return {
    id,
    questionId: 'q',
    rating: 3,
    reviewedAt: studyDay * DAY_MS + (4 + hour) * HOUR_MS - 180 * 60_000,
    utcOffsetMinutes: 180,
    dayStartHour: 4,
  };
}

describe('dueForecast', () => {
  it('counts overdue cards for today and each later card on its own day', () => {
    const cards = [
      card('a', TODAY - 3),
      card('b', TODAY),
      card('c', TODAY + 2),
      card('d', TODAY + 2),
      card('e', TODAY + 40),
    ];
    const counts = dueForecast(cards, TODAY, 30);
    expect(counts).toHaveLength(30);
    expect(counts.slice(0, 4)).toEqual([2, 0, 2, 0]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
  it('leaves out cards of questions no longer in the course', () => {
    expect(dueForecast([card('a', TODAY), card('gone', TODAY)], TODAY, 3, new Set(['a']))).toEqual([1, 0, 0]);
  });
});

describe('activity and streak', () => {
  it('puts a review after midnight but before the day start on the evening before', () => {
    expect(reviewStudyDay(review('r', TODAY, 22))).toBe(TODAY); // 02:00 next calendar day
    expect(reviewStudyDay(review('r', TODAY, 0))).toBe(TODAY);
  });
  it('counts reviews per study day', () => {
    const activity = activityByDay([review('1', TODAY), review('2', TODAY), review('3', TODAY - 2)]);
    expect([...activity]).toEqual([
      [TODAY, 2],
      [TODAY - 2, 1],
    ]);
  });
  it('counts consecutive days ending today', () => {
    expect(
      currentStreak(
        new Map([
          [TODAY, 1],
          [TODAY - 1, 3],
          [TODAY - 2, 1],
          [TODAY - 4, 1],
        ]),
        TODAY,
      ),
    ).toBe(3);
  });
  it("keeps yesterday's streak while today has no review yet", () => {
    expect(
      currentStreak(
        new Map([
          [TODAY - 1, 1],
          [TODAY - 2, 1],
        ]),
        TODAY,
      ),
    ).toBe(2);
  });
  it('is zero when neither today nor yesterday had a review', () => {
    expect(currentStreak(new Map([[TODAY - 2, 5]]), TODAY)).toBe(0);
  });
});

describe('lessonStats', () => {
  it('gives met of total, average recall now and the earliest due day', () => {
    const cards = new Map([
      ['a1', card('a1', TODAY + 3, 1)],
      ['a2', card('a2', TODAY + 1, 1)],
    ]);
    const nowMs = TODAY * DAY_MS; // one day after the last review: recall 0.5 for stability 1
    const [a, b] = lessonStats(
      [
        { slug: 'a', questionIds: ['a1', 'a2', 'a3'] },
        { slug: 'b', questionIds: ['b1'] },
      ],
      cards,
      scheduler,
      nowMs,
    );
    expect(a).toEqual({ slug: 'a', met: 2, total: 3, averageRecall: 0.5, nextDueStudyDay: TODAY + 1 });
    expect(b).toEqual({ slug: 'b', met: 0, total: 1, averageRecall: null, nextDueStudyDay: null });
  });
});

describe('ownForgettingCurve', () => {
  it('is empty for a new learner', () => {
    expect(ownForgettingCurve([], scheduler, 0)).toEqual([]);
  });
  it('averages recall over the cards for each day from 0 to 60 and only falls', () => {
    const nowMs = (TODAY - 1) * DAY_MS;
    const curve = ownForgettingCurve([card('a', TODAY, 1), card('b', TODAY, 3)], scheduler, nowMs);
    expect(curve).toHaveLength(61);
    expect(curve[0]).toEqual({ day: 0, recall: 1 });
    expect(curve[3]!.recall).toBeCloseTo((0.125 + 0.5) / 2);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.recall).toBeLessThanOrEqual(curve[i - 1]!.recall);
  });
});
