/**
 * Packing reviews into chunks. Reading 100,000 single records from IndexedDB is slow (seconds in
 * Chromium); reading a few large records is several times faster. So after a load, reviews stored
 * one by one are moved into one chunk record. The move happens inside one readwrite transaction
 * over both stores: IndexedDB runs overlapping readwrite transactions one after another, so a
 * review another tab appends either lands before (and is packed) or after (and stays single);
 * none is lost, and a failed transaction changes nothing. New reviews are still written one per
 * record, so concurrent writers never rewrite a shared record.
 */
import { parseReview, type Review } from '../domain/review';
import type { Connection } from './idb-connection';
import { decodeReviewColumns, encodeReviewColumns, isReviewColumns } from './review-columns';
import { MIN_REVIEWS_TO_PACK, newUniqueKey, type LoadProblem } from './store';

/**
 * Reads every chunk, in columns or (written before columns) `{ reviews: Review[] }`; malformed
 * chunks and entries are skipped and reported.
 */
export function readChunkRecords(records: Iterable<readonly [key: unknown, value: unknown]>): {
  reviews: Review[];
  problems: LoadProblem[];
} {
  const reviews: Review[] = [];
  const problems: LoadProblem[] = [];
  for (const [key, value] of records) {
    if (isReviewColumns(value)) {
      const bad = (index: number) =>
        problems.push({ key: `chunk:${String(key)}#${index}`, reason: 'not a valid review' });
      for (const review of decodeReviewColumns(value, bad)) reviews.push(review);
      continue;
    }
    const list: unknown =
      typeof value === 'object' && value !== null ? (value as { reviews?: unknown }).reviews : undefined;
    if (!Array.isArray(list)) {
      problems.push({ key: `chunk:${String(key)}`, reason: 'not a chunk of reviews' });
      continue;
    }
    list.forEach((item: unknown, index) => {
      const review = parseReview(item);
      if (review) reviews.push(review);
      else problems.push({ key: `chunk:${String(key)}#${index}`, reason: 'not a valid review record' });
    });
  }
  return { reviews, problems };
}

/**
 * Moves well-formed single reviews into a new chunk (malformed ones stay where they are, so they
 * are still reported). Resolves with how many were moved.
 */
export async function packReviews(connection: Connection, minCount = MIN_REVIEWS_TO_PACK): Promise<number> {
  let moved = 0;
  await connection.transaction(['reviews', 'chunks'], 'readwrite', (tx) => {
    const singles = tx.objectStore('reviews');
    const keysRequest = singles.getAllKeys();
    const valuesRequest = singles.getAll();
    // Requests complete in order, so both results are there when the second succeeds; writing
    // from inside the callback keeps the transaction active.
    valuesRequest.onsuccess = () => {
      const keys = keysRequest.result;
      const packed: Review[] = [];
      valuesRequest.result.forEach((value: unknown, i) => {
        const review = parseReview(value);
        if (review && review.id === keys[i]) packed.push(review);
      });
      if (packed.length < minCount) return;
      tx.objectStore('chunks').put(encodeReviewColumns(packed), newUniqueKey());
      for (const review of packed) singles.delete(review.id);
      moved = packed.length;
    };
  });
  return moved;
}
