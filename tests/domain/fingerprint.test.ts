import fc from 'fast-check';
import { expect, test } from 'vitest';
import { extendFingerprint, fingerprintReviews, lastReviewIdOf } from '../../src/domain/card-cache';
import { compareReviews } from '../../src/domain/review-log';
import { logArb } from './arbitraries';
import { SETTINGS } from './fixtures';

test('extending a fingerprint by the review that sorts last gives the fingerprint of the longer list', () => {
  fc.assert(
    fc.property(logArb, (log) => {
      const sorted = [...log].sort(compareReviews);
      let fingerprint = fingerprintReviews([], SETTINGS);
      for (const [i, review] of sorted.entries()) {
        fingerprint = extendFingerprint(fingerprint, review);
        expect(fingerprint).toBe(fingerprintReviews(sorted.slice(0, i + 1), SETTINGS));
        expect(lastReviewIdOf(fingerprint)).toBe(review.id);
      }
    }),
  );
});

test('the last review id is read whole, colons and all', () => {
  const review = {
    id: 'a:b:c',
    questionId: 'q',
    rating: 3 as const,
    reviewedAt: 1,
    utcOffsetMinutes: 0,
    dayStartHour: 4,
  };
  expect(lastReviewIdOf(fingerprintReviews([review], SETTINGS))).toBe('a:b:c');
  expect(lastReviewIdOf(fingerprintReviews([], SETTINGS))).toBe('');
});
