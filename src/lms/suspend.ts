/**
 * The learner's state in the LMS's `suspend_data`, so that progress follows them to another
 * computer: reviews, what they took back (undone review ids, the last reset) and the lessons they
 * opened, in a compact JSON document that never exceeds the LMS's limit.
 *
 * At the limit (SCORM 1.2 holds 4,096 characters, about 110 reviews; 2004 holds 64,000, about 1,800)
 * what fits is chosen in this order: the undone ids (up to a quarter of the room, newest first), the
 * newest review of every question (so every card met stays met, and the course stays complete),
 * then the other reviews, newest first. Older reviews are dropped: a card whose early reviews were
 * dropped is replayed from the ones kept, so its interval may come out shorter than on the first
 * computer. This browser's own log is never trimmed.
 */
import { bestAndLatest } from '../domain/final-check';
import type { FinalCheckAttempt } from '../domain/final-check-record';
import { compareReviews } from '../domain/review-log';
import { parseReview, type Review } from '../domain/review';

/** What travels in `suspend_data`. */
export interface LmsState {
  /** When it was written, epoch ms. */
  writtenAt: number;
  reviews: Review[];
  undone: string[];
  resetAt: number | null;
  openedLessons: Record<string, number>;
  /** Final-check attempts: the best and the latest travel (the LMS keeps the score itself). */
  finalChecks: FinalCheckAttempt[];
}

/** What encoding left out to stay under the limit. */
export interface Encoded {
  data: string;
  droppedReviews: number;
  droppedUndone: number;
  droppedAttempts: number;
}

/** The document's format marker; a document without it is not ours and is ignored. */
const FORMAT = 'sr1';

/**
 * The document. Each review is one string, `id|question|rating|gap[|utcOffset|dayStartHour]`: the
 * id (a UUID as 22 base64url characters, anything else as `~` and its URI encoding), the question
 * as a base-36 index into the course's questions (then into `q` for questions no longer in the
 * course), the gap since the previous review in base-36 ms, and the offset and day start only
 * when they differ from the previous review's (the first review's from `d`).
 */
