/**
 * Which scheduler computed a cached card. Kept apart from scheduler.ts so that checking the cache
 * does not load the scheduler: pages load it only when a card must be graded or replayed.
 * fsrs.ts repeats ts-fsrs' FSRS-6, and tests hold it equal to the ts-fsrs pinned (exactly) in
 * package.json; tests/domain/scheduler.test.ts fails when the installed ts-fsrs (its `FSRSVersion`)
 * differs from `TS_FSRS_VERSION`. Updating ts-fsrs means following any change it made in fsrs.ts
 * and bumping the version here, which makes every browser replay its log once.
 */

/** The ts-fsrs version fsrs.ts and scheduler.ts are held equal to. */
export const TS_FSRS_VERSION = '5.4.2';
/** Bump when our own scheduling rules (steps, fuzz seed, limits) change. */
export const OUR_RULES_VERSION = 1;
/** Cached card states are trusted only under the same scheduler: this string is part of their fingerprint. */
export const SCHEDULER_VERSION = `ts-fsrs ${TS_FSRS_VERSION}; rules ${OUR_RULES_VERSION}`;
