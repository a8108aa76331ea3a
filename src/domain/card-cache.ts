/**
 * A cache of card states, so that a page need not replay 100,000 reviews on every load. The log
 * stays the source of truth: a cached card is used only if its fingerprint matches the card's
 * reviews (count, last id, a hash of every review) and the settings and scheduler version that
 * produced it. Anything else is replayed and the cache entry rewritten.
 */
import type { Review } from './review';
import type { CardState } from './card';
import { hashInteger, hashString } from './hash';
import { SCHEDULER_VERSION } from './scheduler-version';
import type { Settings } from './settings';

/** A cached card and the fingerprint of the reviews it was computed from. */
export interface CachedCard {
  fingerprint: string;
  card: CardState;
}

/** A card's cache entry after its reviews changed, or that it has no reviews left. */
export type CacheChange = CachedCard | { questionId: string; removed: true };

/** The scheduler and settings cached cards were computed under: a cache is trusted only under the same. */
export const cacheStamp = (settings: Pick<Settings, 'desiredRetention'>): string =>
  `${SCHEDULER_VERSION}|${settings.desiredRetention}`;

/** Mixes one review into a fingerprint's hash. */
function mixReview(hash: number, r: Review): number {
  hash = hashString(r.id, hash);
  hash = hashInteger(r.reviewedAt, hash);
  return hashInteger(r.rating * 10_000 + (r.utcOffsetMinutes + 1000) * 10 + r.dayStartHour, hash);
}

/** Fingerprint of one question's reviews (in replay order) under the given settings. */
export function fingerprintReviews(
  sortedReviews: readonly Review[],
  settings: Pick<Settings, 'desiredRetention'>,
): string {
  let hash = hashString(cacheStamp(settings));
  for (const r of sortedReviews) hash = mixReview(hash, r);
  const last = sortedReviews.at(-1);
  return `${sortedReviews.length}:${last?.id ?? ''}:${(hash >>> 0).toString(36)}`;
}

/**
 * The fingerprint of a card's reviews with `review` added after the last of them (as a rating
 * is): what `fingerprintReviews` gives for the longer list, without the list.
 */
export function extendFingerprint(fingerprint: string, review: Review): string {
  const count = Number.parseInt(fingerprint, 10);
  const hash = Number.parseInt(fingerprint.slice(fingerprint.lastIndexOf(':') + 1), 36);
  return `${count + 1}:${review.id}:${(mixReview(hash, review) >>> 0).toString(36)}`;
}

/** The id of the last review a fingerprint covers ('' for none). */
export const lastReviewIdOf = (fingerprint: string): string =>
  fingerprint.slice(fingerprint.indexOf(':') + 1, fingerprint.lastIndexOf(':'));

/** The numeric fields of a card state, in a fixed order (the cache snapshot stores them in columns). */
export const CARD_NUMBER_FIELDS = [
  'stability',
  'difficulty',
  'reps',
  'lapses',
  'scheduledDays',
  'learningStep',
  'lastReviewedAt',
  'lastStudyClockMs',
  'dueStudyClockMs',
  'firstStudyDay',
] as const;

/** One of `CARD_NUMBER_FIELDS`. */
export type CardNumberField = (typeof CARD_NUMBER_FIELDS)[number];

/** Reads a cache entry from storage (`unknown` until parsed); null when it is not one. */
export function parseCachedCard(x: unknown): CachedCard | null {
  if (typeof x !== 'object' || x === null) return null;
  const { fingerprint, card } = x as { fingerprint?: unknown; card?: unknown };
  if (typeof fingerprint !== 'string' || typeof card !== 'object' || card === null) return null;
  const c = card as Record<string, unknown>;
  const questionId = c['questionId'];
  const phase = c['phase'];
  if (typeof questionId !== 'string') return null;
  if (phase !== 'learning' && phase !== 'review' && phase !== 'relearning') return null;
  if (!CARD_NUMBER_FIELDS.every((field) => Number.isFinite(c[field]))) return null;
  return { fingerprint, card: cardFromFields(questionId, phase, (field) => c[field] as number) };
}

/** A card state from its id, phase and a reader of its number fields (an object, or a packed row). */
export function cardFromFields(
  questionId: string,
  phase: CardState['phase'],
  n: (field: CardNumberField) => number,
): CardState {
  return {
    questionId,
    phase,
    stability: n('stability'),
    difficulty: n('difficulty'),
    reps: n('reps'),
    lapses: n('lapses'),
    scheduledDays: n('scheduledDays'),
    learningStep: n('learningStep'),
    lastReviewedAt: n('lastReviewedAt'),
    lastStudyClockMs: n('lastStudyClockMs'),
    dueStudyClockMs: n('dueStudyClockMs'),
    firstStudyDay: n('firstStudyDay'),
  };
}
