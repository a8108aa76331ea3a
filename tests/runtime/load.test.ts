import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createBackup } from '../../src/domain/backup';
import { serializeBackup } from '../../src/domain/backup-file';
import { parseBackup } from '../../src/domain/backup-import';
import { allReviews, rate, replay } from '../../src/domain/deck';
import { buildQueue, type QuestionRef } from '../../src/domain/queue';
import { uniqueReviews } from '../../src/domain/review-log';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { loadDeck } from '../../src/runtime/load';
import { createMemoryBacking, createMemoryStore } from '../../src/storage/memory-store';
import { openStore } from '../../src/storage/open-store';
import { logArb } from '../domain/arbitraries';
import { freshFactory } from '../storage/idb-helpers';

const T0 = Date.parse('2026-03-02T10:00+03:00');
const settings = { ...DEFAULT_SETTINGS };
const QUESTIONS: QuestionRef[] = ['q-a', 'q-b', 'q-c', 'q-e'].map((id, i) => ({ id, lessonSlug: `lesson-${i % 2}` }));
const memoryStore = (backing = createMemoryBacking()) => createMemoryStore(backing);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loading progress', () => {
  test('builds the same cards as a replay of the stored log and fills the card cache', async () => {
    const backing = createMemoryBacking();
    const store = memoryStore(backing);
    let progress = (await loadDeck(store, settings)).deck;
    for (const [i, id] of ['q-a', 'q-b', 'q-a'].entries()) {
      const rated = rate(progress, { questionId: id, rating: 3, nowMs: T0 + i * 86_400_000, settings });
      progress = rated.deck;
      await store.append(rated.review, rated.cacheEntry);
    }
    const early: string[] = [];
    const loaded = await loadDeck(store, settings, { onCachedCards: (cards) => early.push(...cards.keys()) });
    await settle();
    expect(early.sort()).toEqual(['q-a', 'q-b']);
    expect(loaded.deck.cards).toEqual(replay((await store.loadAll()).reviews, settings));
    expect(loaded.deck.cards).toEqual(progress.cards);
    expect(loaded.alert).toBeNull();
    const cache = await store.loadCardCache();
    expect(cache.compact).toBe(true);
    expect([...cache.cards.keys()].sort()).toEqual(['q-a', 'q-b']);
  });

  test('a review undone after it was packed with others stays stored but out of the deck and its card', async () => {
    const factory = freshFactory();
    const { store } = await openStore({ indexedDB: factory });
    const imported = Array.from({ length: 250 }, (_, i) => ({
      id: `r-${String(i).padStart(3, '0')}`,
      questionId: ['q-a', 'q-b'][i % 2]!,
      rating: 3 as const,
      reviewedAt: T0 + i * 86_400_000,
      utcOffsetMinutes: 180,
      dayStartHour: 4,
    }));
    await store.appendMany(imported);
    const last = imported.at(-1)!;
    await store.remove(last.id);
    const loaded = await loadDeck(store, settings);
    expect(loaded.deck.reviewCount).toBe(imported.length - 1);
    expect(allReviews(loaded.deck).map((r) => r.id)).not.toContain(last.id);
    expect(loaded.deck.cards).toEqual(replay(imported.slice(0, -1), settings));
  });

  test('with no usable cache, the questions the page shows are replayed first and shown before the rest', async () => {
    const store = memoryStore();
    const reviews = ['q-a', 'q-b', 'q-c', 'q-e'].map((questionId, i) => ({
      id: `r-${i}`,
      questionId,
      rating: 3 as const,
      reviewedAt: T0 + i,
      utcOffsetMinutes: 180,
      dayStartHour: 4,
    }));
    await store.appendMany(reviews);
    const previews: string[][] = [];
    const loaded = await loadDeck(store, settings, {
      priority: new Set(['q-b', 'q-e']),
      onCachedCards: (cards) => previews.push([...cards.keys()].sort()),
    });
    expect(previews).toEqual([[], ['q-b', 'q-e']]);
    expect(loaded.deck.cards).toEqual(replay(reviews, settings));
  });

  test('a malformed record is skipped, the rest loads, and the learner is told', async () => {
    const backing = createMemoryBacking();
    const store = memoryStore(backing);
    const rated = rate((await loadDeck(store, settings)).deck, { questionId: 'q-a', rating: 4, nowMs: T0, settings });
    await store.append(rated.review);
    backing.reviews.set('junk', { hello: 'world' });
    const loaded = await loadDeck(store, settings);
    expect(loaded.deck.cards).toEqual(rated.deck.cards);
    expect(loaded.problems).toEqual([{ key: 'junk', reason: 'not a valid review record' }]);
    expect(loaded.alert).toBe('Пропущено повреждённых записей: 1. Остальной прогресс загружен.');
  });

  test('export, then import into an empty IndexedDB store, reproduces the same due queue', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, fc.integer({ min: 0, max: 260 }), async (log, dayOffset) => {
        const source = memoryStore();
        await source.appendMany(log);
        const before = await loadDeck(source, settings);
        const text = serializeBackup(createBackup({ settings, reviews: allReviews(before.deck), nowMs: T0 }));

        const parsed = parseBackup(text, new TextEncoder().encode(text).length);
        if (!parsed.ok) throw new Error(parsed.error);
        const target = await openStore({ indexedDB: freshFactory() });
        const added = uniqueReviews(
          parsed.backup.reviews,
          new Set((await target.store.loadAll()).reviews.map((r) => r.id)),
        );
        await target.store.appendMany(added);
        const after = await loadDeck(target.store, parsed.backup.settings);

        const nowMs = T0 + dayOffset * 86_400_000;
        const queue = (cards: typeof before.deck.cards) => buildQueue({ cards, questions: QUESTIONS, nowMs, settings });
        expect(queue(after.deck.cards)).toEqual(queue(before.deck.cards));
        expect(after.deck.cards).toEqual(before.deck.cards);
      }),
      { numRuns: 40 },
    );
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const store = memoryStore();
    const source = rate((await loadDeck(store, settings)).deck, { questionId: 'q-a', rating: 3, nowMs: T0, settings });
    const parsed = parseBackup(serializeBackup(createBackup({ settings, reviews: [source.review], nowMs: T0 })));
    if (!parsed.ok) throw new Error(parsed.error);
    for (const expected of [1, 0]) {
      const added = uniqueReviews(parsed.backup.reviews, new Set((await store.loadAll()).reviews.map((r) => r.id)));
      expect(added).toHaveLength(expected);
      await store.appendMany(added);
    }
    expect((await store.loadAll()).reviews).toEqual([source.review]);
  });
});
