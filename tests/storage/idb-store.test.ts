import { expect, test } from 'vitest';
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
