/**
 * Wraps a `ReviewStore` so that a confirmed review is never dropped silently. Writes run one at a
 * time, in order. A failed write (quota, a closed connection) is retried with backoff; if it still
 * fails it stays queued in memory, the result says so, listeners hear it, and it is tried again
 * before the next write, on `retryPending()`, and after `retryLaterMs`. Reads include writes still
 * queued, so the page never shows less than the learner did. Saved changes are announced to
 * other tabs.
 */
import type { CachedCard } from '../domain/card-cache';
import type { Review } from '../domain/review';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { STORAGE_MESSAGES } from '../i18n/messages';
import type { ProgressChannel } from './broadcast';
import { DEFAULT_META, type LoadResult, type ReviewStore, type StoredCardCache, type StoredMeta } from './store';

/** The outcome of a write: saved, or kept in memory for a later retry. */
export type WriteResult = { ok: true } | { ok: false; error: string; pendingCount: number };

/** Unsaved writes and the last error, for a `role="alert"`. */
export interface StorageStatus {
  pendingCount: number;
  lastError: string | null;
}

/** A store whose methods never reject. */
export interface SafeStore {
  /** The log, including reviews not yet saved; `error` is set when stored data could not be read. */
  loadAll(): Promise<LoadResult & { error: string | null }>;
  /** Saves a review, with its card's cache entry if given (see `rate`). */
  append(review: Review, cacheEntry?: CachedCard): Promise<WriteResult>;
  appendMany(reviews: readonly Review[]): Promise<WriteResult>;
  remove(reviewId: string): Promise<WriteResult>;
  clear(): Promise<WriteResult>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<WriteResult>;
  getMeta(): Promise<StoredMeta>;
  setMeta(meta: StoredMeta): Promise<WriteResult>;
  /** The card cache; empty when it cannot be read. */
  loadCardCache(): Promise<StoredCardCache>;
  /** Rewrites the cache snapshot, best effort: the cache is checked against the log, so losing it costs only time. */
  replaceCardCache(entries: readonly CachedCard[]): Promise<void>;
  /** Tries the queued writes again now. */
  retryPending(): Promise<WriteResult>;
  /** Current status. */
  status(): StorageStatus;
  /** Calls `listener` whenever the status changes; returns an unsubscribe function. */
  subscribe(listener: (status: StorageStatus) => void): () => void;
}

