/**
 * Turning stored review records into the log; shared by both stores' `loadAll` and loaded with it
 * (pages that use a trusted card cache never read the log).
 */
import { parseReview, type Review } from '../domain/review';
import type { LoadProblem, LoadResult } from './store';

/** Turns stored review records into a load result; shared by both implementations. */
export function readReviewRecords(
  records: Iterable<readonly [key: unknown, value: unknown]>,
): Pick<LoadResult, 'reviews' | 'problems'> {
  const reviews: Review[] = [];
  const problems: LoadProblem[] = [];
  for (const [key, value] of records) {
    const review = parseReview(value);
    if (!review) problems.push({ key: String(key), reason: 'not a valid review record' });
    else if (review.id !== key) problems.push({ key: String(key), reason: 'key does not match the review id' });
    else reviews.push(review);
  }
  return { reviews, problems };
}

/** The log without the reviews whose ids were undone; shared by both implementations' `loadAll`. */
export function withoutUndone(reviews: Review[], undone: readonly string[]): Review[] {
  if (undone.length === 0) return reviews;
  const ids = new Set(undone);
  return reviews.filter((review) => !ids.has(review.id));
}
