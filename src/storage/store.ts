/**
 * The storage interface. Each new review is written as its own record, keyed by its id, and
 * reviews are only ever added or deleted whole: two tabs writing at the same time cannot
 * overwrite each other's reviews, because nothing reads a shared list, changes it and writes it
 * back outside one IndexedDB transaction (packing, in idb-chunks.ts, runs inside one).
 *
 * Implementations: `idb-store.ts` (IndexedDB) and `memory-store.ts`. Both pass the contract suite
 * in `tests/storage/contract.ts`. Methods reject when the underlying storage fails;
 * the runtime (src/runtime/saving.ts) adds retries and reporting on top.
 */
import type { CacheChange, CachedCard } from '../domain/card-cache';
import { parseCachedCard } from '../domain/card-cache';
import { parseFinalCheckAttempt, type FinalCheckAttempt } from '../domain/final-check-record';
import { parseLearnerName } from '../domain/learner-name';
import type { Review } from '../domain/review';
import { decodeCardSnapshot } from './card-snapshot';
import type { Settings } from '../domain/settings';

/** A stored record that could not be read. */
export interface LoadProblem {
  /** The record's key. */
  key: string;
  /** Why it was skipped (for the console and bug reports, not for the learner). */
  reason: string;
}

/**
 * The whole review log as stored, minus undone reviews (an undone review packed with others before
 * it was undone stays stored; its tombstone leaves it out here), and the records skipped because
 * they were malformed.
 */
export interface LoadResult {
  reviews: Review[];
  problems: LoadProblem[];
  /** What the learner took back: ids of undone reviews, and when progress was last reset. */
  takenBack: StoredTakenBack;
  /** Lessons the learner has opened: slug → first visit, epoch ms. */
  openedLessons: Map<string, number>;
  /** Finished final-check attempts, in no particular order. */
  finalChecks: FinalCheckAttempt[];
  /** The learner's name for the certificate; '' when none was typed. */
  learnerName: string;
}

/**
 * Tombstones, kept beside the log: an id per undone review and the moment of the last reset
 * (epoch ms, or null). The store only keeps them; what they exclude from a merge is
 * `withoutTakenBack` in src/domain/backup.ts.
 */
export interface StoredTakenBack {
  undone: string[];
  resetAt: number | null;
}

/** Facts about the learner's data kept beside it. */
export interface StoredMeta {
  /** When the learner last downloaded a backup, epoch ms; null if never. */
  lastBackupAt: number | null;
}

/** Meta before anything was saved. */
export const DEFAULT_META: Readonly<StoredMeta> = Object.freeze({ lastBackupAt: null });

/** Persistent storage of the review log, settings, meta and the card cache. */
export interface ReviewStore {
  /** Every well-formed review not undone; malformed records are skipped and listed in `problems`. */
  loadAll(): Promise<LoadResult>;
  /**
   * Adds one review (its own record), and with it, in the same transaction, the card's new cache
   * entry if given. Storing the same review twice is harmless.
   */
  append(review: Review, cacheEntry?: CachedCard): Promise<void>;
  /**
   * Adds many reviews in one transaction (an import) and, if given, replaces the card cache with
   * `snapshot` (trusted under `snapshot.stamp`) in the same transaction, so the next load trusts it
   * instead of replaying.
   */
  appendMany(reviews: readonly Review[], snapshot?: CacheSnapshot): Promise<void>;
  /**
   * Deletes one review by id (undo) and, in the same transaction, records its id as undone, so a
   * later merge cannot bring it back, and applies `card` (the card's cache entry after the undo, or
   * that it has no reviews left). Only the review's own record is deleted: one already packed with
   * others stays stored, and its tombstone leaves it out of `loadAll`. Without `card` the cache is
   * no longer trusted (the next load checks the log).
   * Deleting an unknown id is harmless (its id is still recorded).
   */
  remove(reviewId: string, card?: CardCacheChange): Promise<void>;
  /** Stops trusting the card cache: the next load reads and checks the log (after a mismatch was found). */
  invalidateCardCache(): Promise<void>;
  /**
   * Packs reviews stored one by one into fewer records so the next load is faster; resolves with
   * how many were packed. Safe while other tabs write. A no-op where records are cheap (memory).
   */
  compact(): Promise<number>;
  /**
   * Deletes all reviews, the card cache and the final-check attempts («Сбросить прогресс») and, in
   * the same transaction, records `resetAt` (epoch ms) as the last reset; settings, meta, the
   * learner's name, opened lessons and undone ids stay.
   */
  clear(resetAt: number): Promise<void>;
  /** The saved settings, parsed; defaults when none were saved. */
  getSettings(): Promise<Settings>;
  /** Saves the settings. */
  saveSettings(settings: Settings): Promise<void>;
  /** The saved meta, parsed; defaults when none was saved. */
  getMeta(): Promise<StoredMeta>;
  /** Saves the meta. */
  setMeta(meta: StoredMeta): Promise<void>;
  /** Records that a lesson was opened (slug → epoch ms); the earliest time recorded stays. */
  recordLessonOpened(slug: string, atMs: number): Promise<void>;
  /**
   * Records final-check attempts (each its own record, keyed by its id: storing one twice is
   * harmless) and, in the same transaction, the reviews an attempt wrote and their cards' cache
   * entries, so an attempt is never saved without its reviews or the other way round.
   */
  recordFinalChecks(
    attempts: readonly FinalCheckAttempt[],
    reviews?: readonly Review[],
    cacheEntries?: readonly CachedCard[],
  ): Promise<void>;
  /** Saves the learner's name for the certificate ('' removes it). A reset keeps it, as it keeps settings. */
  saveLearnerName(name: string): Promise<void>;
  /** The card cache (see domain/card-cache.ts) and whether it can be trusted; malformed entries are left out. */
  loadCardCache(): Promise<StoredCardCache>;
  /** What the learner kept beside the log (tombstones, lessons opened, attempts, name), without the log. */
  loadKept(): Promise<KeptRecords>;
  /**
   * Replaces the whole card cache with one snapshot record (fast to read back), trusted under
   * `snapshot.stamp`. With `ifGeneration` (a background rewrite), only if nothing has written the
   * cache or the log since that generation was read; resolves with whether it was written.
   */
  replaceCardCache(snapshot: CacheSnapshot, ifGeneration?: string | null): Promise<boolean>;
}

