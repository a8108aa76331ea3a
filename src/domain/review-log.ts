/**
 * The review log is the source of truth: card state is whatever replaying it gives. Replay sorts
 * by time then id and ignores repeated ids, so the order reviews arrive in (two tabs, an import,
 * a late write) does not matter and importing the same file twice changes nothing.
 */
import type { Review } from './review';
import type { CardState } from './card';
import type { Scheduler } from './scheduler';

/** Replay order: by `reviewedAt`, then by `id` so equal times still sort the same everywhere. */
export function compareReviews(a: Review, b: Review): number {
  if (a.reviewedAt !== b.reviewedAt) return a.reviewedAt - b.reviewedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The dedupe rule, the only one: a review id names one review. Of several copies of an id, the one
 * kept is the first in replay order, so the result does not depend on the order copies arrive in;
 * an id in `kept` (a log already held) is never replaced. Returns the reviews to add, each id once,
 * in the order their ids first arrived.
 */
export function uniqueReviews(reviews: Iterable<Review>, kept: ReadonlySet<string> = new Set()): Review[] {
  const byId = new Map<string, Review>();
  for (const review of reviews) {
    if (kept.has(review.id)) continue;
    const seen = byId.get(review.id);
    if (!seen || compareReviews(review, seen) < 0) byId.set(review.id, review);
  }
  return [...byId.values()];
}

/**
 * Groups reviews by question, each group in replay order, each id once (`uniqueReviews`, skipped
 * when `unique` says the ids are known to be unique, as a store's `loadAll` returns them).
 * Grouping before sorting keeps a 100,000-review log fast: only each question's few reviews are sorted.
 */
export function groupReviewsByQuestion(reviews: Iterable<Review>, unique = false): Map<string, Review[]> {
  const groups = new Map<string, Review[]>();
  for (const review of unique ? reviews : uniqueReviews(reviews)) {
    const group = groups.get(review.questionId);
    if (group) group.push(review);
    else groups.set(review.questionId, [review]);
  }
  for (const group of groups.values()) if (group.length > 1) group.sort(compareReviews);
  return groups;
}

/** Replays one question's reviews, already in replay order; undefined when there are none. */
export function replayQuestion(sortedReviews: readonly Review[], scheduler: Scheduler): CardState | undefined {
  let card: CardState | undefined;
  for (const review of sortedReviews) card = scheduler.grade(card, review);
  return card;
}
