/**
 * The measured recall on the certificate: of the scheduled reviews in the last 30 days, the share
 * the learner answered «Трудно» or better. What the scheduler predicted is not evidence; what the
 * learner recalled when a card came back is. So only reviews that test memory after a gap count:
 * a card's first answer (it was just read), a second review of a card in the same study day (a
 * relearning step after «Снова») and final-check answers (a test, not a scheduled review) are left
 * out. The figure appears only once 30 days have passed since the first answer.
 */
import { cardReviews } from './grading';
import type { Deck } from './deck-model';
import { DAY_MS, studyDayOfClock, toStudyClockMs } from './study-day';
import type { Review } from './review';

/** The window the figure covers, and how long after the first answer it appears, in days. */
export const RECALL_WINDOW_DAYS = 30;

/** The figure, or why there is none yet. */
export type MeasuredRecall =
  /** No answer yet. */
  | { kind: 'none' }
  /** Less than 30 days since the first answer: the figure appears at `availableAt` (epoch ms). */
  | { kind: 'pending'; availableAt: number }
  /** `recalled` of `counted` scheduled reviews were «Трудно» or better; `share` is null when none counted. */
  | { kind: 'measured'; counted: number; recalled: number; share: number | null };

/** The study day a review was given in, by the offset and start hour stamped on it. */
const studyDayOf = (r: Review) => studyDayOfClock(toStudyClockMs(r.reviewedAt, r.utcOffsetMinutes, r.dayStartHour));

/**
 * The learner's measured recall at `nowMs` over the questions `questionIds` (the course's), with
 * `excludedReviewIds` (the final check's reviews) left out.
 */
export function measuredRecall(input: {
  deck: Deck;
  questionIds: Iterable<string>;
  excludedReviewIds: ReadonlySet<string>;
  nowMs: number;
}): MeasuredRecall {
  const { deck, excludedReviewIds, nowMs } = input;
  const windowStart = nowMs - RECALL_WINDOW_DAYS * DAY_MS;
  let first = Infinity;
  let counted = 0;
  let recalled = 0;
  for (const questionId of new Set(input.questionIds)) {
    const reviews = cardReviews(deck.reviewsByQuestion, deck.replacements, questionId);
    if (reviews[0]) first = Math.min(first, reviews[0].reviewedAt);
    for (let i = 1; i < reviews.length; i++) {
      const review = reviews[i]!;
      if (studyDayOf(review) === studyDayOf(reviews[i - 1]!)) continue;
      if (excludedReviewIds.has(review.id)) continue;
      if (review.reviewedAt <= windowStart || review.reviewedAt > nowMs) continue;
      counted += 1;
      if (review.rating >= 2) recalled += 1;
    }
  }
  if (first === Infinity) return { kind: 'none' };
  const availableAt = first + RECALL_WINDOW_DAYS * DAY_MS;
  if (nowMs < availableAt) return { kind: 'pending', availableAt };
  return { kind: 'measured', counted, recalled, share: counted ? recalled / counted : null };
}
