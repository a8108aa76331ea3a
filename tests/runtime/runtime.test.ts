import '../domain/tz-moscow';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyDeck, matchCache, rate } from '../../src/domain/deck';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { STORAGE_MESSAGES } from '../../src/i18n/messages';
import { createRuntime, type RuntimeDeps } from '../../src/runtime/runtime';
import type { ProgressChannel, ProgressMessage } from '../../src/storage/broadcast';
import { createIdbStore } from '../../src/storage/idb-store';
import { createMemoryBacking, createMemoryStore, type MemoryBacking } from '../../src/storage/memory-store';
import { openStore } from '../../src/storage/open-store';
import { freshFactory } from '../storage/idb-helpers';
import { memoryPage, PAGE_NOW, quiet } from './pages';
import { SETTINGS } from '../domain/fixtures';

const T0 = PAGE_NOW;

/** A channel whose incoming messages the test delivers by hand. */
function handChannel(): ProgressChannel & { deliver(message: ProgressMessage): void } {
  const listeners = new Set<(m: ProgressMessage) => void>();
  return {
    available: true,
    post: () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => listeners.clear(),
    deliver: (message) => listeners.forEach((listener) => listener(message)),
  };
}

/** A page over IndexedDB on `factory`, at a clock the test moves. */
function idbPage(factory: IDBFactory, clock = { nowMs: T0 }, extra: Partial<RuntimeDeps> = {}) {
  return createRuntime({
    openStore: () => openStore({ indexedDB: factory }),
    channel: quiet(),
    now: () => clock.nowMs,
    ...extra,
  });
}

/** Writes a review straight into the database, as an earlier visit would have. */
async function seed(factory: IDBFactory, questionId: string): Promise<string> {
  const store = createIdbStore(factory);
  const review = createReview({
    questionId,
    rating: 3,
    nowMs: T0 - 86_400_000,
    settings: SETTINGS,
    id: `seed-${questionId}`,
  });
  await store.append(review);
  await store.close();
  return review.id;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loading', () => {
  test('opens the store and loads the deck once, however many islands ask, and tells subscribers', async () => {
    const factory = freshFactory();
    await seed(factory, 'q-earlier');
    const open = vi.spyOn(factory, 'open');
    const page = idbPage(factory);
    expect(page.getState().ready).toBe(false);
    const heard: boolean[] = [];
    page.subscribe((s) => heard.push(s.ready));

    await Promise.all([page.load(), page.load()]);
    await page.load();

    const state = page.getState();
    expect(state).toMatchObject({ ready: true, checked: true, storageAlert: null });
    expect([...state.deck.cards.keys()]).toEqual(['q-earlier']);
    expect(heard).toContain(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  test('without IndexedDB the page still loads, from memory, with an alert', async () => {
    const page = createRuntime({ openStore: () => openStore({ indexedDB: null }), channel: quiet(), now: () => T0 });
    await page.load();
    expect(page.getState().ready).toBe(true);
    expect(page.getState().storageAlert).toBe(STORAGE_MESSAGES.unavailable);
  });

  /** A page over `backing` whose store cannot read the log. */
  const pageWithUnreadableLog = (backing: MemoryBacking) =>
    createRuntime({
      openStore: async () => ({
        store: { ...createMemoryStore(backing), loadAll: () => Promise.reject(new Error('boom')) },
        persistent: true,
        reason: null,
      }),
      channel: quiet(),
      now: () => T0,
    });

  test('an unreadable log loads as empty, with an alert', async () => {
    // A stored review and no trusted cache: the log must be read, and cannot be.
    const backing = createMemoryBacking();
    const stored = createReview({ questionId: 'q-1', rating: 3, nowMs: T0, settings: DEFAULT_SETTINGS });
    backing.reviews.set(stored.id, stored);
    const page = pageWithUnreadableLog(backing);
    await page.load();
    expect(page.getState().storageAlert).toBe(STORAGE_MESSAGES.readFailed);
    expect(page.getState().deck.reviewCount).toBe(0);
  });

  test('a trusted page whose log cannot be read when needed says so and keeps its cards', async () => {
    const backing = createMemoryBacking();
    await memoryPage(backing).rate('q-1', 3);
    const page = pageWithUnreadableLog(backing);
    await page.load();
    expect(page.getState().storageAlert).toBeNull();
    await page.loadLog();
    expect(page.getState().storageAlert).toBe(STORAGE_MESSAGES.readFailed);
    expect(page.getState().checked).toBe(false);
    expect(page.getState().deck.cards.has('q-1')).toBe(true);
    // What needs the whole log changes no card from a partial deck, and nothing is written.
    const before = structuredClone([...backing.reviews.keys(), ...backing.cards.keys()]);
    const imported = await page.importReviews([
      createReview({ questionId: 'q-2', rating: 3, nowMs: T0, settings: DEFAULT_SETTINGS }),
    ]);
    expect(imported).toMatchObject({ added: 0, saved: { ok: false, error: STORAGE_MESSAGES.readFailed } });
    await page.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.8 });
    expect(page.getState().settings.desiredRetention).toBe(0.8);
    expect([...page.getState().deck.cards.keys()]).toEqual(['q-1']);
    expect([...backing.reviews.keys(), ...backing.cards.keys()]).toEqual(before);
  });
});

