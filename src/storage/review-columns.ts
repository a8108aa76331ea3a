/**
 * A chunk of packed reviews is stored in columns: the ids, the distinct question ids with an index
 * per review, and typed arrays for the numbers, instead of 10,000 small objects. IndexedDB reads
 * typed arrays as blocks and repeated question ids once, so a chunk is a third of the size and
 * reads several times faster; reading the log decides how soon a page without a usable card cache
 * shows its first card. Chunks written before (`{ reviews: Review[] }`) are still read
 * (idb-chunks.ts).
 */
import { reviewFromFields, type Review } from '../domain/review';

/** The stored form of a chunk of reviews. */
export interface ReviewColumns {
  ids: string[];
  /** Each question id once. */
  questions: string[];
  /** Per review, its question's index in `questions`. */
  question: Uint32Array;
  rating: Uint8Array;
  reviewedAt: Float64Array;
  utcOffsetMinutes: Int16Array;
  dayStartHour: Uint8Array;
}

/** Packs reviews into columns. */
export function encodeReviewColumns(reviews: readonly Review[]): ReviewColumns {
  const index = new Map<string, number>();
  const questions: string[] = [];
  const questionIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = questions.push(id) - 1));
    return i;
  };
  return {
    ids: reviews.map((r) => r.id),
    questions,
    question: Uint32Array.from(reviews, (r) => questionIndex(r.questionId)),
    rating: Uint8Array.from(reviews, (r) => r.rating),
    reviewedAt: Float64Array.from(reviews, (r) => r.reviewedAt),
    utcOffsetMinutes: Int16Array.from(reviews, (r) => r.utcOffsetMinutes),
    dayStartHour: Uint8Array.from(reviews, (r) => r.dayStartHour),
  };
}

/** Whether a stored value is a chunk in columns (`unknown` until then). */
export function isReviewColumns(x: unknown): x is ReviewColumns {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Partial<Record<keyof ReviewColumns, unknown>>;
  if (!Array.isArray(c.ids) || !Array.isArray(c.questions)) return false;
  const n = c.ids.length;
  return (
    c.question instanceof Uint32Array &&
    c.question.length === n &&
    c.rating instanceof Uint8Array &&
    c.rating.length === n &&
    c.reviewedAt instanceof Float64Array &&
    c.reviewedAt.length === n &&
    c.utcOffsetMinutes instanceof Int16Array &&
    c.utcOffsetMinutes.length === n &&
    c.dayStartHour instanceof Uint8Array &&
    c.dayStartHour.length === n
  );
}

/**
 * Unpacks columns into reviews, each checked by the rules of `parseReview`; `onBad` gets the
 * index of every malformed entry, which is left out.
 */
export function decodeReviewColumns(columns: ReviewColumns, onBad: (index: number) => void): Review[] {
  const reviews: Review[] = [];
  const { ids, questions, question, rating, reviewedAt, utcOffsetMinutes, dayStartHour } = columns;
  for (let i = 0; i < ids.length; i++) {
    const review = reviewFromFields(
      ids[i],
      questions[question[i] ?? -1],
      rating[i],
      reviewedAt[i],
      utcOffsetMinutes[i],
      dayStartHour[i],
    );
    if (review) reviews.push(review);
    else onBad(i);
  }
  return reviews;
}
