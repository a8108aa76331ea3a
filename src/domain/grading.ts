/**
 * What a rating needs, and no more: grading a card, the reviews a card is replayed from, and
 * replaying the questions a change touches. Loaded at a page's first rating or preview (with the
 * scheduler); the rest of the deck's operations (deck.ts, deck-log.ts) load when used.
 */
import { extendFingerprint, fingerprintReviews, type CachedCard } from './card-cache';
import type { Deck, QuestionReplacements, SchedulingSettings } from './deck-model';
import { createReview, type Rating, type Review } from './review';
import { compareReviews, replayQuestion } from './review-log';
import { createScheduler } from './scheduler';

export { createScheduler } from './scheduler';

/**
 * The reviews a question's card is replayed from: its own, plus those of the ids it replaces,
 * re-keyed to it (so fuzz and cached ids follow the current question), in replay order.
 */
export function cardReviews(
  reviewsByQuestion: ReadonlyMap<string, readonly Review[]>,
  replacements: QuestionReplacements,
  questionId: string,
): readonly Review[] {
  const own = reviewsByQuestion.get(questionId) ?? [];
  const retired = replacements.get(questionId);
  if (!retired) return own;
  const merged = new Map<string, Review>(own.map((r) => [r.id, r]));
  for (const old of retired) {
    for (const r of reviewsByQuestion.get(old) ?? []) if (!merged.has(r.id)) merged.set(r.id, { ...r, questionId });
  }
  return [...merged.values()].sort(compareReviews);
}

/** The questions whose cards change when the reviews of `changed` ids change. */
export function affectedQuestions(changed: Iterable<string>, replacements: QuestionReplacements): Set<string> {
  const affected = new Set(changed);
  for (const [questionId, retired] of replacements)
    if (retired.some((old) => affected.has(old))) affected.add(questionId);
  return affected;
}

/** A card's cache entry: the card with the fingerprint of the reviews it is replayed from; undefined without either. */
export function cacheEntryOf(deck: Deck, questionId: string, settings: SchedulingSettings): CachedCard | undefined {
  const card = deck.cards.get(questionId);
  const reviews = cardReviews(deck.reviewsByQuestion, deck.replacements, questionId);
  return card && reviews.length ? { fingerprint: fingerprintReviews(reviews, settings), card } : undefined;
}

/** Replaces the reviews of some questions and replays just those. */
export function withGroups(deck: Deck, groups: Map<string, Review[]>, settings: SchedulingSettings): Deck {
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
  const cacheEntry = cacheEntryOf(next, input.questionId, input.settings);
  if (!cacheEntry) throw new Error('a rated question always has a card');
  return { review, deck: next, cacheEntry };
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
