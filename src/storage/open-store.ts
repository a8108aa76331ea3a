/**
 * Opens the learner's store: IndexedDB when it works, otherwise memory plus a message the page
 * shows as an alert (private windows, blocked storage, a broken database).
 */
import { STORAGE_MESSAGES } from '../i18n/messages';
import { openProgressChannel, type ProgressChannel } from './broadcast';
import { createIdbStore, DEFAULT_DB_NAME } from './idb-store';
import { createMemoryStore } from './memory-store';
import { createSafeStore, type RetryOptions, type SafeStore } from './safe-store';

/** What `openStore` gives the page. */
export interface OpenedStore {
  /** The store to load from and write to; its methods never reject. */
  store: SafeStore;
  /** True when progress is kept in IndexedDB; false when it lives only as long as the tab. */
  persistent: boolean;
  /** Why progress is not kept (Russian, for `role="alert"`); null when `persistent`. */
  reason: string | null;
  /** Changes other tabs save arrive here; the store already announces this tab's saves. */
  channel: ProgressChannel;
}

/** Options, mostly for tests. */
export interface OpenStoreOptions {
  /** Defaults to the browser's `indexedDB`; null forces the memory store. */
  indexedDB?: IDBFactory | null;
  dbName?: string;
  /** How long opening may take before IndexedDB counts as unavailable (a blocked open never settles). */
  timeoutMs?: number;
  channel?: ProgressChannel;
  retry?: RetryOptions;
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

/** Opens IndexedDB (or falls back to memory) and wires retries and the tab channel. */
export async function openStore(options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const channel = options.channel ?? openProgressChannel();
  const safe = (store: Parameters<typeof createSafeStore>[0]) => createSafeStore(store, { ...options.retry, channel });
  const factory = options.indexedDB === undefined ? defaultFactory() : options.indexedDB;
  if (factory) {
    const idb = createIdbStore(factory, options.dbName ?? DEFAULT_DB_NAME);
    try {
      await withTimeout(idb.probe(), options.timeoutMs ?? 3000);
      return { store: safe(idb), persistent: true, reason: null, channel };
    } catch {
      void idb.close();
    }
  }
  return { store: safe(createMemoryStore()), persistent: false, reason: STORAGE_MESSAGES.unavailable, channel };
}
