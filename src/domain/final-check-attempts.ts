/**
 * Recording final-check attempts: an attempt's answers rated into the deck, and attempts from
 * elsewhere merged. Loaded when an attempt is finished or attempts arrive (with deck.ts and the
 * scheduler), so pages that only read attempts do not carry it.
 */
import type { Deck } from './deck-model';
import { rate } from './grading';
import type { CachedCard } from './card-cache';
import type { FinalCheckAnswer, FinalCheckAttempt } from './final-check-record';
import { newReviewId, type Review } from './review';
import type { Settings } from './settings';

/** The rating an answer gives its card: right «Хорошо» (3), wrong «Снова» (1). */
export const finalCheckRating = (correct: boolean): 1 | 3 => (correct ? 3 : 1);

/**
 * Rates an attempt's answers at `nowMs` (right «Хорошо», wrong «Снова»; every card is graded like
 * any review, outside the new-per-day limit) and makes its record: the deck after them, the
 * reviews and their cards' cache entries to save with the record.
 */
export function rateFinalCheck(
  deck: Deck,
  answers: readonly FinalCheckAnswer[],
  { nowMs, settings }: { nowMs: number; settings: Settings },
): { deck: Deck; attempt: FinalCheckAttempt; reviews: Review[]; cacheEntries: CachedCard[] } {
  const reviews: Review[] = [];
  const cacheEntries: CachedCard[] = [];
  for (const { questionId, correct } of answers) {
    const rated = rate(deck, { questionId, rating: finalCheckRating(correct), nowMs, settings });
    deck = rated.deck;
    reviews.push(rated.review);
    cacheEntries.push(rated.cacheEntry);
  }
  const attempt: FinalCheckAttempt = {
    attemptId: newReviewId(),
    finishedAt: nowMs,
    score: answers.filter((a) => a.correct).length,
    total: answers.length,
    reviewIds: reviews.map((r) => r.id),
  };
  return { deck, attempt, reviews, cacheEntries };
}

/**
 * Attempts from elsewhere (a backup, another tab) joined to these: each id once (a known id is never
 * replaced), and none finished before `resetAt` (a reset clears attempts as it clears reviews).
 */
export function mergeFinalChecks(
  known: readonly FinalCheckAttempt[],
  incoming: readonly FinalCheckAttempt[],
  resetAt: number | null = null,
): { attempts: FinalCheckAttempt[]; added: FinalCheckAttempt[] } {
  const ids = new Set(known.map((a) => a.attemptId));
  const added: FinalCheckAttempt[] = [];
  for (const attempt of incoming) {
    if (ids.has(attempt.attemptId) || (resetAt !== null && attempt.finishedAt < resetAt)) continue;
    ids.add(attempt.attemptId);
    added.push(attempt);
  }
  return { attempts: added.length ? [...known, ...added] : [...known], added };
}
