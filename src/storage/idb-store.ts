/**
 * The IndexedDB store: the only module that imports idb-keyval. Object stores (idb-connection.ts):
 * `reviews` (one record per review, keyed by its id), `chunks` (reviews packed after a load, see
 * idb-chunks.ts), `cards` (the card cache) and `kv` (settings, meta). The `IDBFactory` is an
 * argument, so tests and the benchmark run on fake-indexeddb.
 */
import { entries, get, set, type UseStore } from 'idb-keyval';
import { uniqueReviews } from '../domain/review-log';
import { encodeCardSnapshot } from './card-snapshot';
import { parseSettings } from '../domain/settings';
import { newChunkKey, packReviews, readChunkRecords, removeEverywhere } from './idb-chunks';
import { connect, type StoreName } from './idb-connection';
import {
  SNAPSHOT_KEY,
  cardCacheKey,
  parseMeta,
  readCacheRecords,
  readReviewRecords,
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
  const reviews = useStore('reviews');
  const chunks = useStore('chunks');
  const cards = useStore('cards');
  const kv = useStore('kv');
  return {
    async probe() {
      await get('meta', kv);
    },
    close: () => connection.close(),
    async loadAll() {
      const [singleRecords, chunkRecords] = await Promise.all([
        entries<IDBValidKey, unknown>(reviews),
        entries<IDBValidKey, unknown>(chunks),
      ]);
      const single = readReviewRecords(singleRecords);
      const packed = readChunkRecords(chunkRecords);
      // A review can be in two places (re-sent after it was packed); keep one copy.
      return {
        reviews: uniqueReviews([...packed.reviews, ...single.reviews]),
        problems: [...single.problems, ...packed.problems],
      };
    },
    append: (review, cacheEntry) =>
      // One transaction over both stores: the review and its card's cache entry land together.
      connection.transaction(cacheEntry ? ['reviews', 'cards'] : ['reviews'], 'readwrite', (tx) => {
        tx.objectStore('reviews').put(review, review.id);
        if (cacheEntry) tx.objectStore('cards').put(cacheEntry, cardCacheKey(cacheEntry.card.questionId));
      }),
    appendMany: (list) =>
      connection.transaction([list.length >= CHUNKED_IMPORT_SIZE ? 'chunks' : 'reviews'], 'readwrite', (tx) => {
        if (list.length >= CHUNKED_IMPORT_SIZE)
          tx.objectStore('chunks').put({ reviews: [...list] }, newChunkKey('import-'));
        else for (const review of list) tx.objectStore('reviews').put(review, review.id);
      }),
    remove: (reviewId) => removeEverywhere(connection, reviewId),
    compact: () => packReviews(connection),
    clear: () =>
      connection.transaction(['reviews', 'chunks', 'cards'], 'readwrite', (tx) => {
        for (const name of ['reviews', 'chunks', 'cards'] as const) tx.objectStore(name).clear();
      }),
    getSettings: async () => parseSettings(await get<unknown>('settings', kv)),
    saveSettings: (settings) => set('settings', settings, kv),
    getMeta: async () => parseMeta(await get<unknown>('meta', kv)),
    setMeta: (meta) => set('meta', meta, kv),
    async loadCardCache(): Promise<StoredCardCache> {
      return readCacheRecords(await entries<IDBValidKey, unknown>(cards));
    },
    replaceCardCache: (list) =>
      connection.transaction(['cards'], 'readwrite', (tx) => {
        tx.objectStore('cards').clear();
        tx.objectStore('cards').put(encodeCardSnapshot(list), SNAPSHOT_KEY);
      }),
  };
}