describe('rating and undo', () => {
  test('a rating is saved: a freshly loaded page reads it back', async () => {
    const factory = freshFactory();
    const page = idbPage(factory);
    const review = await page.rate('q-1', 3);
    expect(review).toMatchObject({ questionId: 'q-1', rating: 3, reviewedAt: T0 });
    expect(page.getState().deck.cards.get('q-1')?.lastReviewedAt).toBe(T0);
    expect(page.getState().saveError).toBeNull();

    const reloaded = idbPage(factory);
    await reloaded.loadLog();
    expect(
      reloaded
        .getState()
        .deck.reviewsByQuestion.get('q-1')
        ?.map((r) => r.id),
    ).toEqual([review.id]);
    expect(reloaded.getState().deck.cards.get('q-1')).toEqual(page.getState().deck.cards.get('q-1'));
  });

  test('once grading is loaded (by a preview or the first rating), a rating changes the page before any wait', async () => {
    const page = memoryPage();
    await page.load();
    await page.previews('q-1');
    let recorded: string | undefined;
    const saved = page.rate('q-1', 3, (review) => (recorded = review.id));
    // Nothing awaited yet: the rated card must not show again as new while the save runs.
    expect(page.getState().deck.cards.has('q-1')).toBe(true);
    expect(recorded).toBeDefined();
    expect((await saved).id).toBe(recorded);
  });

  test('undo removes the review from the page and from storage, and leaves the others', async () => {
    const factory = freshFactory();
    await seed(factory, 'q-earlier');
    const page = idbPage(factory);
    const review = await page.rate('q-1', 1);
    expect(page.getState().deck.cards.has('q-1')).toBe(true);
    await page.undo(review.id);
    expect(page.getState().deck.cards.has('q-1')).toBe(false);
    expect(page.getState().deck.reviewCount).toBe(1);

    const reloaded = idbPage(factory);
    await reloaded.loadLog();
    expect(reloaded.getState().deck.cards.has('q-1')).toBe(false);
    expect(reloaded.getState().deck.cards.has('q-earlier')).toBe(true);
  });

  test('undo of a second rating restores the card as it was after the first', async () => {
    const clock = { nowMs: T0 };
    const page = idbPage(freshFactory(), clock);
    await page.rate('q-1', 3);
    const before = page.getState().deck.cards.get('q-1');
    clock.nowMs = T0 + 60_000;
    const second = await page.rate('q-1', 1);
    expect(page.getState().deck.cards.get('q-1')).not.toEqual(before);
    await page.undo(second.id);
    expect(page.getState().deck.cards.get('q-1')).toEqual(before);
  });

  test('reviews of a retired id count for the question that replaces it', async () => {
    const backing = createMemoryBacking();
    const old = memoryPage(backing);
    await old.rate('q-old', 3);
    const page = memoryPage(backing, { replacements: new Map([['q-new', ['q-old']]]) });
    await page.load();
    expect(page.getState().deck.cards.has('q-new')).toBe(true);
    await page.reset();
    expect(page.getState().deck.replacements.get('q-new')).toEqual(['q-old']);
  });
});

