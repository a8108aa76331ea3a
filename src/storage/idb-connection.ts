/**
 * One lazily opened IndexedDB connection for the site's database. Like idb-keyval's createStore,
 * it forgets the connection when the browser closes it ("Safari sometimes just closes the
 * connection") or another tab needs a version change, and reopens on next use; a transaction that
 * cannot be started on a dead connection also drops it, so a retry reconnects.
 */

/** Object stores: single reviews, packed review chunks, the card cache, settings and meta. */
export const STORE_NAMES = ['reviews', 'chunks', 'cards', 'kv'] as const;
/** One of the site's object stores. */
export type StoreName = (typeof STORE_NAMES)[number];
/** Version 2 added `chunks`; upgrading only creates stores that are missing. */
const DB_VERSION = 2;

/** Resolves when a transaction commits; rejects if it fails or aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error ?? new Error('transaction failed')));
    tx.addEventListener('abort', () => reject(tx.error ?? new Error('transaction aborted')));
  });
}

/** A connection and helpers to run transactions on it. */
export interface Connection {
  /** Starts a transaction (dropping a dead connection if it cannot, so the next try reconnects). */
  begin(names: StoreName[], mode: IDBTransactionMode): Promise<IDBTransaction>;
  /** Starts a transaction; `body` queues requests synchronously or in request callbacks. Resolves on commit. */
  transaction(names: StoreName[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => void): Promise<void>;
  /** Closes the connection; the next use reopens it. */
  close(): Promise<void>;
}

/** Connects lazily to `dbName` on `factory`. */
export function connect(factory: IDBFactory, dbName: string): Connection {
  let dbp: Promise<IDBDatabase> | undefined;
  const db = (): Promise<IDBDatabase> => {
    if (dbp) return dbp;
    const request = factory.open(dbName, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of STORE_NAMES) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('the database could not be opened'));
    });
    dbp = opening;
    opening.then(
      (opened) => {
        opened.onclose = () => (dbp = undefined);
        opened.onversionchange = () => {
          opened.close();
          dbp = undefined;
        };
      },
      () => (dbp = undefined),
    );
    return opening;
  };
  const begin = async (names: StoreName[], mode: IDBTransactionMode): Promise<IDBTransaction> => {
    const opened = await db();
    try {
      return opened.transaction(names, mode);
    } catch (error) {
      dbp = undefined;
      throw error;
    }
  };
  return {
    begin,
    async transaction(names, mode, body) {
      const tx = await begin(names, mode);
      const done = committed(tx);
      body(tx);
      return done;
    },
    async close() {
      const current = dbp;
      dbp = undefined;
      if (current) (await current.catch(() => undefined))?.close();
    },
  };
}
