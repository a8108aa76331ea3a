import fc from 'fast-check';
import type { Review } from '../../src/domain/review';
import { at } from './fixtures';

const START = at('2026-01-05T09:00+03:00');
const SPAN_MS = 200 * 86_400_000;

/** A review among a few questions over 200 days, in assorted time zones and start hours. */
export const reviewArb: fc.Arbitrary<Review> = fc.record({
  id: fc.uuid(),
  questionId: fc.constantFrom('q-a', 'q-b', 'q-c', 'q-d'),
  rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  reviewedAt: fc.integer({ min: START, max: START + SPAN_MS }),
  utcOffsetMinutes: fc.constantFrom(180, 180, 180, 0, -300, 330),
  dayStartHour: fc.constantFrom(4, 4, 4, 0, 6),
});

/** A log of reviews with unique ids. */
export const logArb = fc.uniqueArray(reviewArb, { selector: (r) => r.id, minLength: 0, maxLength: 60 });