describe('a failed save', () => {
  test('sets saveError, keeps the rating on the page, and clears once a retry saves it', async () => {
    const factory = freshFactory();
    const page = idbPage(factory, { nowMs: T0 }, { retry: { sleep: async () => undefined, retryLaterMs: null } });
    await page.load();
    // The original method, called with the store as `this` in the mock below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const put = IDBObjectStore.prototype.put;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'reviews') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });

    const review = await page.rate('q-1', 3);
    expect(page.getState().saveError).toBe(STORAGE_MESSAGES.writeFailed);
    expect(page.getState().deck.cards.has('q-1')).toBe(true);

    failing.mockRestore();
    expect(await page.retryPending()).toEqual({ ok: true });
    expect(page.getState().saveError).toBeNull();
    const reloaded = idbPage(factory);
    await reloaded.loadLog();
    expect(
      reloaded
        .getState()
        .deck.reviewsByQuestion.get('q-1')
        ?.map((r) => r.id),
    ).toEqual([review.id]);
  });
});

describe('settings page use-cases', () => {
  test('an import adds only new reviews, saves them, and importing again adds nothing', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    const theirs = rate(emptyDeck(new Map()), {
      questionId: 'q-a',
      rating: 3,
      nowMs: T0 - 86_400_000,
      settings: SETTINGS,
    }).review;
    expect(await page.importReviews([theirs, theirs])).toEqual({
      added: 1,
      alreadyPresent: 1,
      takenBack: 0,
      saved: { ok: true },
    });
    expect(await page.importReviews([theirs])).toEqual({
      added: 0,
      alreadyPresent: 1,
      takenBack: 0,
      saved: { ok: true },
    });
    expect(page.getState().deck.reviewCount).toBe(1);
    const reloaded = memoryPage(backing);
    await reloaded.load();
    expect(reloaded.getState().deck.cards.has('q-a')).toBe(true);
  });

  test('a reset empties the deck and storage; settings stay', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    await page.rate('q-a', 3);
    await page.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
    expect(await page.reset()).toEqual({ ok: true });
    expect(page.getState().deck.reviewCount).toBe(0);
    const reloaded = memoryPage(backing);
    await reloaded.load();
    expect(reloaded.getState().deck.reviewCount).toBe(0);
    expect(reloaded.getState().settings.newPerDay).toBe(3);
  });

  test('new settings reschedule the deck at once and are kept', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    await page.rate('q-a', 3);
    const before = page.getState().deck.cards.get('q-a');
    await page.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.97 });
    expect(page.getState().settings.desiredRetention).toBe(0.97);
    expect(page.getState().deck.cards.get('q-a')?.scheduledDays).toBeLessThan(before?.scheduledDays ?? 0);
    const reloaded = memoryPage(backing);
    await reloaded.load();
    expect(reloaded.getState().deck.cards.get('q-a')).toEqual(page.getState().deck.cards.get('q-a'));
  });

  test('meta is saved and read back', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    expect(await page.getMeta()).toEqual({ lastBackupAt: null });
    await page.saveMeta({ lastBackupAt: T0 });
    expect(await memoryPage(backing).getMeta()).toEqual({ lastBackupAt: T0 });
  });
});