/** A whole card cache to store, and the stamp (`cacheStamp`) of the scheduler and settings it was computed under. */
export interface CacheSnapshot {
  entries: readonly CachedCard[];
  stamp: string;
}

/** A card's cache entry after a change, or that the card has no reviews left. */
export type CardCacheChange = CacheChange;

/**
 * The card cache as stored: one snapshot record (key `snapshot`), which loads in one read, plus
 * one record per card changed since (key `card:<questionId>`), which take precedence.
 *
 * Trust (as Orbit trusts its derived state): every write of a review or an undo changes the card's
 * entry in the same transaction, so a cache stays equal to what replaying the log would give. A
 * page uses it without reading the log while `trust.stamp` is the current scheduler and settings
 * and the count of undone ids is the one the cache last saw (an undo by an older version of the
 * site, which did not update the cache, changes it). Otherwise the log is read and checked.
 */
export interface StoredCardCache {
  cards: Map<string, CachedCard>;
  /** False when per-card records exist beside the snapshot, so it is worth rewriting. */
  compact: boolean;
  /** The stamp the snapshot was written under and the undone count the cache last saw; null when none. */
  trust: { stamp: string; undone: number } | null;
  /** How many undone ids are recorded now. */
  undone: number;
  /** Changes with every write to the log or the cache: a background rewrite checks it is still the one read. */
  generation: string | null;
  /** Reviews stored one by one (not yet packed). */
  singles: number;
  /** True when no review is stored at all: the deck is empty and whole without reading anything. */
  logEmpty: boolean;
}

/** Fewer single reviews than this are not worth packing (idb-chunks.ts). */
export const MIN_REVIEWS_TO_PACK = 200;

/** Counts read with the card cache. */
export interface CacheCounts {
  /** Undone ids recorded. */
  undone: number;
  /** Review records stored one by one. */
  singles: number;
  /** Whether any chunk of packed reviews is stored. */
  packed: boolean;
}

/** The `kv` records kept beside the log. */
export type KeptRecords = Pick<LoadResult, 'takenBack' | 'openedLessons' | 'finalChecks' | 'learnerName'>;

/** Keys (in `cards`) of the trust record and of the write generation. */
export const TRUST_KEY = 'trust';
export const GENERATION_KEY = 'generation';
/** A new unique key: a write generation, a chunk record's key (two writers never share one). */
export const newUniqueKey = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Key (in `kv`) of the last reset's time. */
export const RESET_AT_KEY = 'resetAt';
/** Prefix of an undone review's record key in `kv`: `undone:<review id>`. */
export const UNDONE_KEY_PREFIX = 'undone:';

/** Prefix of an opened lesson's record key in `kv`: `opened:<slug>`, its value the first visit (epoch ms). */
export const OPENED_KEY_PREFIX = 'opened:';

/** Prefix of a final-check attempt's record key in `kv`: `final-check:<attemptId>`. A reset deletes them. */
export const FINAL_CHECK_KEY_PREFIX = 'final-check:';
/** Key (in `kv`) of the learner's name for the certificate. */
export const LEARNER_NAME_KEY = 'learner-name';
/** The `kv` key of an attempt's record. */
export const finalCheckKey = (attemptId: string): string => `${FINAL_CHECK_KEY_PREFIX}${attemptId}`;

