/**
 * Saving: every change the page makes is one write in a retrying queue (write-queue.ts), so a
 * confirmed review is never dropped silently; once saved, the change is announced to other tabs.
 */
import type { CachedCard } from '../domain/card-cache';
import type { FinalCheckAttempt } from '../domain/final-check-record';
import type { Review } from '../domain/review';
import type { Settings } from '../domain/settings';
import type { ProgressChannel, ProgressMessage } from '../storage/broadcast';
import type { CacheSnapshot, CardCacheChange, ReviewStore, StoredMeta } from '../storage/store';
import { createWriteQueue, type RetryOptions, type WriteQueue } from './write-queue';

/** One change to save. */
export type Change =
  | { kind: 'put'; reviews: Review[]; cacheEntry?: CachedCard | undefined; snapshot?: CacheSnapshot | undefined }
  | { kind: 'delete'; reviewId: string; card?: CardCacheChange | undefined }
  /** The whole card cache, rescheduled under new settings. */
  | { kind: 'cache'; snapshot: CacheSnapshot }
  | { kind: 'clear'; resetAt: number }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'meta'; meta: StoredMeta }
  | { kind: 'opened'; slug: string; atMs: number }
  | { kind: 'final-check'; attempts: FinalCheckAttempt[]; reviews: Review[]; cacheEntries?: CachedCard[] | undefined }
  | { kind: 'name'; name: string };

/** Writes one change to the store; rejects when the store does. */
function write(store: ReviewStore, change: Change): Promise<void> {
  switch (change.kind) {
    case 'put':
      return change.reviews.length === 1 && change.reviews[0] && !change.snapshot
        ? store.append(change.reviews[0], change.cacheEntry)
        : store.appendMany(change.reviews, change.snapshot);
    case 'delete':
      return store.remove(change.reviewId, change.card);
    case 'cache':
      return store.replaceCardCache(change.snapshot).then(() => undefined);
    case 'clear':
      return store.clear(change.resetAt);
    case 'settings':
      return store.saveSettings(change.settings);
    case 'meta':
      return store.setMeta(change.meta);
    case 'opened':
      return store.recordLessonOpened(change.slug, change.atMs);
    case 'final-check':
      return store.recordFinalChecks(change.attempts, change.reviews, change.cacheEntries);
    case 'name':
      return store.saveLearnerName(change.name);
  }
}

/** What other tabs are told once a change is saved; meta concerns only this tab. */
function announcement(change: Change): ProgressMessage | null {
  switch (change.kind) {
    case 'put':
      return { type: 'reviews-added', reviews: change.reviews };
    case 'delete':
      return { type: 'reviews-removed', reviewIds: [change.reviewId] };
    case 'clear':
      return { type: 'progress-cleared' };
    case 'settings':
      return { type: 'settings-changed', settings: change.settings };
    case 'meta':
    case 'cache':
      return null;
    case 'opened':
      return { type: 'lesson-opened', slug: change.slug, atMs: change.atMs };
    case 'final-check':
      return { type: 'final-check-saved', attempts: change.attempts, reviews: change.reviews };
    case 'name':
      return { type: 'name-changed', name: change.name };
  }
}

/** The page's write queue over `store`, announcing saved changes on `channel`. */
export function createSaver(
  store: ReviewStore,
  channel: ProgressChannel,
  retry: RetryOptions = {},
): WriteQueue<Change> {
  return createWriteQueue<Change>({
    ...retry,
    run: (change) => write(store, change),
    saved(change) {
      const message = announcement(change);
      if (message) channel.post(message);
    },
  });
}