describe('what the learner took back stays taken back', () => {
  test('an undone review does not come back from a backup taken before the undo, even after a reload', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    const review = await page.rate('q-a', 3);
    const before = page.backup();
    await page.undo(review.id);
    expect(page.backup().undone).toEqual([review.id]);
    const reloaded = memoryPage(backing);
    expect(await reloaded.importReviews(before.reviews, before)).toMatchObject({ added: 0, takenBack: 1 });
    expect(reloaded.getState().deck.reviewCount).toBe(0);
  });

  test("a file's undone ids keep its reviews out of this browser too", async () => {
    const page = memoryPage();
    const source = memoryPage();
    const review = await source.rate('q-a', 3);
    const before = source.backup();
    await source.undo(review.id);
    const after = source.backup();
    await page.importReviews(after.reviews, after);
    expect(await page.importReviews(before.reviews, { ...before, undone: after.undone })).toMatchObject({ added: 0 });
  });

  test('a reset is recorded: a backup exported after it does not bring back what it cleared, nor does a merge without a file', async () => {
    const backing = createMemoryBacking();
    const clock = { nowMs: T0 };
    const page = memoryPage(backing, { now: () => clock.nowMs });
    await page.rate('q-a', 3);
    const old = page.backup();
    clock.nowMs += 60_000;
    await page.reset();
    clock.nowMs += 60_000;
    const reloaded = memoryPage(backing, { now: () => clock.nowMs });
    await reloaded.load();
    expect(reloaded.backup().resetAt).toBe(T0 + 60_000);
    const laterFile = { ...old, exportedAt: new Date(clock.nowMs).toISOString() };
    expect(await reloaded.importReviews(old.reviews, laterFile)).toMatchObject({ added: 0, takenBack: 1 });
    expect(await reloaded.importReviews(old.reviews)).toMatchObject({ added: 0, takenBack: 1 });
    expect(reloaded.getState().deck.reviewCount).toBe(0);
  });

  test('a backup exported before the reset restores it, and a backup taken then carries the restored reviews whole', async () => {
    const clock = { nowMs: T0 };
    const page = memoryPage(createMemoryBacking(), { now: () => clock.nowMs });
    const kept = await page.rate('q-a', 3);
    const undone = await page.rate('q-b', 3);
    const old = page.backup();
    await page.undo(undone.id);
    clock.nowMs += 60_000;
    await page.reset();
    expect(await page.importReviews(old.reviews, old)).toMatchObject({ added: 1, takenBack: 1 });
    expect(page.getState().deck.reviewsByQuestion.get('q-a')).toEqual([kept]);
    const restored = page.backup();
    const elsewhere = memoryPage();
    expect(await elsewhere.importReviews(restored.reviews, restored)).toMatchObject({ added: 1, takenBack: 0 });
  });

  test("another tab's undo and reset count for this tab's imports", async () => {
    const channel = handChannel();
    const clock = { nowMs: T0 };
    const page = memoryPage(createMemoryBacking(), { channel, now: () => clock.nowMs });
    await page.load();
    const theirs = rate(emptyDeck(new Map()), { questionId: 'q-a', rating: 3, nowMs: T0, settings: SETTINGS }).review;
    channel.deliver({ type: 'reviews-added', reviews: [theirs] });
    channel.deliver({ type: 'reviews-removed', reviewIds: [theirs.id] });
    expect(page.backup().undone).toEqual([theirs.id]);
    expect(await page.importReviews([theirs])).toMatchObject({ added: 0, takenBack: 1 });
    // Changes apply in order: once a later review has landed, the undone one was skipped before it.
    const later = rate(emptyDeck(new Map()), { questionId: 'q-c', rating: 3, nowMs: T0, settings: SETTINGS }).review;
    channel.deliver({ type: 'reviews-added', reviews: [theirs] });
    channel.deliver({ type: 'reviews-added', reviews: [later] });
    await vi.waitFor(() => expect(page.getState().deck.reviewCount).toBe(1));
    expect(page.getState().deck.reviewsByQuestion.has('q-a')).toBe(false);
    const older = rate(emptyDeck(new Map()), { questionId: 'q-b', rating: 3, nowMs: T0, settings: SETTINGS }).review;
    clock.nowMs += 60_000;
    channel.deliver({ type: 'progress-cleared' });
    await vi.waitFor(() => expect(page.getState().deck.reviewCount).toBe(0));
    expect(page.backup().resetAt).toBe(T0 + 60_000);
    expect(await page.importReviews([older])).toMatchObject({ added: 0, takenBack: 1 });
  });
});