/**
 * Reads the tombstones, opened lessons, final-check attempts and the learner's name out of `kv`
 * records (other keys are ignored; malformed attempts are skipped); shared by both implementations.
 */
export function readKvRecords(records: Iterable<readonly [key: unknown, value: unknown]>): KeptRecords {
  const undone: string[] = [];
  const openedLessons = new Map<string, number>();
  const finalChecks: FinalCheckAttempt[] = [];
  let learnerName = '';
  let resetAt: number | null = null;
  for (const [key, value] of records) {
    if (typeof key !== 'string') continue;
    if (key === RESET_AT_KEY && typeof value === 'number' && Number.isFinite(value)) resetAt = value;
    else if (key.startsWith(UNDONE_KEY_PREFIX) && key.length > UNDONE_KEY_PREFIX.length)
      undone.push(key.slice(UNDONE_KEY_PREFIX.length));
    else if (key.startsWith(OPENED_KEY_PREFIX) && typeof value === 'number' && Number.isFinite(value))
      openedLessons.set(key.slice(OPENED_KEY_PREFIX.length), value);
    else if (key === LEARNER_NAME_KEY) learnerName = parseLearnerName(value);
    else if (key.startsWith(FINAL_CHECK_KEY_PREFIX)) {
      const attempt = parseFinalCheckAttempt(value);
      if (attempt && key === finalCheckKey(attempt.attemptId)) finalChecks.push(attempt);
    }
  }
  return { takenBack: { undone, resetAt }, openedLessons, finalChecks, learnerName };
}

/** Key of the cache snapshot record. */
export const SNAPSHOT_KEY = 'snapshot';
/** Key of one card's cache record. */
export const cardCacheKey = (questionId: string): string => `card:${questionId}`;

/** Whether a `kv` key is a tombstone's (`undone:<id>`). */
export const isUndoneKey = (key: unknown): boolean =>
  typeof key === 'string' && key.startsWith(UNDONE_KEY_PREFIX) && key.length > UNDONE_KEY_PREFIX.length;

/** A card's per-card cache record: its entry, or a marker that the card has no reviews left. */
export const cardCacheRecord = (change: CardCacheChange): [key: string, value: unknown] =>
  'removed' in change
    ? [cardCacheKey(change.questionId), { questionId: change.questionId, removed: true }]
    : [cardCacheKey(change.card.questionId), change];

/** Turns stored cache records into the cache, dropping malformed ones; shared by both implementations. */
export function readCacheRecords(
  records: Iterable<readonly [key: unknown, value: unknown]>,
  { undone, singles, packed }: CacheCounts,
): StoredCardCache {
  const cards = new Map<string, CachedCard>();
  const loose: (CachedCard | string)[] = [];
  let trust: StoredCardCache['trust'] = null;
  let generation: string | null = null;
  for (const [key, value] of records) {
    if (key === SNAPSHOT_KEY) {
      for (const entry of decodeCardSnapshot(value)) cards.set(entry.card.questionId, entry);
    } else if (key === TRUST_KEY) trust = parseTrust(value);
    else if (key === GENERATION_KEY) generation = typeof value === 'string' ? value : null;
    else if (isRemovedMarker(value)) {
      if (key === cardCacheKey(value.questionId)) loose.push(value.questionId);
    } else {
      const entry = parseCachedCard(value);
      if (entry && key === cardCacheKey(entry.card.questionId)) loose.push(entry);
    }
  }
  for (const entry of loose)
    if (typeof entry === 'string') cards.delete(entry);
    else cards.set(entry.card.questionId, entry);
  return { cards, compact: loose.length === 0, trust, undone, generation, singles, logEmpty: singles === 0 && !packed };
}

const isRemovedMarker = (x: unknown): x is { questionId: string; removed: true } =>
  typeof x === 'object' &&
  x !== null &&
  (x as { removed?: unknown }).removed === true &&
  typeof (x as { questionId?: unknown }).questionId === 'string';

function parseTrust(x: unknown): StoredCardCache['trust'] {
  if (typeof x !== 'object' || x === null) return null;
  const { stamp, undone } = x as { stamp?: unknown; undone?: unknown };
  return typeof stamp === 'string' && Number.isInteger(undone) ? { stamp, undone: undone as number } : null;
}

/** Reads stored meta (`unknown` until parsed). */
export function parseMeta(x: unknown): StoredMeta {
  const lastBackupAt = typeof x === 'object' && x !== null ? (x as { lastBackupAt?: unknown }).lastBackupAt : null;
  return { lastBackupAt: typeof lastBackupAt === 'number' && Number.isFinite(lastBackupAt) ? lastBackupAt : null };
}
