import { describe, expect, test } from 'vitest';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { openStore } from '../../src/storage/open-store';
import { freshFactory } from './idb-helpers';

const review = createReview({
  questionId: 'q-1',
  rating: 3,
  nowMs: Date.parse('2026-03-02T10:00+03:00'),
  settings: DEFAULT_SETTINGS,
  id: 'open-1',
});

describe('opening the store', () => {
  test('uses IndexedDB when it works and says progress is kept', async () => {
    const opened = await openStore({ indexedDB: freshFactory() });
    expect(opened.persistent).toBe(true);
    expect(opened.reason).toBeNull();
    await opened.store.append(review);
    expect((await opened.store.loadAll()).reviews).toEqual([review]);
  });

  test('without IndexedDB it works from memory and says, in Russian, that progress will not be kept', async () => {
    const opened = await openStore({ indexedDB: null });
    expect(opened.persistent).toBe(false);
    expect(opened.reason).toMatch(/забудутся/);
    await opened.store.append(review);
    expect((await opened.store.loadAll()).reviews).toEqual([review]);
  });

  test('falls back to memory when opening the database throws', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect((await openStore({ indexedDB: throwing })).persistent).toBe(false);
  });

  test('falls back to memory when opening the database fails', async () => {
    const failing = {
      open() {
        const request = { error: new DOMException('broken', 'UnknownError') } as {
          error: DOMException;
          onerror?: () => void;
        };
        setTimeout(() => request.onerror?.(), 0);
        return request;
      },
    } as unknown as IDBFactory;
    expect((await openStore({ indexedDB: failing })).persistent).toBe(false);
  });

  test('falls back to memory when opening is blocked and never finishes', async () => {
    const blocked = { open: () => ({}) } as unknown as IDBFactory;
    const opened = await openStore({ indexedDB: blocked, timeoutMs: 30 });
    expect(opened.persistent).toBe(false);
  });
});
