import '../domain/tz-moscow';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createReview } from '../../src/domain/review';
import { STORAGE_MESSAGES } from '../../src/i18n/messages';
import { createIdbStore } from '../../src/storage/idb-store';
import { freshFactory } from '../storage/idb-helpers';
import { SETTINGS, at } from '../domain/fixtures';

const T0 = at('2026-03-02T10:00+03:00');

/** A fresh copy of the runtime module, as a newly loaded page gets (its state is per module). */
async function freshRuntime() {
  vi.resetModules();
  return import('../../src/client/runtime');
}

/** Writes a review straight into the database, as an earlier visit would have. */
async function seed(factory: IDBFactory, questionId: string): Promise<string> {
  const store = createIdbStore(factory);
  const review = createReview({ questionId, rating: 3, nowMs: T0 - 86_400_000, settings: SETTINGS, id: `seed-${questionId}` });
  await store.append(review);
  await store.close();
  return review.id;
}

let factory: IDBFactory;
beforeEach(() => {
  factory = freshFactory();
  vi.stubGlobal('indexedDB', factory);
  // Each "page" here is a module copy in one process; no tab messages between them.
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.spyOn(Date, 'now').mockReturnValue(T0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('start', () => {
  test('loads the stored progress once, however many islands ask, and tells subscribers', async () => {
    await seed(factory, 'q-earlier');
    const open = vi.spyOn(factory, 'open');
    const runtime = await freshRuntime();
    expect(runtime.getState().ready).toBe(false);
    const heard: boolean[] = [];
    runtime.subscribe((s) => heard.push(s.ready));

    const first = runtime.start();
    expect(runtime.start()).toBe(first);
    const store = await first;
    expect(await runtime.start()).toBe(store);

    const state = runtime.getState();
    expect(state.ready).toBe(true);
    expect(state.storageAlert).toBeNull();
    expect([...state.progress.cards.keys()]).toEqual(['q-earlier']);
    expect(heard).toContain(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  test('without IndexedDB the page still loads, from memory, with an alert', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const runtime = await freshRuntime();
    await runtime.start();
    expect(runtime.getState().ready).toBe(true);
    expect(runtime.getState().storageAlert).toBe(STORAGE_MESSAGES.unavailable);
  });
});

describe('rating and undo', () => {
  test('a rating is saved: a freshly loaded page reads it back', async () => {
    const page = await freshRuntime();
    const review = await page.rateQuestion('q-1', 3);
    expect(review).toMatchObject({ questionId: 'q-1', rating: 3 });
    expect(page.getState().progress.cards.get('q-1')?.lastReviewedAt).toBe(T0);
    expect(page.getState().saveError).toBeNull();

    const reloaded = await freshRuntime();
    await reloaded.start();
    expect(reloaded.getState().progress.reviewsByQuestion.get('q-1')?.map((r) => r.id)).toEqual([review.id]);
    expect(reloaded.getState().progress.cards.get('q-1')).toEqual(page.getState().progress.cards.get('q-1'));
  });

  test('once loaded, a rating changes the page before any wait and hands over the review at once', async () => {
    const page = await freshRuntime();
    await page.start();
    let recorded: string | undefined;
    const saved = page.rateQuestion('q-1', 3, (review) => (recorded = review.id));
    // Nothing awaited yet: the rated card must not show again as new while the save runs.
    expect(page.getState().progress.cards.has('q-1')).toBe(true);
    expect(recorded).toBeDefined();
    expect((await saved).id).toBe(recorded);
  });

  test('undo removes the review from the page and from storage, and leaves the others', async () => {
    await seed(factory, 'q-earlier');
    const page = await freshRuntime();
    const review = await page.rateQuestion('q-1', 1);
    expect(page.getState().progress.cards.has('q-1')).toBe(true);
    await page.undoReview(review.id);
    expect(page.getState().progress.cards.has('q-1')).toBe(false);
    expect(page.getState().progress.reviewCount).toBe(1);

    const reloaded = await freshRuntime();
    await reloaded.start();
    expect(reloaded.getState().progress.cards.has('q-1')).toBe(false);
    expect(reloaded.getState().progress.cards.has('q-earlier')).toBe(true);
  });

  test('undo of a second rating restores the card as it was after the first', async () => {
    const page = await freshRuntime();
    await page.rateQuestion('q-1', 3);
    const before = page.getState().progress.cards.get('q-1');
    vi.mocked(Date.now).mockReturnValue(T0 + 60_000);
    const second = await page.rateQuestion('q-1', 1);
    expect(page.getState().progress.cards.get('q-1')).not.toEqual(before);
    await page.undoReview(second.id);
    expect(page.getState().progress.cards.get('q-1')).toEqual(before);
  });
});

describe('a failed save', () => {
  test('sets saveError, keeps the rating on the page, and clears once a retry saves it', async () => {
    const page = await freshRuntime();
    await page.start();
    const put = IDBObjectStore.prototype.put;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'reviews') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });

    const review = await page.rateQuestion('q-1', 3);
    expect(page.getState().saveError).toBe(STORAGE_MESSAGES.writeFailed);
    expect(page.getState().progress.cards.has('q-1')).toBe(true);

    failing.mockRestore();
    const store = await page.start();
    expect(await store.retryPending()).toEqual({ ok: true });
    expect(page.getState().saveError).toBeNull();
    const reloaded = await freshRuntime();
    await reloaded.start();
    expect(reloaded.getState().progress.reviewsByQuestion.get('q-1')?.map((r) => r.id)).toEqual([review.id]);
  });
});