/** Retry timing. */
export interface RetryOptions {
  /** Waits between attempts of one write; default 50, 200, 800 ms (four attempts in all). */
  delaysMs?: readonly number[];
  /** Background retry of queued writes after a failure; default 10 s; null turns it off. */
  retryLaterMs?: number | null;
  /** Waits `ms`; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

type Op =
  | { kind: 'put'; reviews: Review[]; cacheEntry?: CachedCard | undefined }
  | { kind: 'delete'; reviewId: string }
  | { kind: 'clear' }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'meta'; meta: StoredMeta };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Adds retries, an in-memory queue of unsaved writes, reporting and tab announcements. */
export function createSafeStore(store: ReviewStore, options: RetryOptions & { channel?: ProgressChannel } = {}): SafeStore {
  const delaysMs = options.delaysMs ?? [50, 200, 800];
  const sleep = options.sleep ?? wait;
  const retryLaterMs = options.retryLaterMs === undefined ? 10_000 : options.retryLaterMs;
  const queue: Op[] = [];
  const listeners = new Set<(status: StorageStatus) => void>();
  let lastError: string | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const status = (): StorageStatus => ({ pendingCount: queue.length, lastError });
  const notify = () => listeners.forEach((listener) => listener(status()));

  function run(op: Op): Promise<void> {
    switch (op.kind) {
      case 'put':
        return op.reviews.length === 1 && op.reviews[0] ? store.append(op.reviews[0], op.cacheEntry) : store.appendMany(op.reviews);
      case 'delete':
        return store.remove(op.reviewId);
      case 'clear':
        return store.clear();
      case 'settings':
        return store.saveSettings(op.settings);
      case 'meta':
        return store.setMeta(op.meta);
    }
  }

  function announce(op: Op): void {
    const channel = options.channel;
    if (op.kind === 'put') channel?.post({ type: 'reviews-added', reviews: op.reviews });
    else if (op.kind === 'delete') channel?.post({ type: 'reviews-removed', reviewIds: [op.reviewId] });
    else if (op.kind === 'clear') channel?.post({ type: 'progress-cleared' });
    else if (op.kind === 'settings') channel?.post({ type: 'settings-changed', settings: op.settings });
  }

  async function attempt(op: Op): Promise<boolean> {
    for (let i = 0; ; i++) {
      try {
        await run(op);
        return true;
      } catch {
        const delay = delaysMs[i];
        if (delay === undefined) return false;
        await sleep(delay);
      }
    }
  }

  /** Writes queued operations in order, stopping at the first that still fails. */
  async function flush(): Promise<WriteResult> {
    while (queue[0]) {
      const op = queue[0];
      if (!(await attempt(op))) {
        lastError = STORAGE_MESSAGES.writeFailed;
        notify();
        if (retryLaterMs !== null && timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            void retryPending();
          }, retryLaterMs);
        }
        return { ok: false, error: lastError, pendingCount: queue.length };
      }
      queue.shift();
      announce(op);
    }
    if (lastError !== null) {
      lastError = null;
      notify();
    }
    return { ok: true };
  }

  /** Serialises writes: each starts after the previous one has finished. */
  function write(op: Op | null): Promise<WriteResult> {
    const result = chain.then(() => {
      if (op) queue.push(op);
      return flush();
    });
    chain = result.catch(() => undefined);
    return result.catch(() => ({ ok: false as const, error: STORAGE_MESSAGES.writeFailed, pendingCount: queue.length }));
  }

  function retryPending(): Promise<WriteResult> {
    return write(null);
  }

  async function loadAll(): Promise<LoadResult & { error: string | null }> {
    let result: LoadResult = { reviews: [], problems: [] };
    let error: string | null = null;
    try {
      result = await store.loadAll();
    } catch {
      error = STORAGE_MESSAGES.readFailed;
    }
    const byId = new Map(result.reviews.map((review) => [review.id, review]));
    for (const op of queue) {
      if (op.kind === 'put') for (const review of op.reviews) byId.set(review.id, review);
      else if (op.kind === 'delete') byId.delete(op.reviewId);
      else if (op.kind === 'clear') byId.clear();
    }
    return { reviews: [...byId.values()], problems: result.problems, error };
  }

  const latest = <T>(kind: 'settings' | 'meta', pick: (op: Op) => T | undefined): T | undefined =>
    queue.reduce<T | undefined>((found, op) => (op.kind === kind ? pick(op) : found), undefined);

  return {
    loadAll,
    append: (review, cacheEntry) => write({ kind: 'put', reviews: [review], cacheEntry }),
    appendMany: (reviews) => (reviews.length ? write({ kind: 'put', reviews: [...reviews] }) : retryPending()),
    remove: (reviewId) => write({ kind: 'delete', reviewId }),
    clear: () => write({ kind: 'clear' }),
    async getSettings() {
      const pending = latest('settings', (op) => (op.kind === 'settings' ? op.settings : undefined));
      return pending ?? (await store.getSettings().catch(() => ({ ...DEFAULT_SETTINGS })));
    },
    saveSettings: (settings) => write({ kind: 'settings', settings: { ...settings } }),
    async getMeta() {
      const pending = latest('meta', (op) => (op.kind === 'meta' ? op.meta : undefined));
      return pending ?? (await store.getMeta().catch(() => ({ ...DEFAULT_META })));
    },
    setMeta: (meta) => write({ kind: 'meta', meta: { ...meta } }),
    loadCardCache: () => store.loadCardCache().catch(() => ({ cards: new Map<string, CachedCard>(), compact: false })),
    replaceCardCache: (entries) => store.replaceCardCache(entries).catch(() => undefined),
    retryPending,
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
