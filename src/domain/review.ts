import type { Settings } from './settings';
import { utcOffsetMinutesAt } from './study-day';

/** A rating: 1 «Снова», 2 «Трудно», 3 «Хорошо», 4 «Легко». */
export type Rating = 1 | 2 | 3 | 4;

/**
 * Earliest and latest review times a record may have; anything outside is a corrupt record. The
 * range starts at 1970 because a device whose clock was reset still records real reviews.
 */
const MIN_REVIEWED_AT = 0;
const MAX_REVIEWED_AT = Date.UTC(2200, 0, 1);

/**
 * One review in the append-only log. Times are epoch-ms numbers, so a review survives structured
 * clone (IndexedDB, BroadcastChannel) and JSON (backups) unchanged. The same rules as a zod schema
 * (with Russian messages for backup files) are `reviewSchema` in schemas.ts.
 */
export interface Review {
  /** Unique id (a UUID, 1 to 100 characters). Merging, undo and duplicate detection go by it. */
  id: string;
  /** The question reviewed (1 to 200 characters). Kept even if the question is later removed from the course. */
  questionId: string;
  /** 1 «Снова», 2 «Трудно», 3 «Хорошо», 4 «Легко». */
  rating: Rating;
  /** When the learner rated, epoch ms (an integer from 1970 to 2200). */
  reviewedAt: number;
  /** Local offset from UTC in minutes when rated (Moscow: 180; within ±840); fixes the study day on replay. */
  utcOffsetMinutes: number;
  /** The study-day start hour in effect when rated (0 to 23). */
  dayStartHour: number;
}

/** Earliest and latest `reviewedAt` (see `Review`), for the schema in schemas.ts. */
export const REVIEWED_AT_RANGE = { min: MIN_REVIEWED_AT, max: MAX_REVIEWED_AT } as const;

const REVIEW_KEYS = ['id', 'questionId', 'rating', 'reviewedAt', 'utcOffsetMinutes', 'dayStartHour'] as const;
const isIntIn = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const isIdIn = (x: unknown, max: number): x is string => typeof x === 'string' && x.length >= 1 && x.length <= max;

/**
 * Reads a review from storage or a message (`unknown` until parsed); null when malformed. Applies
 * exactly the rules of `reviewSchema` (schemas.ts) by hand: loading checks 100,000 records and this
 * is about ten times faster, and pages need no zod; a property test keeps the two in agreement. Returns a fresh object with
 * only the review's own fields.
 */
export function parseReview(x: unknown): Review | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const keys = Object.keys(x);
  if (keys.length !== REVIEW_KEYS.length || !REVIEW_KEYS.every((key) => Object.hasOwn(x, key))) return null;
  const r = x as Record<(typeof REVIEW_KEYS)[number], unknown>;
  return reviewFromFields(r.id, r.questionId, r.rating, r.reviewedAt, r.utcOffsetMinutes, r.dayStartHour);
}

/** A review from its fields, in `Review`'s order, by `parseReview`'s rules; null when one is malformed. */
export function reviewFromFields(
  id: unknown,
  questionId: unknown,
  rating: unknown,
  reviewedAt: unknown,
  utcOffsetMinutes: unknown,
  dayStartHour: unknown,
): Review | null {
  if (!isIdIn(id, 100) || !isIdIn(questionId, 200)) return null;
  if (!isIntIn(rating, 1, 4) || !isIntIn(reviewedAt, MIN_REVIEWED_AT, MAX_REVIEWED_AT)) return null;
  if (!isIntIn(utcOffsetMinutes, -840, 840) || !isIntIn(dayStartHour, 0, 23)) return null;
  return { id, questionId, rating: rating as Rating, reviewedAt, utcOffsetMinutes, dayStartHour };
}

/**
 * A new random review id. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost),
 * so on a plain-HTTP intranet host this falls back to a version-4 UUID from `getRandomValues`.
 */
export function newReviewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What `createReview` needs. */
export interface NewReview {
  questionId: string;
  rating: Rating;
  /** The moment of rating, epoch ms. */
  nowMs: number;
  settings: Pick<Settings, 'dayStartHour'>;
  /** Defaults to a fresh random id. */
  id?: string;
  /** Local UTC offset in minutes; defaults to the offset of this browser at `nowMs`. */
  utcOffsetMinutes?: number;
}

/**
 * Builds a review record stamped with the local offset and study-day start hour. A clock outside
 * the valid range is clamped into it, so a review once confirmed always passes `parseReview`.
 */
export function createReview(input: NewReview): Review {
  const reviewedAt = Number.isFinite(input.nowMs)
    ? Math.min(MAX_REVIEWED_AT, Math.max(MIN_REVIEWED_AT, Math.round(input.nowMs)))
    : MIN_REVIEWED_AT;
  return {
    id: input.id ?? newReviewId(),
    questionId: input.questionId,
    rating: input.rating,
    reviewedAt,
    utcOffsetMinutes: input.utcOffsetMinutes ?? utcOffsetMinutesAt(reviewedAt),
    dayStartHour: input.settings.dayStartHour,
  };
}
