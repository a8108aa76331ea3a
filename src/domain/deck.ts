/**
 * Changing the learner's deck (its shape is in deck-model.ts): rating, merging, undo, replay. This
 * module loads the scheduler (FSRS), so pages import it only when a card is graded. Every
 * operation returns a new `Deck` (islands can keep it in state) and recomputes only the questions
 * it touches, by replaying their reviews, so the result always equals a full replay.
 */
import { extendFingerprint, fingerprintReviews, lastReviewIdOf, type CachedCard } from './card-cache';
import type { CardState } from './card';
import {
  affectedQuestions,
  allReviews,
  cardReviews,
  matchCache,
  NO_REPLACEMENTS,
  type Deck,
  type MatchedDeck,
  type QuestionReplacements,
  type SchedulingSettings,
} from './deck-model';
import { createReview, type Rating, type Review } from './review';
import { compareReviews, groupReviewsByQuestion, replayQuestion, uniqueReviews } from './review-log';
import { createScheduler } from './scheduler';

export { createScheduler } from './scheduler';

export {
  allReviews,
  cacheChange,
  cardsOnlyDeck,
  EMPTY_DECK,
  emptyDeck,
  matchCache,
  type Deck,
  type MatchedDeck,
  type QuestionReplacements,
} from './deck-model';

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

/** Replaces the reviews of some questions and replays just those. */
function withGroups(deck: Deck, groups: Map<string, Review[]>, settings: SchedulingSettings): Deck {
  const scheduler = createScheduler(settings);
  const reviewsByQuestion = new Map(deck.reviewsByQuestion);
  const cards = new Map(deck.cards);
  let reviewCount = deck.reviewCount;
  for (const [questionId, group] of groups) {
    reviewCount += group.length - (reviewsByQuestion.get(questionId)?.length ?? 0);
    if (group.length > 0) reviewsByQuestion.set(questionId, group);
    else reviewsByQuestion.delete(questionId);
  }
  for (const questionId of affectedQuestions(groups.keys(), deck.replacements)) {
    const card = replayQuestion(cardReviews(reviewsByQuestion, deck.replacements, questionId), scheduler);
    if (card) cards.set(questionId, card);
    else cards.delete(questionId);
  }
  return { ...deck, reviewsByQuestion, cards, reviewCount };
}

/** What a rating produces: the review to store, the deck after it, and the card's new cache entry. */
export interface Rated {
  review: Review;
  deck: Deck;
  /** Store it with the review (`store.append(review, cacheEntry)`) so the next load can start from it. */
  cacheEntry: CachedCard;
}

/**
 * Records a rating. If the clock has gone back since the card's last review, the review is stamped
 * just after that review instead, so it is still the card's latest and undo removes exactly it.
 */
export function rate(
  deck: Deck,
  input: { questionId: string; rating: Rating; nowMs: number; settings: SchedulingSettings; id?: string },
): Rated {
  const previous = deck.cards.get(input.questionId);
  const nowMs = previous ? Math.max(input.nowMs, previous.lastReviewedAt + 1) : input.nowMs;
  const review = createReview({ ...input, nowMs });
  if (!deck.complete) return rateTrusted(deck, review, input.settings);
  const group = [...(deck.reviewsByQuestion.get(input.questionId) ?? []), review].sort(compareReviews);
  const next = withGroups(deck, new Map([[input.questionId, group]]), input.settings);
  const card = next.cards.get(input.questionId);
  if (!card) throw new Error('a rated question always has a card');
  const replayed = cardReviews(next.reviewsByQuestion, next.replacements, input.questionId);
  return { review, deck: next, cacheEntry: { fingerprint: fingerprintReviews(replayed, input.settings), card } };
}

/**
 * A rating on a trusted deck (no log): the card is graded from its cached state, which equals
 * replaying its reviews, and its fingerprint extended, since the new review sorts after them all.
 */
function rateTrusted(deck: Deck, review: Review, settings: SchedulingSettings): Rated {
  const { questionId } = review;
  const before = deck.entries?.get(questionId);
  const card = createScheduler(settings).grade(before?.card, review);
  const cacheEntry = {
    fingerprint: before ? extendFingerprint(before.fingerprint, review) : fingerprintReviews([review], settings),
    card,
  };
  const reviewsByQuestion = new Map(deck.reviewsByQuestion);
  reviewsByQuestion.set(questionId, [...(deck.reviewsByQuestion.get(questionId) ?? []), review]);
  return {
    review,
    cacheEntry,
    deck: {
      ...deck,
      reviewsByQuestion,
      cards: new Map(deck.cards).set(questionId, card),
      entries: new Map(deck.entries).set(questionId, cacheEntry),
      reviewCount: deck.reviewCount + 1,
    },
  };
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
): { deck: Deck; change: CachedCard | { questionId: string; removed: true } } | null {
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