describe('another tab', () => {
  test('its saved reviews, undo, reset and settings reach this page, so a backup taken here holds them', async () => {
    const channel = handChannel();
    const page = memoryPage(createMemoryBacking(), { channel });
    await page.load();
    const theirs = rate(emptyDeck(new Map()), { questionId: 'q-a', rating: 3, nowMs: T0, settings: SETTINGS }).review;
    // Applying a change loads the deck operations first, so it lands a moment after the message.
    channel.deliver({ type: 'reviews-added', reviews: [theirs] });
    await vi.waitFor(() => expect(page.getState().deck.reviewsByQuestion.get('q-a')).toEqual([theirs]));
    channel.deliver({ type: 'settings-changed', settings: { ...DEFAULT_SETTINGS, newPerDay: 2 } });
    await vi.waitFor(() => expect(page.getState().settings.newPerDay).toBe(2));
    channel.deliver({ type: 'reviews-removed', reviewIds: [theirs.id] });
    await vi.waitFor(() => expect(page.getState().deck.reviewCount).toBe(0));
  });

  test("hears this page's saved changes", async () => {
    const sent: ProgressMessage[] = [];
    const channel: ProgressChannel = { ...quiet(), available: true, post: (m) => void sent.push(m) };
    const page = memoryPage(createMemoryBacking(), { channel });
    const review = await page.rate('q-a', 3);
    await page.undo(review.id);
    await page.saveMeta({ lastBackupAt: T0 });
    expect(sent).toEqual([
      { type: 'reviews-added', reviews: [review] },
      { type: 'reviews-removed', reviewIds: [review.id] },
    ]);
  });
});

describe('opened lessons', () => {
  test('a visit is saved once, loads on the next page, reaches other tabs and travels in backups', async () => {
    const backing = createMemoryBacking();
    const sent: ProgressMessage[] = [];
    const clock = { nowMs: T0 };
    const page = memoryPage(backing, {
      channel: { ...quiet(), available: true, post: (m) => void sent.push(m) },
      now: () => clock.nowMs,
    });
    await page.openLesson('no-referee');
    clock.nowMs += 60_000;
    await page.openLesson('no-referee');
    expect(page.getState().openedLessons).toEqual(new Map([['no-referee', T0]]));
    expect(sent).toEqual([{ type: 'lesson-opened', slug: 'no-referee', atMs: T0 }]);

    const next = memoryPage(backing);
    await next.loadLog();
    expect(next.getState().openedLessons).toEqual(new Map([['no-referee', T0]]));
    expect(next.backup().openedLessons).toEqual({ 'no-referee': T0 });

    const channel = handChannel();
    const other = memoryPage(createMemoryBacking(), { channel });
    await other.loadLog();
    channel.deliver({ type: 'lesson-opened', slug: 'hasty-decisions', atMs: T0 + 5 });
    expect(other.getState().openedLessons.get('hasty-decisions')).toBe(T0 + 5);
    // A backup's opened lessons join this browser's (the earlier visit stays).
    await other.importReviews([], { ...next.backup(), openedLessons: { 'no-referee': T0, 'hasty-decisions': T0 + 9 } });
    expect(other.getState().openedLessons).toEqual(
      new Map([
        ['hasty-decisions', T0 + 5],
        ['no-referee', T0],
      ]),
    );
  });
});

describe('importing a large backup', () => {
  test('writes the card cache with the reviews, so the next page replays nothing', async () => {
    const factory = freshFactory();
    const page = idbPage(factory);
    const reviews = Array.from({ length: 300 }, (_, i) =>
      createReview({
        id: `r-${i}`,
        questionId: `q-${i % 30}`,
        rating: 3,
        nowMs: T0 + Math.floor(i / 30) * 86_400_000,
        settings: SETTINGS,
      }),
    );
    expect(await page.importReviews(reviews)).toMatchObject({ added: 300, saved: { ok: true } });
    const { store } = await openStore({ indexedDB: factory });
    const [log, cache] = await Promise.all([store.loadAll(), store.loadCardCache()]);
    expect(cache.cards.size).toBe(30);
    const matched = matchCache(log.reviews, DEFAULT_SETTINGS, cache.cards);
    expect(matched.stale).toEqual([]);
    expect(matched.deck.cards).toEqual(page.getState().deck.cards);
  });
});
