/**
 * The IndexedDB store: the only module that imports idb-keyval. Object stores (idb-connection.ts):
 * `reviews` (one record per review, keyed by its id), `chunks` (reviews packed after a load, see
 * idb-chunks.ts), `cards` (the card cache) and `kv` (settings, meta, and what the learner took
 * back: a record `undone:<id>` per undone review and `resetAt`). The tombstones live in `kv` rather
 * than a new object store so the database version stays 2: a tab still running the previous
 * version of the site keeps its connection (a version change would close it and fail its writes).
 * The `IDBFactory` is an argument, so tests and the benchmark run on fake-indexeddb.
 */
import { del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { encodeCardSnapshot } from './card-snapshot';
import { parseSettings } from '../domain/settings';
import { connect, type StoreName } from './idb-connection';
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
} from './store';

/** Database name used by the site. */
export const DEFAULT_DB_NAME = 'seven-reasons-progress';
/** An import at least this large is written as one chunk rather than record by record. */
const CHUNKED_IMPORT_SIZE = 200;

/** An IndexedDB store, plus what opening and tests need. */
export interface IdbReviewStore extends ReviewStore {
  /** Opens the database and reads from it once; rejects if IndexedDB is not usable. */
  probe(): Promise<void>;
  /** Closes the connection (the next call reopens it). */
  close(): Promise<void>;
}

