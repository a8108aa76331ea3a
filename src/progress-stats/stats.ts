/**
 * Aggregates for the progress page: pure functions of the cards, the log, the course's questions
 * and `nowMs`, so tests run them with fixed dates.
 */
import type { CardState } from '../domain/card';
import { dueStudyDay } from '../domain/due';
import type { Review } from '../domain/review';
import type { Scheduler } from '../domain/scheduler';
import { DAY_MS, studyDayOfClock, toStudyClockMs } from '../domain/study-day';

/** One lesson's line in the table. */
export interface LessonStats {
  slug: string;
  /** Questions of the lesson the learner has answered at least once. */
  met: number;
  /** Questions in the lesson. */
  total: number;
  /** Average predicted recall now of the met questions, 0 to 1; null when none met. */
  averageRecall: number | null;
  /** Earliest due study day of the met questions; null when none met. */
  nextDueStudyDay: number | null;
}

/** Per lesson: questions met of total, average recall now, next due study day. */
export function lessonStats(
  lessons: readonly { slug: string; questionIds: readonly string[] }[],
  cards: ReadonlyMap<string, CardState>,
  scheduler: Pick<Scheduler, 'retrievability'>,
  nowMs: number,
): LessonStats[] {
  return lessons.map(({ slug, questionIds }) => {
    let met = 0;
    let recallSum = 0;
    let next = Number.POSITIVE_INFINITY;
    for (const id of questionIds) {
      const card = cards.get(id);
      if (!card) continue;
      met++;
      recallSum += scheduler.retrievability(card, nowMs);
      next = Math.min(next, dueStudyDay(card));
    }
    return {
      slug,
      met,
      total: questionIds.length,
      averageRecall: met ? recallSum / met : null,
      nextDueStudyDay: met ? next : null,
    };
  });
}

/**
 * Cards due on each of the next `days` study days, today first; cards overdue count for today.
 * Only cards whose ids are in `questionIds` (questions still in the course) are counted.
 */
export function dueForecast(
  cards: Iterable<CardState>,
  today: number,
  days = 30,
  questionIds?: ReadonlySet<string>,
): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const card of cards) {
    if (questionIds && !questionIds.has(card.questionId)) continue;
    const offset = Math.max(0, dueStudyDay(card) - today);
    if (offset < days) counts[offset]! += 1;
  }
  return counts;
}

/** The study day a review was made on, by the clock and start hour in effect then. */
export function reviewStudyDay(review: Review): number {
  return studyDayOfClock(toStudyClockMs(review.reviewedAt, review.utcOffsetMinutes, review.dayStartHour));
}

/** Reviews per study day, keyed by study day number. */
export function activityByDay(reviews: Iterable<Review>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const review of reviews) {
    const day = reviewStudyDay(review);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

/**
 * Consecutive study days with at least one review, ending today, or yesterday when the learner
 * has not reviewed yet today (the streak is not broken until the day is over).
 */
export function currentStreak(activity: ReadonlyMap<number, number>, today: number): number {
  let day = (activity.get(today) ?? 0) > 0 ? today : today - 1;
  let streak = 0;
  while ((activity.get(day) ?? 0) > 0) {
    streak++;
    day--;
  }
  return streak;
}

/**
 * The learner's own forgetting curve: average predicted recall of the cards in the deck on each
 * of days 0..`days` from now, if none of them were reviewed again. Empty when there are no cards.
 */
export function ownForgettingCurve(
  cards: readonly CardState[],
  scheduler: Pick<Scheduler, 'retrievability'>,
  nowMs: number,
  days = 60,
): { day: number; recall: number }[] {
  if (cards.length === 0) return [];
  const points: { day: number; recall: number }[] = [];
  for (let day = 0; day <= days; day++) {
    let sum = 0;
    for (const card of cards) sum += scheduler.retrievability(card, nowMs + day * DAY_MS);
    points.push({ day, recall: sum / cards.length });
  }
  return points;
}
