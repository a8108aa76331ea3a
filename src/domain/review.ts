// zod's mini API: these schemas ship to the browser, and the classic API does not tree-shake.
import * as z from 'zod/mini';
import { dayStartHourSchema, type Settings } from './settings';
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
 * clone (IndexedDB, BroadcastChannel) and JSON (backups) unchanged.
 */
export const reviewSchema = z.strictObject({
  /** Unique id (a UUID). Merging, undo and duplicate detection go by it. */
  id: z.string({ error: 'нет id' }).check(z.minLength(1, 'пустой id'), z.maxLength(100, 'слишком длинный id')),
  /** The question reviewed. Kept even if the question is later removed from the course. */
  questionId: z
    .string({ error: 'нет questionId' })
    .check(z.minLength(1, 'пустой questionId'), z.maxLength(200, 'слишком длинный questionId')),
  /** 1 «Снова», 2 «Трудно», 3 «Хорошо», 4 «Легко». */
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: 'оценка должна быть 1, 2, 3 или 4',
  }),
  /** When the learner rated, epoch ms. */
  reviewedAt: z
    .number({ error: 'время ответа должно быть числом' })
    .check(
      z.int('время ответа должно быть целым числом миллисекунд'),
      z.minimum(MIN_REVIEWED_AT, 'время ответа раньше 1970 года'),
      z.maximum(MAX_REVIEWED_AT, 'время ответа позже 2200 года'),
    ),
  /** Local offset from UTC in minutes when rated (Moscow: 180); fixes the study day on replay. */
  utcOffsetMinutes: z
    .number({ error: 'смещение часового пояса должно быть числом' })
    .check(
      z.int('смещение часового пояса должно быть целым'),
      z.minimum(-840, 'смещение часового пояса вне ±14 ч'),
      z.maximum(840, 'смещение часового пояса вне ±14 ч'),
    ),
  /** The study-day start hour in effect when rated. */
  dayStartHour: dayStartHourSchema,
});

/** One review in the append-only log. */
export type Review = z.infer<typeof reviewSchema>;

const REVIEW_KEYS = ['id', 'questionId', 'rating', 'reviewedAt', 'utcOffsetMinutes', 'dayStartHour'] as const;
const isIntIn = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const isIdIn = (x: unknown, max: number): x is string => typeof x === 'string' && x.length >= 1 && x.length <= max;

/**
 * Reads a review from storage or a message (`unknown` until parsed); null when malformed. Applies
 * exactly the rules of `reviewSchema` by hand, because loading checks 100,000 records and this is
 * about ten times faster; a property test keeps the two in agreement. Returns a fresh object with
 * only the review's own fields.
 */
export function parseReview(x: unknown): Review | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const keys = Object.keys(x);
  if (keys.length !== REVIEW_KEYS.length || !REVIEW_KEYS.every((key) => Object.hasOwn(x, key))) return null;
  const r = x as Record<(typeof REVIEW_KEYS)[number], unknown>;
  if (!isIdIn(r.id, 100) || !isIdIn(r.questionId, 200)) return null;
  if (!isIntIn(r.rating, 1, 4) || !isIntIn(r.reviewedAt, MIN_REVIEWED_AT, MAX_REVIEWED_AT)) return null;
  if (!isIntIn(r.utcOffsetMinutes, -840, 840) || !isIntIn(r.dayStartHour, 0, 23)) return null;
  return {
    id: r.id,
    questionId: r.questionId,
    rating: r.rating as Rating,
    reviewedAt: r.reviewedAt,
    utcOffsetMinutes: r.utcOffsetMinutes,
    dayStartHour: r.dayStartHour,
  };
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
