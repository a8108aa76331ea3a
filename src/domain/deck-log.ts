/**
 * What needs a deck's reviews, not only its cards: the reviews a card is replayed from, the check of
 * cached cards against the log, the cache entries to store. Loaded with the log or the scheduler
 * (load.ts, deck.ts), never at a page's start.
 */
import { fingerprintReviews, type CacheChange, type CachedCard } from './card-cache';
import type { CardState } from './card';
import { NO_REPLACEMENTS, type Deck, type QuestionReplacements, type SchedulingSettings } from './deck-model';
import type { Review } from './review';
import { groupReviewsByQuestion } from './review-log';
import { affectedQuestions, cacheEntryOf, cardReviews } from './grading';

export { affectedQuestions, cardReviews } from './grading';

/** What a card's cache record becomes after its reviews changed: its entry, or removed when none are left. */
export function cacheChange(deck: Deck, questionId: string, settings: SchedulingSettings): CacheChange {
  return cacheEntryOf(deck, questionId, settings) ?? { questionId, removed: true };
}

/** The question a review in the deck belongs to; undefined when the deck does not hold it. */
export function questionOfReview(deck: Deck, reviewId: string): string | undefined {
  for (const [questionId, group] of deck.reviewsByQuestion) if (group.some((r) => r.id === reviewId)) return questionId;
  return undefined;
}

/**
 * The card cache for a whole deck: every card with the fingerprint of its reviews, as `matchCache`
 * will check it on the next load. An import writes it with the reviews, so the page after a large
 * import starts from it instead of replaying every card.
 */
export function cacheSnapshot(deck: Deck, settings: SchedulingSettings): CachedCard[] {
  const entries: CachedCard[] = [];
  for (const questionId of deck.cards.keys()) {
    const entry = cacheEntryOf(deck, questionId, settings);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** A deck built from the log and the card cache, before any replay. */
export interface MatchedDeck {
  /** The log, and the cards whose cache entry matched their reviews. */
  deck: Deck;
  /** The matched cards with their fingerprints (the new cache snapshot, once `stale` is replayed). */
  cache: CachedCard[];
  /**
   * Questions whose cache entry is missing or does not match their reviews: they need a replay.
   * `fingerprint`: computed when there was an entry to check; else left to the replay, so a page
   * with no cache replays the questions it shows before fingerprinting the whole log.
   */
  stale: { questionId: string; reviews: readonly Review[]; fingerprint?: string }[];
}

/**
 * Groups the log and takes each card from `cache` where the entry's fingerprint matches the card's
 * reviews (so the scheduler and settings that produced it are the current ones). With no `stale`
 * questions the deck is complete and the scheduler is not needed at all. `unique`: the log's ids
 * are known to be unique (a store's `loadAll`), so grouping need not check.
 */
export function matchCache(
  reviews: Iterable<Review>,
  settings: SchedulingSettings,
  cache: ReadonlyMap<string, CachedCard> = new Map(),
  replacements: QuestionReplacements = NO_REPLACEMENTS,
  unique = false,
): MatchedDeck {
  const reviewsByQuestion = groupReviewsByQuestion(reviews, unique);
  const cards = new Map<string, CardState>();
  const entries: CachedCard[] = [];
  const stale: MatchedDeck['stale'] = [];
  let reviewCount = 0;
  for (const group of reviewsByQuestion.values()) reviewCount += group.length;
  for (const questionId of affectedQuestions(reviewsByQuestion.keys(), replacements)) {
    const group = cardReviews(reviewsByQuestion, replacements, questionId);
    if (group.length === 0) continue;
    const cached = cache.get(questionId);
    if (!cached) {
      stale.push({ questionId, reviews: group });
      continue;
    }
    const fingerprint = fingerprintReviews(group, settings);
    if (cached.fingerprint === fingerprint && cached.card.questionId === questionId) {
      cards.set(questionId, cached.card);
      entries.push(cached);
    } else stale.push({ questionId, reviews: group, fingerprint });
  }
  return { deck: { reviewsByQuestion, cards, reviewCount, replacements, complete: true }, cache: entries, stale };
}
