/**
 * The deck's shape and what a page needs of it at once: empty, cards-only and trusted decks, the
 * trust stamp, the log in replay order. A rating (grading.ts, with the scheduler) loads at the
 * first one; merging, undo, replay and the check against the log (deck.ts, deck-log.ts) when used.
 */
import { cacheStamp, type CachedCard } from './card-cache';
import { hashString } from './hash';
import type { CardState } from './card';
import type { Review } from './review';
import { compareReviews } from './review-log';
import type { Settings } from './settings';

/** The log grouped by question and the cards derived from it. Treat as immutable. */
export interface Deck {
  /** Each question's reviews in replay order, ids unique across the log. */
  readonly reviewsByQuestion: ReadonlyMap<string, readonly Review[]>;
  /** Card state per question met, including questions no longer in the course. */
  readonly cards: ReadonlyMap<string, CardState>;
  /** Number of reviews in the log (a trusted deck: the reviews it holds, those rated since it loaded). */
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

/** The whole log in replay order, e.g. for a backup. */
export function allReviews(deck: Deck): Review[] {
  const all: Review[] = [];
  for (const group of deck.reviewsByQuestion.values()) all.push(...group);
  return all.sort(compareReviews);
}
