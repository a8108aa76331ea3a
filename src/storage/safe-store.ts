/**
 * Wraps a `ReviewStore` so that a confirmed review is never dropped silently: writes go through a
 * retrying queue (write-queue.ts), reads include writes still queued, so the page never shows less
 * than the learner did, and saved changes are announced to other tabs.
 */
import type { CachedCard } from '../domain/card-cache';
import type { Review } from '../domain/review';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { STORAGE_MESSAGES } from '../i18n/messages';
import type { ProgressChannel } from './broadcast';
import { createWriteQueue, type RetryOptions, type StorageStatus, type WriteResult } from './write-queue';
import { DEFAULT_META, type LoadResult, type ReviewStore, type StoredCardCache, type StoredMeta } from './store';

export type { RetryOptions, StorageStatus, WriteResult } from './write-queue';

/** A store whose methods never reject. Writes resolve with a `WriteResult` saying whether they were saved. */
export interface SafeStore {
  /** The log, including reviews not yet saved; `error` is set when stored data could not be read. */
  loadAll(): Promise<LoadResult & { error: string | null }>;
  /** Saves a review, with its card's cache entry if given (see `rate`). */
  append(review: Review, cacheEntry?: CachedCard): Promise<WriteResult>;
  /** Saves many reviews at once (an import, after `mergeReviews`). */
  appendMany(reviews: readonly Review[]): Promise<WriteResult>;
  /** Deletes a review (undo). */
  remove(reviewId: string): Promise<WriteResult>;
  /** Deletes all progress («Сбросить прогресс»); settings and meta stay. */
  clear(): Promise<WriteResult>;
  /** The settings (unsaved ones included); defaults when none or unreadable. */
  getSettings(): Promise<Settings>;
  /** Saves the settings; other tabs are told. */
  saveSettings(settings: Settings): Promise<WriteResult>;
  /** Meta such as the last backup date; defaults when none or unreadable. */
  getMeta(): Promise<StoredMeta>;
  /** Saves meta (e.g. `{ lastBackupAt: Date.now() }` after a download). */
  setMeta(meta: StoredMeta): Promise<WriteResult>;
  /** Packs single review records for faster loads; best effort (0 on failure). */
  compact(): Promise<number>;
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

type Op =
  | { kind: 'put'; reviews: Review[]; cacheEntry?: CachedCard | undefined }
  | { kind: 'delete'; reviewId: string }
  | { kind: 'clear' }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'meta'; meta: StoredMeta };

/** Adds retries, an in-memory queue of unsaved writes, reporting and tab announcements. */
export function createSafeStore(store: ReviewStore, options: RetryOptions & { channel?: ProgressChannel } = {}): SafeStore {
  const queue = createWriteQueue<Op>({
    ...options,
    run(op) {
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
    },
    saved(op) {
      const channel = options.channel;
      if (op.kind === 'put') channel?.post({ type: 'reviews-added', reviews: op.reviews });
      else if (op.kind === 'delete') channel?.post({ type: 'reviews-removed', reviewIds: [op.reviewId] });
      else if (op.kind === 'clear') channel?.post({ type: 'progress-cleared' });
      else if (op.kind === 'settings') channel?.post({ type: 'settings-changed', settings: op.settings });
    },
  });
  const write = queue.write;

  async function loadAll(): Promise<LoadResult & { error: string | null }> {
    let result: LoadResult = { reviews: [], problems: [] };
    let error: string | null = null;
    try {
      result = await store.loadAll();
    } catch {
      error = STORAGE_MESSAGES.readFailed;
    }
    const byId = new Map(result.reviews.map((review) => [review.id, review]));
    for (const op of queue.pending()) {
      if (op.kind === 'put') for (const review of op.reviews) byId.set(review.id, review);
      else if (op.kind === 'delete') byId.delete(op.reviewId);
      else if (op.kind === 'clear') byId.clear();
    }
    return { reviews: [...byId.values()], problems: result.problems, error };
  }

  const latest = <T>(kind: 'settings' | 'meta', pick: (op: Op) => T | undefined): T | undefined =>
    queue.pending().reduce<T | undefined>((found, op) => (op.kind === kind ? pick(op) : found), undefined);

  return {
    loadAll,
    append: (review, cacheEntry) => write({ kind: 'put', reviews: [review], cacheEntry }),
    appendMany: (reviews) => (reviews.length ? write({ kind: 'put', reviews: [...reviews] }) : write(null)),
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
    compact: () => store.compact().catch(() => 0),
    retryPending: () => write(null),
    status: queue.status,
    subscribe: queue.subscribe,
  };
}
