/**
 * Opens the learner's store: IndexedDB when it works, otherwise memory plus a message the page
 * shows as an alert (private windows, blocked storage, a broken database).
 */
import { STORAGE_MESSAGES } from '../i18n/messages';
import { createIdbStore, DEFAULT_DB_NAME } from './idb-store';
import type { ReviewStore } from './store';

/** What `openStore` gives the page. */
export interface OpenedStore {
  /** The store to load from and write to (src/runtime adds retries). */
  store: ReviewStore;
  /** True when progress is kept in IndexedDB; false when it lives only as long as the tab. */
  persistent: boolean;
  /** Why progress is not kept (Russian, for `role="alert"`); null when `persistent`. */
  reason: string | null;
}

/** Options, mostly for tests. */
export interface OpenStoreOptions {
  /** Defaults to the browser's `indexedDB`; null forces the memory store. */
  indexedDB?: IDBFactory | null;
  dbName?: string;
  /** How long opening may take before IndexedDB counts as unavailable (a blocked open never settles). */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function defaultFactory(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    // Some browsers throw on merely touching `indexedDB` when storage is blocked.
    return null;
  }
}

/** Opens IndexedDB, or falls back to memory when IndexedDB is missing, blocked or broken. */
export async function openStore(options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const factory = options.indexedDB === undefined ? defaultFactory() : options.indexedDB;
  if (factory) {
    const idb = createIdbStore(factory, options.dbName ?? DEFAULT_DB_NAME);
    try {
      await withTimeout(idb.probe(), options.timeoutMs ?? 3000);
      return { store: idb, persistent: true, reason: null };
    } catch {
      void idb.close();
    }
  }
  // Loaded only when needed: most browsers never fall back.
  const { createMemoryStore } = await import('./memory-store');
  return { store: createMemoryStore(), persistent: false, reason: STORAGE_MESSAGES.unavailable };
}
