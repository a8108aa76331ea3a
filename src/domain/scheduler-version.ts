/**
 * Which scheduler computed a cached card. Kept apart from scheduler.ts so that checking the cache
 * does not load ts-fsrs: pages load the scheduler only when a card must be graded or replayed.
 * ts-fsrs is pinned to an exact version in package.json, and tests/domain/scheduler.test.ts fails
 * when the installed ts-fsrs (its `FSRSVersion`) differs from `TS_FSRS_VERSION`: updating ts-fsrs
 * means bumping it here, which makes every browser replay its log once under the new scheduler.
 */

/** The ts-fsrs version the scheduler runs on. */
export const TS_FSRS_VERSION = '5.4.2';
/** Bump when our own scheduling rules (steps, fuzz seed, limits) change. */
export const OUR_RULES_VERSION = 1;
/** Cached card states are trusted only under the same scheduler: this string is part of their fingerprint. */
export const SCHEDULER_VERSION = `ts-fsrs ${TS_FSRS_VERSION}; rules ${OUR_RULES_VERSION}`;