interface Doc {
  f: typeof FORMAT;
  t: number;
  z: number | null;
  o: Record<string, number>;
  u: string[];
  q: string[];
  d: [utcOffsetMinutes: number, dayStartHour: number];
  r: string[];
  /** Attempts: `id|finishedAt36|score|total|reviewId,reviewId,…` (ids packed). */
  a: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A review id in few characters: a lowercase UUID as 22 base64url characters. */
export function packId(id: string): string {
  if (!UUID.test(id)) return `~${encodeURIComponent(id)}`;
  const hex = id.replaceAll('-', '');
  let bits = '';
  for (const digit of hex) bits += parseInt(digit, 16).toString(2).padStart(4, '0');
  bits = bits.padEnd(132, '0');
  let packed = '';
  for (let i = 0; i < 132; i += 6) packed += BASE64URL[parseInt(bits.slice(i, i + 6), 2)];
  return packed;
}

/** The id `packId` packed; null when malformed. */
export function unpackId(packed: string): string | null {
  if (packed.startsWith('~')) {
    try {
      return decodeURIComponent(packed.slice(1));
    } catch {
      return null;
    }
  }
  if (packed.length !== 22) return null;
  let bits = '';
  for (const char of packed) {
    const value = BASE64URL.indexOf(char);
    if (value < 0) return null;
    bits += value.toString(2).padStart(6, '0');
  }
  let hex = '';
  for (let i = 0; i < 128; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The newest review of each question first (newest first), then the rest, newest first. */
function byPriority(reviews: readonly Review[]): Review[] {
  const newestFirst = [...reviews].sort((a, b) => compareReviews(b, a));
  const seen = new Set<string>();
  const latest: Review[] = [];
  const rest: Review[] = [];
  for (const review of newestFirst) {
    if (seen.has(review.questionId)) rest.push(review);
    else {
      seen.add(review.questionId);
      latest.push(review);
    }
  }
  return [...latest, ...rest];
}

function toDoc(
  state: LmsState,
  attempts: readonly FinalCheckAttempt[],
  courseQuestions: readonly string[],
  reviews: readonly Review[],
  undone: readonly string[],
): Doc {
  const sorted = [...reviews].sort(compareReviews);
  const index = new Map(courseQuestions.map((id, i) => [id, i]));
  const extra: string[] = [];
  const first = sorted[0];
  const defaults: Doc['d'] = [first?.utcOffsetMinutes ?? 0, first?.dayStartHour ?? 0];
  let [offset, hour] = defaults;
  let previous = 0;
  const rows = sorted.map((review) => {
    let i = index.get(review.questionId);
    if (i === undefined) {
      index.set(review.questionId, (i = courseQuestions.length + extra.length));
      extra.push(review.questionId);
    }
    let row = `${packId(review.id)}|${i.toString(36)}|${review.rating}|${(review.reviewedAt - previous).toString(36)}`;
    if (review.utcOffsetMinutes !== offset || review.dayStartHour !== hour) {
      row += `|${review.utcOffsetMinutes}|${review.dayStartHour}`;
      [offset, hour] = [review.utcOffsetMinutes, review.dayStartHour];
    }
    previous = review.reviewedAt;
    return row;
  });
  return {
    f: FORMAT,
    t: state.writtenAt,
    z: state.resetAt,
    o: state.openedLessons,
    u: undone.map(packId),
    q: extra,
    d: defaults,
    r: rows,
    a: attempts.map(
      (a) =>
        `${packId(a.attemptId)}|${a.finishedAt.toString(36)}|${a.score}|${a.total}|${a.reviewIds.map(packId).join(',')}`,
    ),
  };
}

/** The longest prefix of `items` (by count) for which `fits(count)` holds; `fits` is monotone. */
function longestFitting(total: number, fits: (count: number) => boolean): number {
  // Usually everything fits: one measurement instead of a search.
  if (fits(total)) return total;
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Encodes `state` in at most `limit` characters, leaving out what must go (see the module
 * comment). `courseQuestions`: the course's question ids, in an order both sides share.
 */
export function encodeLmsState(state: LmsState, limit: number, courseQuestions: readonly string[]): Encoded {
  const size = (reviews: readonly Review[], undone: readonly string[]) =>
    JSON.stringify(toDoc(state, attempts, courseQuestions, reviews, undone)).length;
  const kept = bestAndLatest(state.finalChecks);
  const attempts = !kept ? [] : kept.best === kept.latest ? [kept.best] : [kept.best, kept.latest];
  const undoneNewestFirst = [...state.undone].reverse();
  const undoneCount = longestFitting(
    undoneNewestFirst.length,
    (n) => size([], undoneNewestFirst.slice(0, n)) <= limit / 4,
  );
  const undone = undoneNewestFirst.slice(0, Math.max(undoneCount, 0));
  const ordered = byPriority(state.reviews);
  const reviewCount = longestFitting(ordered.length, (n) => size(ordered.slice(0, n), undone) <= limit);
  const data = JSON.stringify(toDoc(state, attempts, courseQuestions, ordered.slice(0, reviewCount), undone));
  if (data.length > limit) throw new RangeError(`LMS state needs ${data.length} characters; the limit is ${limit}`);
  return {
    data,
    droppedReviews: ordered.length - reviewCount,
    droppedUndone: undoneNewestFirst.length - undone.length,
    droppedAttempts: state.finalChecks.length - attempts.length,
  };
}

const isInt = (x: unknown): x is number => Number.isInteger(x);

/**
 * Reads `suspend_data`; null when it is empty, not ours or malformed. A malformed review is
 * skipped and the rest still merge: the LMS's copy only helps the browser's own log.
 */
export function decodeLmsState(data: string, courseQuestions: readonly string[]): LmsState | null {
  if (!data) return null;
  let doc: Partial<Doc>;
  try {
    doc = JSON.parse(data) as Partial<Doc>;
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || doc.f !== FORMAT || !isInt(doc.t)) return null;
  const questions = [...courseQuestions, ...(Array.isArray(doc.q) ? doc.q : [])];
  let [offset, hour] = Array.isArray(doc.d) ? doc.d : [0, 0];
  let previous = 0;
  const reviews: Review[] = [];
  for (const row of Array.isArray(doc.r) ? doc.r : []) {
    if (typeof row !== 'string') continue;
    const [id, question, rating, gap, rowOffset, rowHour] = row.split('|');
    const gapMs = parseInt(gap ?? '', 36);
    if (!Number.isInteger(gapMs)) continue;
    previous += gapMs;
    if (rowOffset !== undefined) [offset, hour] = [Number(rowOffset), Number(rowHour)];
    const review = parseReview({
      id: unpackId(id ?? ''),
      questionId: questions[parseInt(question ?? '', 36)],
      rating: Number(rating),
      reviewedAt: previous,
      utcOffsetMinutes: offset,
      dayStartHour: hour,
    });
    if (review) reviews.push(review);
  }
  const opened: Record<string, number> = {};
  if (typeof doc.o === 'object' && doc.o !== null)
    for (const [slug, atMs] of Object.entries(doc.o)) if (isInt(atMs)) opened[slug] = atMs;
  const finalChecks: FinalCheckAttempt[] = [];
  for (const row of Array.isArray(doc.a) ? doc.a : []) {
    if (typeof row !== 'string') continue;
    const [id, finishedAt, score, total, reviewIds] = row.split('|');
    const attempt = {
      attemptId: unpackId(id ?? ''),
      finishedAt: parseInt(finishedAt ?? '', 36),
      score: Number(score),
      total: Number(total),
      reviewIds: (reviewIds ? reviewIds.split(',') : []).map(unpackId),
    };
    const valid =
      attempt.attemptId !== null &&
      [attempt.finishedAt, attempt.score, attempt.total].every(isInt) &&
      attempt.score >= 0 &&
      attempt.score <= attempt.total &&
      attempt.reviewIds.every((r) => r !== null);
    if (valid) finalChecks.push(attempt as FinalCheckAttempt);
  }
  return {
    writtenAt: doc.t,
    reviews,
    undone: (Array.isArray(doc.u) ? doc.u : [])
      .map((id) => (typeof id === 'string' ? unpackId(id) : null))
      .filter((id): id is string => id !== null),
    resetAt: isInt(doc.z) ? doc.z : null,
    openedLessons: opened,
    finalChecks,
  };
}
