import { describe, expect, test, vi } from 'vitest';
import { createReview, type Review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { ProgressChannel, ProgressMessage } from '../../src/storage/broadcast';
import { createIdbStore } from '../../src/storage/idb-store';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createSafeStore } from '../../src/storage/safe-store';
import type { ReviewStore } from '../../src/storage/store';
import { freshFactory } from './idb-helpers';

const T0 = Date.parse('2026-03-02T10:00+03:00');
let n = 0;
const makeReview = (): Review =>
  createReview({ questionId: 'q-1', rating: 3, nowMs: T0 + n * 1000, settings: DEFAULT_SETTINGS, id: `safe-${++n}`, utcOffsetMinutes: 180 });
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
  return { available: true, sent, post: (m) => void sent.push(m), subscribe: () => () => undefined, close: () => undefined };
}

describe('safe store', () => {
  test('a write that fails a few times is retried with backoff and then saved', async () => {
    const { store, inner, state } = flaky(2);
    const sleep = vi.fn(async (_ms: number) => undefined);
    const safe = createSafeStore(store, { sleep, retryLaterMs: null });
    const review = makeReview();
    expect(await safe.append(review)).toEqual({ ok: true });
    expect(state.attempts).toBe(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([50, 200]);
    expect((await inner.loadAll()).reviews).toEqual([review]);
  });

  test('a write that keeps failing is reported, kept in memory, still loaded, and saved on the next retry', async () => {
    const { store, inner, state } = flaky(100);
    const safe = createSafeStore(store, noWait);
    const statuses: number[] = [];
    safe.subscribe((s) => statuses.push(s.pendingCount));
    const review = makeReview();
    const result = await safe.append(review);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ pendingCount: 1, error: expect.stringMatching(/Не удалось сохранить/) });
    expect(safe.status().pendingCount).toBe(1);
    expect(statuses).toEqual([1]);
    expect((await safe.loadAll()).reviews).toEqual([review]);
    expect((await inner.loadAll()).reviews).toEqual([]);

    state.failing = 0;
    expect(await safe.retryPending()).toEqual({ ok: true });
    expect((await inner.loadAll()).reviews).toEqual([review]);
    expect(safe.status()).toEqual({ pendingCount: 0, lastError: null });
  });

  test('queued writes are replayed in order before the next one, so an undo of an unsaved review sticks', async () => {
    const { store, inner, state } = flaky(100);
    const safe = createSafeStore(store, noWait);
    const [a, b] = [makeReview(), makeReview()];
    await safe.append(a);
    await safe.remove(a.id);
    expect((await safe.loadAll()).reviews).toEqual([]);
    state.failing = 0;
    expect(await safe.append(b)).toEqual({ ok: true });
    expect((await inner.loadAll()).reviews).toEqual([b]);
  });

  test('queued writes are retried later by themselves', async () => {
    vi.useFakeTimers();
    try {
      const { store, inner, state } = flaky(4);
      const safe = createSafeStore(store, { sleep: async () => undefined, retryLaterMs: 5000 });
      const review = makeReview();
      expect((await safe.append(review)).ok).toBe(false);
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
    const safe = createSafeStore(store, { ...noWait, channel });
    const review = makeReview();
    await safe.append(review);
    expect(channel.sent).toEqual([]);
    state.failing = 0;
    await safe.retryPending();
    await safe.remove(review.id);
    await safe.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 4 });
    await safe.clear();
    expect(channel.sent).toEqual([
      { type: 'reviews-added', reviews: [review] },
      { type: 'reviews-removed', reviewIds: [review.id] },
      { type: 'settings-changed', settings: { ...DEFAULT_SETTINGS, newPerDay: 4 } },
      { type: 'progress-cleared' },
    ]);
  });

  test('a read failure is reported and unsaved reviews still show', async () => {
    const { store } = flaky(100);
    const safe = createSafeStore({ ...store, loadAll: () => Promise.reject(new Error('boom')) }, noWait);
    const review = makeReview();
    await safe.append(review);
    const loaded = await safe.loadAll();
    expect(loaded.reviews).toEqual([review]);
    expect(loaded.error).toMatch(/Не удалось прочитать/);
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
    const safe = createSafeStore(idb, noWait);
    const review = makeReview();
    expect(await safe.append(review)).toEqual({ ok: true });
    expect(opened).toHaveLength(2);
    expect((await idb.loadAll()).reviews).toEqual([review]);
  });
});
