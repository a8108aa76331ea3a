/**
 * Reading the learner's log, loaded only when it is read: for a trusted deck when a use-case needs
 * reviews (`readLogFor`), or at load when the card cache is not trusted (`loadDeck`: the log is
 * checked against the cache and stale cards replayed). A trusted start is trusted.ts.
 */
import type { CardState } from '../domain/card';
import type { BuiltDeck } from '../domain/deck';
import { matchCache } from '../domain/deck-log';
import { allReviews, trustStamp, type Deck, type QuestionReplacements } from '../domain/deck-model';
import type { Settings } from '../domain/settings';
import { STORAGE_MESSAGES } from '../i18n/messages';
import type { LoadProblem, LoadResult, ReviewStore, StoredCardCache, StoredTakenBack } from '../storage/store';

/** The loaded deck and anything the learner should be told. */
export interface LoadedDeck {
  deck: Deck;
  /** Malformed records that were skipped (the rest loaded). */
  problems: LoadProblem[];
  /** A Russian message for `role="alert"` when something could not be read or was skipped; else null. */
  alert: string | null;
  /** What the learner took back (undone review ids, the last reset); none when the log was unreadable. */
  takenBack: StoredTakenBack;
  /** Lessons opened: slug → first visit, epoch ms. */
  openedLessons: Map<string, number>;
  /** Finished final-check attempts. */
  finalChecks: LoadResult['finalChecks'];
  /** The learner's name for the certificate ('' when none). */
  learnerName: string;
}

/** Options for `loadDeck`. */
export interface LoadOptions {
  /**
   * Called with the cached card states as soon as they are read, before the log has loaded and
   * been checked: enough to count due cards and show the first card of a large deck quickly.
   * Treat them as a preview: rate only once `loadDeck` has resolved, and render from its result.
   */
  onCachedCards?: (cards: ReadonlyMap<string, CardState>) => void;
  /** The course's replaced question ids (see `Deck.replacements`). */
  replacements?: QuestionReplacements;
  /**
   * Questions the page shows first: when cards must be replayed, these are replayed first and
   * handed to `onCachedCards` (with the cards that matched the cache) before the rest.
   */
  priority?: ReadonlySet<string> | undefined;
  /** The card cache, when already read (else it is read here). */
  cache?: StoredCardCache | undefined;
}

/** Lets the page draw (a frame, where there is one) before long work goes on. */
const nextFrame = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => setTimeout(resolve, 0))
      : setTimeout(resolve, 0),
  );

const NO_CACHE: StoredCardCache = {
  cards: new Map(),
  compact: false,
  trust: null,
  undone: 0,
  generation: null,
  singles: 0,
  logEmpty: false,
};

/** The log read for a trusted deck (`readLogFor`). */
export interface LogForDeck {
  /**
   * The deck made complete: the log, with the reviews rated on the page since it loaded, without
   * those undone since the log was read (`undone`). Call it with the page's current deck right away
   * (synchronously), so no rating falls between.
   */
  complete(deck: Deck, undone: ReadonlySet<string>): Deck;
  /** A Russian message for `role="alert"` when records were skipped; else null. */
  alert: string | null;
}

/**
 * Reads the log for a trusted deck. Rejects when the log cannot be read. The stored cache is
 * checked against it on the way: a mismatch (which trust should rule out) is replayed, and makes
 * the next load check the log.
 */
export async function readLogFor(
  store: ReviewStore,
  settings: Settings,
  replacements?: QuestionReplacements,
): Promise<LogForDeck> {
  const [log, stored, { replayStale, withReviews, withoutReviews }] = await Promise.all([
    store.loadAll(),
    store.loadCardCache(),
    import('../domain/deck'),
  ]);
  const matched = matchCache(log.reviews, settings, stored.cards, replacements, true);
  if (matched.stale.length > 0) store.invalidateCardCache().catch(() => undefined);
  const fromLog = replayStale(matched, settings).deck;
  return {
    alert: log.problems.length ? STORAGE_MESSAGES.skipped(log.problems.length) : null,
    complete(deck, undone) {
      // Ratings made on the page are in the log once saved; those still queued are added (by id, once).
      const rated = deck.reviewCount ? withReviews(fromLog, allReviews(deck), settings).deck : fromLog;
      return undone.size ? withoutReviews(rated, undone, settings) : rated;
    },
  };
}

/**
 * Loads the log and the card cache, builds the deck (replaying only cards whose cache entry does
 * not match their reviews). Never rejects: an unreadable log loads as empty with an alert, an
 * unreadable cache costs only time. In the background (not after a failed read), without waiting:
 * writes the checked cache back as a trusted snapshot and packs single review records.
 */
export async function loadDeck(store: ReviewStore, settings: Settings, options: LoadOptions = {}): Promise<LoadedDeck> {
  const cachePromise = (options.cache ? Promise.resolve(options.cache) : store.loadCardCache()).then(
    (cache) => {
      options.onCachedCards?.(new Map([...cache.cards].map(([id, entry]) => [id, entry.card])));
      return cache;
    },
    () => NO_CACHE,
  );
  const logPromise = store.loadAll().then(
    (log): LoadResult & { error: string | null } => ({ ...log, error: null }),
    () => ({
      reviews: [],
      problems: [],
      takenBack: { undone: [], resetAt: null },
      openedLessons: new Map<string, number>(),
      finalChecks: [],
      learnerName: '',
      error: STORAGE_MESSAGES.readFailed,
    }),
  );
  const [log, cache] = await Promise.all([logPromise, cachePromise]);
  // The store leaves undone reviews out (their tombstones win, even over a race with an import).
  const reviews = log.reviews;
  // Before the log's work, a frame for the page to draw the cached cards it was just handed.
  if (cache.cards.size > 0 && options.onCachedCards) await nextFrame();
  const matched = matchCache(reviews, settings, cache.cards, options.replacements, true);
  // The scheduler loads only when a cached card does not match its reviews.
  let built: BuiltDeck = { ...matched, replayedCount: 0 };
  if (matched.stale.length) {
    const { replayStale } = await import('../domain/deck');
    const { priority, onCachedCards } = options;
    const first = priority ? matched.stale.filter((s) => priority.has(s.questionId)) : [];
    if (onCachedCards && first.length && first.length < matched.stale.length) {
      onCachedCards(replayStale({ ...matched, stale: first }, settings).deck.cards);
      await nextFrame();
    }
    built = replayStale(matched, settings);
  }
  if (log.error === null) {
    // The checked cache, trusted from now on: written only if nothing was written since it was
    // read (another tab's rating would be lost otherwise; the next load checks again then).
    store
      .replaceCardCache({ entries: built.cache, stamp: trustStamp(settings, options.replacements) }, cache.generation)
      .catch(() => false);
  }
  store.compact().catch(() => 0);
  const alert = log.error ?? (log.problems.length ? STORAGE_MESSAGES.skipped(log.problems.length) : null);
  return {
    deck: built.deck,
    problems: log.problems,
    alert,
    takenBack: log.takenBack,
    openedLessons: log.openedLessons,
    finalChecks: log.finalChecks,
    learnerName: log.learnerName,
  };
}