/** Creates the IndexedDB store on the given factory (`indexedDB` in a browser). */
export function createIdbStore(factory: IDBFactory, dbName: string = DEFAULT_DB_NAME): IdbReviewStore {
  const connection = connect(factory, dbName);
  // idb-keyval's functions take a "custom store": a function that runs a callback on an object
  // store in a new transaction. This one runs on our shared connection.
  const useStore =
    (name: StoreName): UseStore =>
    (txMode, callback) =>
      connection.begin([name], txMode).then((tx) => callback(tx.objectStore(name)));
  const kv = useStore('kv');
  return {
    async probe() {
      await get('meta', kv);
    },
    close: () => connection.close(),
    // Reading the whole log and packing it load with their first use (idb-log.ts, idb-chunks.ts).
    loadAll: async () => (await import('./idb-log')).readLog(connection),
    append: (review, cacheEntry) =>
      // One transaction over both stores: the review and its card's cache entry land together.
      connection.transaction(['reviews', 'cards'], 'readwrite', (tx) => {
        tx.objectStore('reviews').put(review, review.id);
        if (cacheEntry) tx.objectStore('cards').put(...swap(cardCacheRecord(cacheEntry)));
        tx.objectStore('cards').put(newUniqueKey(), GENERATION_KEY);
      }),
    async appendMany(list, snapshot) {
      const target = list.length >= CHUNKED_IMPORT_SIZE ? 'chunks' : 'reviews';
      const columns = target === 'chunks' ? (await import('./review-columns')).encodeReviewColumns(list) : null;
      return connection.transaction([target, 'cards', 'kv'], 'readwrite', (tx) => {
        if (columns) tx.objectStore('chunks').put(columns, `import-${newUniqueKey()}`);
        else for (const review of list) tx.objectStore('reviews').put(review, review.id);
        if (snapshot) writeSnapshot(tx, snapshot);
        else tx.objectStore('cards').put(newUniqueKey(), GENERATION_KEY);
      });
    },
    remove: (reviewId, card) =>
      // The tombstone, the deletion and the card's new cache entry commit together. One record, no
      // scan: a review already packed into a chunk stays there and its tombstone leaves it out of
      // every load and merge.
      connection.transaction(['reviews', 'kv', 'cards'], 'readwrite', (tx) => {
        tx.objectStore('kv').put(reviewId, `${UNDONE_KEY_PREFIX}${reviewId}`);
        tx.objectStore('reviews').delete(reviewId);
        const cards = tx.objectStore('cards');
        cards.put(newUniqueKey(), GENERATION_KEY);
        if (!card) return;
        // The cache saw this undo: its trust record counts it (without the card's new entry it does
        // not, so the next load checks the log).
        cards.put(...swap(cardCacheRecord(card)));
        withUndoneCount(tx, (undone) => {
          const trust = cards.get(TRUST_KEY);
          trust.onsuccess = () => {
            if (trust.result) cards.put({ ...(trust.result as object), undone }, TRUST_KEY);
          };
        });
      }),
    compact: async () => (await import('./idb-chunks')).packReviews(connection),
    invalidateCardCache: () =>
      connection.transaction(['cards'], 'readwrite', (tx) => tx.objectStore('cards').delete(TRUST_KEY)),
    clear: (resetAt) =>
      connection.transaction(['reviews', 'chunks', 'cards', 'kv'], 'readwrite', (tx) => {
        for (const name of ['reviews', 'chunks', 'cards'] as const) tx.objectStore(name).clear();
        tx.objectStore('cards').put(newUniqueKey(), GENERATION_KEY);
        const kvStore = tx.objectStore('kv');
        kvStore.put(resetAt, RESET_AT_KEY);
        // The attempts go with the reviews they wrote; found by key in the same transaction.
        const keys = kvStore.getAllKeys();
        keys.onsuccess = () => {
          for (const key of keys.result)
            if (typeof key === 'string' && key.startsWith(FINAL_CHECK_KEY_PREFIX)) kvStore.delete(key);
        };
      }),
    getSettings: async () => parseSettings(await get<unknown>('settings', kv)),
    saveSettings: (settings) => set('settings', settings, kv),
    getMeta: async () => parseMeta(await get<unknown>('meta', kv)),
    setMeta: (meta) => set('meta', meta, kv),
    recordLessonOpened: (slug, atMs) =>
      update<unknown>(
        `${OPENED_KEY_PREFIX}${slug}`,
        (before) => (typeof before === 'number' && before <= atMs ? before : atMs),
        kv,
      ),
    recordFinalChecks: (attempts, reviews = [], cacheEntries = []) =>
      connection.transaction(['reviews', 'cards', 'kv'], 'readwrite', (tx) => {
        for (const review of reviews) tx.objectStore('reviews').put(review, review.id);
        for (const entry of cacheEntries) tx.objectStore('cards').put(...swap(cardCacheRecord(entry)));
        tx.objectStore('cards').put(newUniqueKey(), GENERATION_KEY);
        for (const attempt of attempts) tx.objectStore('kv').put(attempt, finalCheckKey(attempt.attemptId));
      }),
    saveLearnerName: (name) => (name ? set(LEARNER_NAME_KEY, name, kv) : del(LEARNER_NAME_KEY, kv)),
    async loadCardCache(): Promise<StoredCardCache> {
      let cache: StoredCardCache | undefined;
      await connection.transaction(['cards', 'kv', 'reviews', 'chunks'], 'readonly', (tx) => {
        const keys = tx.objectStore('cards').getAllKeys();
        const values = tx.objectStore('cards').getAll();
        const singles = tx.objectStore('reviews').count();
        const packed = tx.objectStore('chunks').count();
        withUndoneCount(tx, (undone) => {
          cache = readCacheRecords(
            keys.result.map((key, i) => [key, values.result[i]] as const),
            { undone, singles: singles.result, packed: packed.result > 0 },
          );
        });
      });
      if (!cache) throw new Error('the card cache could not be read');
      return cache;
    },
    loadKept: async () => readKvRecords(await entries<IDBValidKey, unknown>(kv)),
    async replaceCardCache(snapshot, ifGeneration) {
      let written = false;
      await connection.transaction(['cards', 'kv'], 'readwrite', (tx) => {
        const write = () => {
          writeSnapshot(tx, snapshot);
          written = true;
        };
        if (ifGeneration === undefined) return write();
        // A background rewrite: only over the cache it was computed from.
        const now = tx.objectStore('cards').get(GENERATION_KEY);
        now.onsuccess = () => {
          if ((typeof now.result === 'string' ? now.result : null) === ifGeneration) write();
        };
      });
      return written;
    },
  };
}

/** `[key, value]` as IndexedDB's `put(value, key)` takes them. */
const swap = ([key, value]: [string, unknown]): [unknown, string] => [value, key];

/** Calls `then` inside `tx` with the number of undone ids recorded (tx must include `kv`). */
function withUndoneCount(tx: IDBTransaction, then: (count: number) => void): void {
  const keys = tx.objectStore('kv').getAllKeys();
  keys.onsuccess = () => then(keys.result.filter(isUndoneKey).length);
}

/** Replaces the card cache with `snapshot`, trusted under its stamp (tx over `cards` and `kv`). */
function writeSnapshot(tx: IDBTransaction, snapshot: CacheSnapshot): void {
  const cards = tx.objectStore('cards');
  cards.clear();
  cards.put(encodeCardSnapshot(snapshot.entries), SNAPSHOT_KEY);
  cards.put(newUniqueKey(), GENERATION_KEY);
  withUndoneCount(tx, (undone) => cards.put({ stamp: snapshot.stamp, undone }, TRUST_KEY));
}
