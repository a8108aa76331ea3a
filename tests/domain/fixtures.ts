import { createReview, type Rating, type Review } from '../../src/domain/review';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';

/** Default settings (retention 0.90, 10 new per day, study day from 04:00). */
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS };

/** Epoch ms of an ISO time with an explicit offset, e.g. '2026-03-02T10:00+03:00'. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad date ${iso}`);
  return ms;
}

/** Runs `body` with the process in another time zone, then restores it. */
export function inTimeZone<T>(timeZone: string, body: () => T): T {
  const previous = process.env['TZ'];
  process.env['TZ'] = timeZone;
  try {
    return body();
  } finally {
    process.env['TZ'] = previous;
  }
}

let counter = 0;

/** A review with a readable, unique id, stamped with Moscow's offset unless told otherwise. */
export function review(questionId: string, rating: Rating, nowMs: number, extra: Partial<Review> = {}): Review {
  counter += 1;
  return {
    ...createReview({
      questionId,
      rating,
      nowMs,
      settings: SETTINGS,
      id: `r-${String(counter).padStart(5, '0')}`,
      utcOffsetMinutes: 180,
    }),
    ...extra,
  };
}

/** Minutes and days in ms. */
export const MIN = 60_000;
export const DAY = 86_400_000;
