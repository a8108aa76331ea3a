import { describe, expect, test, vi } from 'vitest';
import { createReview, type Review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createRuntime } from '../../src/runtime/runtime';
import { createSaver } from '../../src/runtime/saving';
import type { RetryOptions } from '../../src/runtime/write-queue';
import { openProgressChannel, type ProgressChannel, type ProgressMessage } from '../../src/storage/broadcast';
import { createIdbStore } from '../../src/storage/idb-store';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { ReviewStore } from '../../src/storage/store';
import { freshFactory } from '../storage/idb-helpers';

const T0 = Date.parse('2026-03-02T10:00+03:00');
let n = 0;
const makeReview = (): Review =>
  createReview({
    questionId: 'q-1',
    rating: 3,
    nowMs: T0 + n * 1000,
    settings: DEFAULT_SETTINGS,
    id: `safe-${++n}`,
    utcOffsetMinutes: 180,
  });
const noWait = { sleep: async () => undefined, retryLaterMs: null };

/** A memory store whose writes fail while `failing` is above zero (each failure counts down). */
function flaky(failures: number) {
  const inner = createMemoryStore();
  const state = { failing: failures, attempts: 0 };
  const failOr = <T>(run: () => Promise<T>) => {
    state.attempts++;
    if (state.failing > 0) {
      state.failing--;
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    return run();
  };
  const store: ReviewStore = {
    ...inner,
    append: (r) => failOr(() => inner.append(r)),
    appendMany: (r) => failOr(() => inner.appendMany(r)),
    remove: (id) => failOr(() => inner.remove(id)),
  };
  return { store, inner, state };
}

function recordingChannel(): ProgressChannel & { sent: ProgressMessage[] } {
  const sent: ProgressMessage[] = [];
  return {
    available: true,
    sent,
    post: (m) => void sent.push(m),
    subscribe: () => () => undefined,
    close: () => undefined,
  };
}

/** The saver over `store`, as the runtime makes it; `append(review)` is what a rating saves. */
function saverOver(store: ReviewStore, options: RetryOptions & { channel?: ProgressChannel }) {
  const saver = createSaver(store, options.channel ?? openProgressChannel('unused', null), options);
  return {
    ...saver,
    append: (review: Review) => saver.write({ kind: 'put', reviews: [review] }),
    retryPending: () => saver.write(null),
  };
}

describe('saving', () => {
  test('a write that fails a few times is retried with backoff and then saved', async () => {
    const { store, inner, state } = flaky(2);
    const sleep = vi.fn(async (_ms: number) => undefined);
    const saver = saverOver(store, { sleep, retryLaterMs: null });
    const review = makeReview();
    expect(await saver.append(review)).toEqual({ ok: true });
    expect(state.attempts).toBe(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([50, 200]);
    expect((await inner.loadAll()).reviews).toEqual([review]);
  });

  test('a write that keeps failing is reported, kept in memory, still loaded, and saved on the next retry', async () => {
    const { store, inner, state } = flaky(100);
    const saver = saverOver(store, noWait);
    const statuses: number[] = [];
    saver.subscribe((s) => statuses.push(s.pendingCount));
    const review = makeReview();
    const result = await saver.append(review);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ pendingCount: 1, error: expect.stringMatching(/Не удалось сохранить/) as unknown });
    expect(saver.status().pendingCount).toBe(1);
    expect(statuses).toEqual([1]);
    expect(saver.pending()).toEqual([{ kind: 'put', reviews: [review] }]);
    expect((await inner.loadAll()).reviews).toEqual([]);

    state.failing = 0;
    expect(await saver.retryPending()).toEqual({ ok: true });
    expect((await inner.loadAll()).reviews).toEqual([review]);
    expect(saver.status()).toEqual({ pendingCount: 0, lastError: null });
  });

  test('queued writes are replayed in order before the next one, so an undo of an unsaved review sticks', async () => {
    const { store, inner, state } = flaky(100);
    const page = createRuntime({
      openStore: async () => ({ store, persistent: true, reason: null }),
      channel: openProgressChannel('unused', null),
      now: () => T0,
      retry: noWait,
    });
    const a = await page.rate('q-1', 3);
    await page.undo(a.id);
    expect(page.getState().deck.reviewCount).toBe(0);
    state.failing = 0;
    const b = await page.rate('q-2', 3);
    expect(page.getState().saveError).toBeNull();
    expect((await inner.loadAll()).reviews).toEqual([b]);
  });

  test('queued writes are retried later by themselves', async () => {
    vi.useFakeTimers();
    try {
      const { store, inner, state } = flaky(4);
      const saver = saverOver(store, { sleep: async () => undefined, retryLaterMs: 5000 });
      const review = makeReview();
      expect((await saver.append(review)).ok).toBe(false);
      await vi.advanceTimersByTimeAsync(5000);
      expect(state.attempts).toBe(5);
      expect((await inner.loadAll()).reviews).toEqual([review]);
    } finally {
      vi.useRealTimers();
    }
  });

  test('saved changes are announced to other tabs, unsaved ones only once they are saved', async () => {
    const { store, state } = flaky(100);
    const channel = recordingChannel();
    const saver = saverOver(store, { ...noWait, channel });
    const review = makeReview();
    await saver.append(review);
    expect(channel.sent).toEqual([]);
    state.failing = 0;
    await saver.retryPending();
    await saver.write({ kind: 'delete', reviewId: review.id });
    await saver.write({ kind: 'settings', settings: { ...DEFAULT_SETTINGS, newPerDay: 4 } });
    await saver.write({ kind: 'meta', meta: { lastBackupAt: T0 } });
    await saver.write({ kind: 'clear', resetAt: T0 });
    expect(channel.sent).toEqual([
      { type: 'reviews-added', reviews: [review] },
      { type: 'reviews-removed', reviewIds: [review.id] },
      { type: 'settings-changed', settings: { ...DEFAULT_SETTINGS, newPerDay: 4 } },
      { type: 'progress-cleared' },
    ]);
  });

  test('writes through a connection the browser closed silently reconnect on retry', async () => {
    const factory = freshFactory();
    const opened: IDBDatabase[] = [];
    const spy: IDBFactory = Object.assign(Object.create(factory) as IDBFactory, {
      open(name: string, version?: number) {
        const request = factory.open(name, version);
        request.addEventListener('success', () => opened.push(request.result));
        return request;
      },
    });
    const idb = createIdbStore(spy, 'closing');
    await idb.probe();
    opened[0]?.close();
    const saver = saverOver(idb, noWait);
    const review = makeReview();
    expect(await saver.append(review)).toEqual({ ok: true });
    expect(opened).toHaveLength(2);
    expect((await idb.loadAll()).reviews).toEqual([review]);
  });
});
