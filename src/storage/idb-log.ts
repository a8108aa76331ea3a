/**
 * Reading the whole log from IndexedDB: single review records, packed chunks and what is kept
 * beside them. Loaded only when a page needs reviews (a trusted card cache spares the rest).
 */
import { uniqueReviews } from '../domain/review-log';
import { readChunkRecords } from './idb-chunks';
import type { Connection } from './idb-connection';
import { readReviewRecords, withoutUndone } from './log-records';
import { readKvRecords, type LoadResult } from './store';

/** Every well-formed review not undone, the records skipped, and the `kv` records. */
export async function readLog(connection: Connection): Promise<LoadResult> {
  const all = (tx: IDBTransaction, name: 'reviews' | 'chunks' | 'kv') => {
    const store = tx.objectStore(name);
    return { keys: store.getAllKeys(), values: store.getAll() };
  };
  const pairs = ({ keys, values }: ReturnType<typeof all>) =>
    keys.result.map((key, i) => [key, values.result[i] as unknown] as const);
  let result: LoadResult | undefined;
  await connection.transaction(['reviews', 'chunks', 'kv'], 'readonly', (tx) => {
    const singles = all(tx, 'reviews');
    const chunks = all(tx, 'chunks');
    const kv = all(tx, 'kv');
    // Requests complete in order: the last one's success means all are there.
    kv.values.onsuccess = () => {
      const single = readReviewRecords(pairs(singles));
      const packed = readChunkRecords(pairs(chunks));
      const kept = readKvRecords(pairs(kv));
      // A review can be in two places (re-sent after it was packed); keep one copy.
      result = {
        reviews: withoutUndone(uniqueReviews([...packed.reviews, ...single.reviews]), kept.takenBack.undone),
        problems: [...single.problems, ...packed.problems],
        ...kept,
      };
    };
  });
  if (!result) throw new Error('the log could not be read');
  return result;
}
