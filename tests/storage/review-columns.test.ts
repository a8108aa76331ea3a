import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createIdbStore } from '../../src/storage/idb-store';
import { decodeReviewColumns, encodeReviewColumns, isReviewColumns } from '../../src/storage/review-columns';
import { logArb } from '../domain/arbitraries';
import { freshFactory, putRaw } from './idb-helpers';

test('reviews packed into columns unpack to the same reviews, in the same order', () => {
  fc.assert(
    fc.property(logArb, (log) => {
      const columns = encodeReviewColumns(log);
      expect(isReviewColumns(structuredClone(columns))).toBe(true);
      const bad: number[] = [];
      expect(decodeReviewColumns(structuredClone(columns), (i) => bad.push(i))).toEqual(log);
      expect(bad).toEqual([]);
      expect(columns.questions).toEqual([...new Set(log.map((r) => r.questionId))]);
    }),
  );
});

test('a malformed entry in columns is left out and named by its index; the rest is read', () => {
  const reviews = [1, 2, 3].map((i) =>
    createReview({
      questionId: `q-${i}`,
      rating: 3,
      nowMs: Date.UTC(2026, 2, i),
      settings: DEFAULT_SETTINGS,
      id: `r-${i}`,
    }),
  );
  const columns = encodeReviewColumns(reviews);
  columns.rating[1] = 7;
  columns.question[2] = 99;
  const bad: number[] = [];
  expect(decodeReviewColumns(columns, (i) => bad.push(i))).toEqual([reviews[0]]);
  expect(bad).toEqual([1, 2]);
  expect(isReviewColumns({ ...columns, rating: [3, 3, 3] })).toBe(false);
  expect(isReviewColumns({ ...columns, ids: ['only-one'] })).toBe(false);
});

test('packing and a large import write chunks in columns; chunks written before as objects are still read', async () => {
  const factory = freshFactory();
  const store = createIdbStore(factory, 'columns');
  const make = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) =>
      createReview({
        questionId: `q-${i % 7}`,
        rating: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        nowMs: Date.parse('2026-03-02T10:00+03:00') + i,
        settings: DEFAULT_SETTINGS,
        id: `${prefix}-${i}`,
      }),
    );
  const singles = make('single', 250);
  for (const review of singles) await store.append(review);
  expect(await store.compact()).toBe(250);
  const imported = make('import', 300);
  await store.appendMany(imported);
  const older = make('older', 5);
  await putRaw(factory, 'columns', 'chunks', 'before-columns', { reviews: older });
  const chunks = await readAll(factory, 'columns', 'chunks');
  expect(chunks.filter(isReviewColumns)).toHaveLength(2);
  const loaded = await store.loadAll();
  expect(loaded.problems).toEqual([]);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect([...loaded.reviews].sort(byId)).toEqual([...singles, ...imported, ...older].sort(byId));
  await store.close();
});

/** Every value of one object store. */
function readAll(factory: IDBFactory, dbName: string, storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = factory.open(dbName);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const request = open.result.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    };
  });
}
