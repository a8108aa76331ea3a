/**
 * The in-memory store: used when IndexedDB is unavailable, and in tests. Values are copied with
 * `structuredClone` on the way in and out, as IndexedDB would, so callers cannot change stored
 * data by mutating an object afterwards.
 */
import { parseSettings, type Settings } from '../domain/settings';
import { encodeCardSnapshot } from './card-snapshot';
import { readReviewRecords, withoutUndone } from './log-records';
import {
  FINAL_CHECK_KEY_PREFIX,
  LEARNER_NAME_KEY,
  OPENED_KEY_PREFIX,
  RESET_AT_KEY,
  GENERATION_KEY,
  SNAPSHOT_KEY,
  TRUST_KEY,
  UNDONE_KEY_PREFIX,
  cardCacheRecord,
  finalCheckKey,
  isUndoneKey,
  newUniqueKey,
  parseMeta,
  readCacheRecords,
  readKvRecords,
  type CacheSnapshot,
  type ReviewStore,
  type StoredCardCache,
  type StoredMeta,
} from './store';

/** The maps a memory store keeps its records in. Two stores given the same backing share data. */
export interface MemoryBacking {
  reviews: Map<string, unknown>;
  cards: Map<string, unknown>;
  kv: Map<string, unknown>;
}

/** Empty backing maps. */
export function createMemoryBacking(): MemoryBacking {
  return { reviews: new Map(), cards: new Map(), kv: new Map() };
}

/** Creates an in-memory store, optionally over existing backing maps. */
export function createMemoryStore(backing: MemoryBacking = createMemoryBacking()): ReviewStore {
  const copy = <T>(value: T): T => structuredClone(value);
  const undoneCount = () => [...backing.kv.keys()].filter(isUndoneKey).length;
  const touch = () => backing.cards.set(GENERATION_KEY, newUniqueKey());
  const writeSnapshot = (snapshot: CacheSnapshot) => {
    const encoded = copy(encodeCardSnapshot(snapshot.entries));
    backing.cards.clear();
    backing.cards.set(SNAPSHOT_KEY, encoded);
    backing.cards.set(TRUST_KEY, { stamp: snapshot.stamp, undone: undoneCount() });
    touch();
  };
  return {
    async loadAll() {
      const log = readReviewRecords([...backing.reviews].map(([key, value]) => [key, copy(value)] as const));
      const kv = readKvRecords(backing.kv);
      return { ...log, reviews: withoutUndone(log.reviews, kv.takenBack.undone), ...kv };
    },
    async append(review, cacheEntry) {
      const stored = copy(review);
      const entry = cacheEntry && copy(cacheEntry);
      backing.reviews.set(review.id, stored);
      if (entry) backing.cards.set(...cardCacheRecord(entry));
      touch();
    },
    async appendMany(reviews, snapshot) {
      const copies = reviews.map((review) => [review.id, copy(review)] as const);
      for (const [id, review] of copies) backing.reviews.set(id, review);
      if (snapshot) writeSnapshot(snapshot);
      else touch();
    },
    async remove(reviewId, card) {
      const change = card && copy(card);
      backing.kv.set(`${UNDONE_KEY_PREFIX}${reviewId}`, reviewId);
      backing.reviews.delete(reviewId);
      touch();
      if (!change) return;
      backing.cards.set(...cardCacheRecord(change));
      const trust: unknown = backing.cards.get(TRUST_KEY);
      if (typeof trust === 'object' && trust) backing.cards.set(TRUST_KEY, { ...trust, undone: undoneCount() });
    },
    async invalidateCardCache() {
      backing.cards.delete(TRUST_KEY);
    },
    async compact() {
      return 0;
    },
    async clear(resetAt) {
      backing.reviews.clear();
      backing.cards.clear();
      touch();
      for (const key of [...backing.kv.keys()]) if (key.startsWith(FINAL_CHECK_KEY_PREFIX)) backing.kv.delete(key);
      backing.kv.set(RESET_AT_KEY, resetAt);
    },
    async getSettings(): Promise<Settings> {
      return parseSettings(copy(backing.kv.get('settings')));
    },
    async saveSettings(settings) {
      backing.kv.set('settings', copy(settings));
    },
    async getMeta(): Promise<StoredMeta> {
      return parseMeta(copy(backing.kv.get('meta')));
    },
    async setMeta(meta) {
      backing.kv.set('meta', copy(meta));
    },
    async recordLessonOpened(slug, atMs) {
      const key = `${OPENED_KEY_PREFIX}${slug}`;
      const before = backing.kv.get(key);
      if (!(typeof before === 'number' && before <= atMs)) backing.kv.set(key, atMs);
    },
    async recordFinalChecks(attempts, reviews = [], cacheEntries = []) {
      const copies = { attempts: copy(attempts), reviews: copy(reviews), entries: copy(cacheEntries) };
      for (const review of copies.reviews) backing.reviews.set(review.id, review);
      for (const entry of copies.entries) backing.cards.set(...cardCacheRecord(entry));
      touch();
      for (const attempt of copies.attempts) backing.kv.set(finalCheckKey(attempt.attemptId), attempt);
    },
    async saveLearnerName(name) {
      if (name) backing.kv.set(LEARNER_NAME_KEY, name);
      else backing.kv.delete(LEARNER_NAME_KEY);
    },
    async loadCardCache(): Promise<StoredCardCache> {
      return readCacheRecords(
        [...backing.cards].map(([key, value]) => [key, copy(value)] as const),
        { undone: undoneCount(), singles: backing.reviews.size, packed: false },
      );
    },
    loadKept: async () => readKvRecords(copy([...backing.kv])),
    async replaceCardCache(snapshot, ifGeneration) {
      const now = backing.cards.get(GENERATION_KEY);
      if (ifGeneration !== undefined && (typeof now === 'string' ? now : null) !== ifGeneration) return false;
      writeSnapshot(snapshot);
      return true;
    },
  };
}
