import { expect, test } from 'vitest';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createIdbStore } from '../../src/storage/idb-store';
import { runStoreContract } from './contract';
import { freshFactory, putRaw } from './idb-helpers';

runStoreContract('IndexedDB', async () => {
  const factory = freshFactory();
  const store = createIdbStore(factory, 'contract');
  await store.probe();
  return {
    store,
    openAnother: () => createIdbStore(factory, 'contract'),
    writeRawReview: (key, value) => putRaw(factory, 'contract', 'reviews', key, value),
    writeRawCache: (key, value) => putRaw(factory, 'contract', 'cards', key, value),
  };
});

test('after the connection is closed, the next write reopens it', async () => {
  const factory = freshFactory();
  const store = createIdbStore(factory, 'reconnect');
  await store.probe();
  await store.close();
  await store.saveSettings({ desiredRetention: 0.85, newPerDay: 1, dayStartHour: 5 });
  expect((await store.getSettings()).dayStartHour).toBe(5);
});

test('compacting packs single records into one chunk, and a malformed chunk entry is skipped and reported', async () => {
  const factory = freshFactory();
  const store = createIdbStore(factory, 'chunks');
  const reviews = Array.from({ length: 300 }, (_, i) =>
    createReview({
      questionId: `q-${i % 4}`,
      rating: 3,
      nowMs: Date.parse('2026-03-02T10:00+03:00') + i,
      settings: DEFAULT_SETTINGS,
      id: `chunked-${i}`,
    }),
  );
  for (const review of reviews) await store.append(review);
  expect(await store.compact()).toBe(300);
  expect(await store.compact()).toBe(0);
  await putRaw(factory, 'chunks', 'chunks', 'bad', { reviews: [{ id: 'x' }, reviews[0]] });
  await putRaw(factory, 'chunks', 'chunks', 'worse', 'nope');
  const loaded = await store.loadAll();
  expect(loaded.reviews).toHaveLength(300);
  expect(loaded.problems.map((p) => p.key).sort()).toEqual(['chunk:bad#0', 'chunk:worse']);
});

test('a malformed single record is not packed, so it is still reported', async () => {
  const factory = freshFactory();
  const store = createIdbStore(factory, 'chunks-bad');
  await store.probe();
  await putRaw(factory, 'chunks-bad', 'reviews', 'junk', { id: 'junk' });
  for (let i = 0; i < 250; i++) {
    await store.append(
      createReview({
        questionId: 'q-1',
        rating: 3,
        nowMs: Date.parse('2026-03-02T10:00+03:00') + i,
        settings: DEFAULT_SETTINGS,
        id: `ok-${i}`,
      }),
    );
  }
  expect(await store.compact()).toBe(250);
  expect((await store.loadAll()).problems).toEqual([{ key: 'junk', reason: 'not a valid review record' }]);
});
