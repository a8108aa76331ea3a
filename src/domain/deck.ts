/**
 * Changing the learner's deck (its shape is in deck-model.ts): merging, undo, replay; rating is in
 * grading.ts (re-exported here). This module loads the scheduler (FSRS), so pages import it only
 * when a card is graded, and a page's first rating needs only grading.ts. Every
 * operation returns a new `Deck` (islands can keep it in state) and recomputes only the questions
 * it touches, by replaying their reviews, so the result always equals a full replay.
 */
import { fingerprintReviews, lastReviewIdOf, type CacheChange, type CachedCard } from './card-cache';
import type { CardState } from './card';
import { affectedQuestions, cacheChange, matchCache, questionOfReview, type MatchedDeck } from './deck-log';
import {
  allReviews,
  NO_REPLACEMENTS,
  type Deck,
  type QuestionReplacements,
  type SchedulingSettings,
} from './deck-model';
import type { Review } from './review';
import { compareReviews, groupReviewsByQuestion, replayQuestion, uniqueReviews } from './review-log';
import { withGroups } from './grading';
import { createScheduler } from './scheduler';

export { createScheduler } from './scheduler';
export { rate, type Rated } from './grading';

export { allReviews, cardsOnlyDeck, EMPTY_DECK, emptyDeck, type Deck, type QuestionReplacements } from './deck-model';
export { cacheChange, cacheSnapshot, matchCache, questionOfReview, type MatchedDeck } from './deck-log';

/** What `buildDeck` returns. */
export interface BuiltDeck {
  deck: Deck;
  /** Every card with the fingerprint of its reviews: the new cache snapshot. */
  cache: CachedCard[];
  /** How many cards had no matching cache entry and were replayed. */
  replayedCount: number;
}

/** Completes a matched deck: replays the cards whose cache entry did not match (see `matchCache`). */
export function replayStale(matched: MatchedDeck, settings: SchedulingSettings): BuiltDeck {
  if (matched.stale.length === 0) return { deck: matched.deck, cache: matched.cache, replayedCount: 0 };
  const scheduler = createScheduler(settings);
  const cards = new Map(matched.deck.cards);
  const cache = [...matched.cache];
  for (const { questionId, reviews, fingerprint } of matched.stale) {
    const card = replayQuestion(reviews, scheduler);
    if (!card) continue;
    cards.set(questionId, card);
    cache.push({ fingerprint: fingerprint ?? fingerprintReviews(reviews, settings), card });
  }
  return { deck: { ...matched.deck, cards }, cache, replayedCount: matched.stale.length };
}

/**
 * Builds deck from the whole log. Cards whose cache entry matches their reviews' fingerprint
 * are taken from `cache`; the others are replayed.
 */
export function buildDeck(
  reviews: Iterable<Review>,
  settings: SchedulingSettings,
  cache: ReadonlyMap<string, CachedCard> = new Map(),
  replacements: QuestionReplacements = NO_REPLACEMENTS,
): BuiltDeck {
  return replayStale(matchCache(reviews, settings, cache, replacements), settings);
}

/**
 * Undoes a rating made on a trusted deck by restoring the card's entry from before it (`before`:
 * none for the card's first review); null when that review is no longer the card's latest (the
 * log is needed then).
 */
export function undoTrusted(
  deck: Deck,
  review: Review,
  before: CachedCard | undefined,
): { deck: Deck; change: CacheChange } | null {
  const { questionId } = review;
  const now = deck.entries?.get(questionId);
  if (deck.complete || !now || lastReviewIdOf(now.fingerprint) !== review.id) return null;
  const cards = new Map(deck.cards);
  const entries = new Map(deck.entries);
  if (before) {
    cards.set(questionId, before.card);
    entries.set(questionId, before);
  } else {
    cards.delete(questionId);
    entries.delete(questionId);
  }
  const reviewsByQuestion = new Map(deck.reviewsByQuestion);
  const left = (deck.reviewsByQuestion.get(questionId) ?? []).filter((r) => r.id !== review.id);
  if (left.length) reviewsByQuestion.set(questionId, left);
  else reviewsByQuestion.delete(questionId);
  return {
    deck: { ...deck, reviewsByQuestion, cards, entries, reviewCount: Math.max(0, deck.reviewCount - 1) },
    change: before ?? { questionId, removed: true },
  };
}

/**
 * Adds reviews (from another tab, or an import). Ids already in the log are ignored
 * (`uniqueReviews`). Returns the deck and the reviews actually added.
 */
export function withReviews(
  deck: Deck,
  reviews: Iterable<Review>,
  settings: SchedulingSettings,
): { deck: Deck; added: Review[] } {
  const known = new Set<string>();
  for (const group of deck.reviewsByQuestion.values()) for (const r of group) known.add(r.id);
  const added = uniqueReviews(reviews, known);
  const groups = new Map<string, Review[]>();
  for (const review of added) {
    const group = groups.get(review.questionId) ?? [...(deck.reviewsByQuestion.get(review.questionId) ?? [])];
    group.push(review);
    groups.set(review.questionId, group);
  }
  for (const group of groups.values()) group.sort(compareReviews);
  return { deck: added.length ? withGroups(deck, groups, settings) : deck, added };
}

/**
 * Removes reviews by id: undo of the last rating, or another tab's undo. Because cards are
 * replayed from the log, the card is then exactly as it was before that review.
 */
export function withoutReviews(deck: Deck, reviewIds: Iterable<string>, settings: SchedulingSettings): Deck {
  const ids = new Set(reviewIds);
  const groups = new Map<string, Review[]>();
  for (const [questionId, group] of deck.reviewsByQuestion) {
    if (group.some((r) => ids.has(r.id)))
      groups.set(
        questionId,
        group.filter((r) => !ids.has(r.id)),
      );
  }
  return groups.size ? withGroups(deck, groups, settings) : deck;
}

/**
 * Undo of any review: the deck without it and, for the store, its card's new cache entry. No entry
 * (`change` undefined) when the deck does not hold the whole log or the review, or when more than
 * one card changes (a replaced question's review): the next load then checks the log.
 */
export function undoReview(
  deck: Deck,
  reviewId: string,
  settings: SchedulingSettings,
): { deck: Deck; change: CacheChange | undefined } {
  const questionId = questionOfReview(deck, reviewId);
  const next = withoutReviews(deck, [reviewId], settings);
  const single = questionId !== undefined && affectedQuestions([questionId], deck.replacements).size === 1;
  return { deck: next, change: next.complete && single ? cacheChange(next, questionId, settings) : undefined };
}

/** Recomputes every card, e.g. after the desired retention changed. */
export function rescheduleAll(deck: Deck, settings: SchedulingSettings): Deck {
  return buildDeck(allReviews(deck), settings, new Map(), deck.replacements).deck;
}

/**
 * Derives every card from the log at once: the reference the deck's incremental operations must
 * equal. Deterministic and independent of input order and of the time zone it runs in. Questions
 * no longer in the course keep their cards; the queue skips them.
 */
export function replay(reviews: Iterable<Review>, settings: SchedulingSettings): Map<string, CardState> {
  const scheduler = createScheduler(settings);
  const cards = new Map<string, CardState>();
  for (const [questionId, group] of groupReviewsByQuestion(reviews)) {
    const card = replayQuestion(group, scheduler);
    if (card) cards.set(questionId, card);
  }
  return cards;
}
