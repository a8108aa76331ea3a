/**
 * The IndexedDB store: the only module that imports idb-keyval. One database with three object
 * stores: `reviews` (one record per review, keyed by its id), `cards` (the card cache, keyed by
 * question id) and `kv` (settings, meta). The `IDBFactory` is an argument, so tests and the
 * benchmark run on fake-indexeddb.
 */
import { clear, del, entries, get, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import { parseSettings } from '../domain/settings';
import { SNAPSHOT_KEY, cardCacheKey, parseMeta, readCacheRecords, readReviewRecords, type ReviewStore, type StoredCardCache } from './store';

/** Database name used by the site. */
export const DEFAULT_DB_NAME = 'seven-reasons-progress';
const DB_VERSION = 1;
const STORE_NAMES = ['reviews', 'cards', 'kv'] as const;
type StoreName = (typeof STORE_NAMES)[number];

/** An IndexedDB store, plus what opening and tests need. */
export interface IdbReviewStore extends ReviewStore {
  /** Opens the database and reads from it once; rejects if IndexedDB is not usable. */
  probe(): Promise<void>;
  /** Closes the connection (the next call reopens it). */
  close(): Promise<void>;
}

/**
 * One lazily opened connection, shared by the three object stores. Like idb-keyval's createStore,
 * it forgets the connection when the browser closes it ("Safari sometimes just closes the
 * connection") or another tab needs a version change, and reopens on next use; a transaction that
 * cannot be started on a dead connection also drops it, so a retry reconnects.
 */
function connect(factory: IDBFactory, dbName: string) {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = (): Promise<IDBDatabase> => {
    if (dbp) return dbp;
    const request = factory.open(dbName, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of STORE_NAMES) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    const opening = promisifyRequest(request);
    dbp = opening;
    opening.then(
      (db) => {
        db.onclose = () => (dbp = undefined);
        db.onversionchange = () => {
          db.close();
          dbp = undefined;
        };
      },
      () => (dbp = undefined),
    );
    return opening;
  };
  const useStore =
    (name: StoreName): UseStore =>
    (txMode, callback) =>
      getDB().then((db) => {
        let store: IDBObjectStore;
        try {
          store = db.transaction(name, txMode).objectStore(name);
        } catch (error) {
          dbp = undefined;
          throw error;
        }
        return callback(store);
      });
  /** Runs `write` in one readwrite transaction over several stores; resolves when it commits. */
  const transaction = (names: StoreName[], write: (tx: IDBTransaction) => void): Promise<void> =>
    getDB().then((db) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(names, 'readwrite');
      } catch (error) {
        dbp = undefined;
        throw error;
      }
      write(tx);
      return promisifyRequest(tx);
    });
  const close = async () => {
    const current = dbp;
    dbp = undefined;
    if (current) (await current.catch(() => undefined))?.close();
  };
  return { useStore, transaction, close };
}

/** Creates the IndexedDB store on the given factory (`indexedDB` in a browser). */
export function createIdbStore(factory: IDBFactory, dbName: string = DEFAULT_DB_NAME): IdbReviewStore {
  const connection = connect(factory, dbName);
  const reviews = connection.useStore('reviews');
  const cards = connection.useStore('cards');
  const kv = connection.useStore('kv');
  return {
    async probe() {
      await get('meta', kv);
    },
    close: connection.close,
    async loadAll() {
      return readReviewRecords(await entries<IDBValidKey, unknown>(reviews));
    },
    append(review, cacheEntry) {
      if (!cacheEntry) return set(review.id, review, reviews);
      // One transaction over both stores: the review and its card's cache entry land together.
      return connection.transaction(['reviews', 'cards'], (tx) => {
        tx.objectStore('reviews').put(review, review.id);
        tx.objectStore('cards').put(cacheEntry, cardCacheKey(cacheEntry.card.questionId));
      });
    },
    appendMany: (list) => setMany(list.map((review) => [review.id, review]), reviews),
    remove: (reviewId) => del(reviewId, reviews),
    async clear() {
      await clear(reviews);
      await clear(cards);
    },
    getSettings: async () => parseSettings(await get<unknown>('settings', kv)),
    saveSettings: (settings) => set('settings', settings, kv),
    getMeta: async () => parseMeta(await get<unknown>('meta', kv)),
    setMeta: (meta) => set('meta', meta, kv),
    async loadCardCache(): Promise<StoredCardCache> {
      return readCacheRecords(await entries<IDBValidKey, unknown>(cards));
    },
    replaceCardCache: (list) =>
      connection.transaction(['cards'], (tx) => {
        const store = tx.objectStore('cards');
        store.clear();
        store.put({ entries: list }, SNAPSHOT_KEY);
      }),
  };
}
