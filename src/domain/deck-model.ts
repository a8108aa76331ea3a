/**
 * The deck's shape and what can be done with it without the scheduler: reading cached cards and
 * checking them against the log. Pages load this at once; grading and replay (deck.ts, which
 * loads the scheduler) only when a card is rated or a cached card does not match its reviews.
 */
import { cacheStamp, fingerprintReviews, type CachedCard } from './card-cache';
import { hashString } from './hash';
import type { CardState } from './card';
import type { Review } from './review';
import { compareReviews, groupReviewsByQuestion } from './review-log';
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
  /**
   * True when `reviewsByQuestion` holds the whole log. False for a deck from a trusted card cache
   * before the log is read (`trustedDeck`): its cards are whole, but it holds only the reviews
   * rated since, and `entries` holds each card's cache entry so a rating can extend it.
   */
  readonly complete: boolean;
  /** A trusted deck's cache entries, by question (absent on complete decks). */
  readonly entries?: ReadonlyMap<string, CachedCard>;
}

/** New question id → the retired ids whose reviews count as its own. */
export type QuestionReplacements = ReadonlyMap<string, readonly string[]>;

/**
 * What a trusted card cache was computed under: the scheduler, the settings and the course's
 * replacements (a course that retires a question changes which cards exist).
 */
export function trustStamp(settings: SchedulingSettings, replacements: QuestionReplacements = NO_REPLACEMENTS): string {
  const course = [...replacements]
    .map(([id, old]) => `${id}<${old.join(',')}`)
    .sort()
    .join(';');
  return `${cacheStamp(settings)}|${hashString(course).toString(36)}`;
}

export const NO_REPLACEMENTS: QuestionReplacements = new Map();

/** The settings that decide a card's schedule. */
export type SchedulingSettings = Pick<Settings, 'desiredRetention' | 'dayStartHour'>;

/** A deck with no reviews. */
export const EMPTY_DECK: Deck = Object.freeze({
  reviewsByQuestion: new Map(),
  cards: new Map(),
  reviewCount: 0,
  replacements: NO_REPLACEMENTS,
  complete: true,
});

/** A deck for a course whose questions replace retired ids; use it instead of EMPTY_DECK. */
export function emptyDeck(replacements: QuestionReplacements): Deck {
  return { ...EMPTY_DECK, replacements };
}

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

/**
 * A deck from cached cards alone, shown while the log is still being read: the cards, no reviews.
 * Good for counts and charts of cards; rate and undo only on the deck built from the log.
 */
export function cardsOnlyDeck(cards: ReadonlyMap<string, CardState>, replacements = NO_REPLACEMENTS): Deck {
  return { ...EMPTY_DECK, cards, replacements, complete: false };
}

/**
 * A deck from a trusted card cache (see `StoredCardCache` in src/storage/store.ts), used without
 * reading the log: cards can be shown and rated at once; what needs reviews reads the log first.
 */
export function trustedDeck(entries: ReadonlyMap<string, CachedCard>, replacements = NO_REPLACEMENTS): Deck {
  const cards = new Map<string, CardState>();
  for (const [questionId, entry] of entries) cards.set(questionId, entry.card);
  return { ...EMPTY_DECK, cards, replacements, complete: false, entries };
}

/** What a card's cache record becomes after its reviews changed: its entry, or removed when none are left. */
export function cacheChange(
  deck: Deck,
  questionId: string,
  settings: SchedulingSettings,
): CachedCard | { questionId: string; removed: true } {
  const card = deck.cards.get(questionId);
  const reviews = cardReviews(deck.reviewsByQuestion, deck.replacements, questionId);
  return card && reviews.length
    ? { fingerprint: fingerprintReviews(reviews, settings), card }
    : { questionId, removed: true };
}

/** The question a review in the deck belongs to; undefined when the deck does not hold it. */
export function questionOfReview(deck: Deck, reviewId: string): string | undefined {
  for (const [questionId, group] of deck.reviewsByQuestion) if (group.some((r) => r.id === reviewId)) return questionId;
  return undefined;
}

/** The whole log in replay order, e.g. for a backup. */
export function allReviews(deck: Deck): Review[] {
  const all: Review[] = [];
  for (const group of deck.reviewsByQuestion.values()) all.push(...group);
  return all.sort(compareReviews);
}

/**
 * The card cache for a whole deck: every card with the fingerprint of its reviews, as `matchCache`
 * will check it on the next load. An import writes it with the reviews, so the page after a large
 * import starts from it instead of replaying every card.
 */
export function cacheSnapshot(deck: Deck, settings: SchedulingSettings): CachedCard[] {
  const entries: CachedCard[] = [];
  for (const [questionId, card] of deck.cards) {
    const reviews = cardReviews(deck.reviewsByQuestion, deck.replacements, questionId);
    if (reviews.length) entries.push({ fingerprint: fingerprintReviews(reviews, settings), card });
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
