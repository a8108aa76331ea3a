/**
 * The learner's deck in memory: the log grouped by question and the cards derived from it.
 * Every operation returns a new `Deck` (islands can keep it in state) and recomputes only the
 * questions it touches, by replaying their reviews, so the result always equals a full replay.
 */
import { fingerprintReviews, type CachedCard } from './card-cache';
import { createReview, type Rating, type Review } from './review';
import { compareReviews, groupReviewsByQuestion, replayQuestion, uniqueReviews } from './review-log';
import type { CardState } from './card';
import { createScheduler } from './scheduler';
import type { Settings } from './settings';

/** The log grouped by question and the cards derived from it. Treat as immutable. */
export interface Deck {
  /** Each question's reviews in replay order, ids unique across the log. */
  readonly reviewsByQuestion: ReadonlyMap<string, readonly Review[]>;
  /** Card state per question met, including questions no longer in the course. */
  readonly cards: ReadonlyMap<string, CardState>;
  /** Number of reviews in the log. */
  readonly reviewCount: number;
  /**
   * Questions that replace retired ones (new id → the ids it replaces), from the course. A
   * replacing question's card is replayed from its own reviews and those of the ids it replaces,
   * so a rewrite of the course does not set a learner back; the log itself is never rewritten.
   */
  readonly replacements: QuestionReplacements;
}

/** New question id → the retired ids whose reviews count as its own. */
export type QuestionReplacements = ReadonlyMap<string, readonly string[]>;

const NO_REPLACEMENTS: QuestionReplacements = new Map();

type SchedulingSettings = Pick<Settings, 'desiredRetention' | 'dayStartHour'>;

/** A deck with no reviews. */
export const EMPTY_DECK: Deck = Object.freeze({
  reviewsByQuestion: new Map(),
  cards: new Map(),
  reviewCount: 0,
  replacements: NO_REPLACEMENTS,
});

/** A deck for a course whose questions replace retired ids; use it instead of EMPTY_DECK. */
export function emptyDeck(replacements: QuestionReplacements): Deck {
  return { ...EMPTY_DECK, replacements };
}

/**
 * The reviews a question's card is replayed from: its own, plus those of the ids it replaces,
 * re-keyed to it (so fuzz and cached ids follow the current question), in replay order.
 */
function cardReviews(
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
function affectedQuestions(changed: Iterable<string>, replacements: QuestionReplacements): Set<string> {
  const affected = new Set(changed);
  for (const [questionId, retired] of replacements)
    if (retired.some((old) => affected.has(old))) affected.add(questionId);
  return affected;
}

/**
 * A deck from cached cards alone, shown while the log is still being read: the cards, no reviews.
 * Good for counts and charts of cards; rate and undo only on the deck built from the log.
 */
export function cardsOnlyDeck(cards: ReadonlyMap<string, CardState>, replacements = NO_REPLACEMENTS): Deck {
  return { ...EMPTY_DECK, cards, replacements };
}

/** What `buildDeck` returns. */
export interface BuiltDeck {
  deck: Deck;
  /** Every card with the fingerprint of its reviews: the new cache snapshot. */
  cache: CachedCard[];
  /** How many cards had no matching cache entry and were replayed. */
  replayedCount: number;
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
  const scheduler = createScheduler(settings);
  const reviewsByQuestion = groupReviewsByQuestion(reviews);
  const cards = new Map<string, CardState>();
  const entries: CachedCard[] = [];
  let reviewCount = 0;
  let replayedCount = 0;
  for (const group of reviewsByQuestion.values()) reviewCount += group.length;
  for (const questionId of affectedQuestions(reviewsByQuestion.keys(), replacements)) {
    const group = cardReviews(reviewsByQuestion, replacements, questionId);
    if (group.length === 0) continue;
    const fingerprint = fingerprintReviews(group, settings);
    const cached = cache.get(questionId);
    let card =
      cached && cached.fingerprint === fingerprint && cached.card.questionId === questionId ? cached.card : undefined;
    if (!card) {
      card = replayQuestion(group, scheduler);
      replayedCount++;
    }
    if (!card) continue;
    cards.set(questionId, card);
    entries.push({ fingerprint, card });
  }
  return { deck: { reviewsByQuestion, cards, reviewCount, replacements }, cache: entries, replayedCount };
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
  return { reviewsByQuestion, cards, reviewCount, replacements: deck.replacements };
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
  const group = [...(deck.reviewsByQuestion.get(input.questionId) ?? []), review].sort(compareReviews);
  const next = withGroups(deck, new Map([[input.questionId, group]]), input.settings);
  const card = next.cards.get(input.questionId);
  if (!card) throw new Error('a rated question always has a card');
  const replayed = cardReviews(next.reviewsByQuestion, next.replacements, input.questionId);
  return { review, deck: next, cacheEntry: { fingerprint: fingerprintReviews(replayed, input.settings), card } };
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

/** The whole log in replay order, e.g. for a backup. */
export function allReviews(deck: Deck): Review[] {
  const all: Review[] = [];
  for (const group of deck.reviewsByQuestion.values()) all.push(...group);
  return all.sort(compareReviews);
}
