import './tz-moscow';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { fingerprintReviews } from '../../src/domain/card-cache';
import { allReviews, buildDeck, EMPTY_DECK, rate, withoutReviews, withReviews, replay } from '../../src/domain/deck';
import { newReviewId, parseReview, type Review } from '../../src/domain/review';
import { uniqueReviews } from '../../src/domain/review-log';
import { logArb } from './arbitraries';
import { DAY, SETTINGS, at, inTimeZone, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const sample = () => [review('q-1', 3, T0), review('q-2', 1, T0 + 60_000)];

describe('replay', () => {
  test('is deterministic and independent of the order reviews arrive in', () => {
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length }))),
        ([log, shuffled]) => {
          expect(replay(shuffled, SETTINGS)).toEqual(replay(log, SETTINGS));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('ignores a review whose id is already in the log', () => {
    const first = review('q-1', 3, T0);
    const again = { ...first, rating: 1 as const };
    expect(replay([first, again, first], SETTINGS)).toEqual(replay([first], SETTINGS));
  });

  test('gives the same cards whatever time zone the machine is in', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const moscow = replay(log, SETTINGS);
        expect(inTimeZone('America/Los_Angeles', () => replay(log, SETTINGS))).toEqual(moscow);
      }),
      { numRuns: 50 },
    );
  });

  test('never produces NaN or a due time before the last review, whatever the log', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        for (const card of replay(log, SETTINGS).values()) {
          for (const value of Object.values(card))
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          expect(card.dueStudyClockMs).toBeGreaterThanOrEqual(card.lastStudyClockMs);
          expect(card.scheduledDays).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('progress', () => {
  test('adding reviews one by one ends in the same cards as replaying the whole log', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        let progress = EMPTY_DECK;
        for (const r of log) progress = withReviews(progress, [r], SETTINGS).deck;
        expect(progress.cards).toEqual(replay(log, SETTINGS));
        expect(progress.reviewCount).toBe(log.length);
        expect(allReviews(progress)).toHaveLength(log.length);
      }),
      { numRuns: 100 },
    );
  });

  test('undo removes the last rating and restores the card exactly as it was', () => {
    fc.assert(
      fc.property(logArb, fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), (log, rating) => {
        const before = buildDeck(log, SETTINGS).deck;
        const { review: last, deck: after } = rate(before, {
          questionId: 'q-a',
          rating,
          nowMs: T0 + 300 * DAY,
          settings: SETTINGS,
        });
        const undone = withoutReviews(after, [last.id], SETTINGS);
        expect(undone.cards).toEqual(before.cards);
        expect(undone.reviewsByQuestion).toEqual(before.reviewsByQuestion);
        expect(undone.reviewCount).toBe(before.reviewCount);
      }),
      { numRuns: 100 },
    );
  });

  test('undo of the first rating of a question takes the question out of the deck', () => {
    const { review: only, deck: progress } = rate(EMPTY_DECK, {
      questionId: 'q-1',
      rating: 3,
      nowMs: T0,
      settings: SETTINGS,
    });
    const undone = withoutReviews(progress, [only.id], SETTINGS);
    expect(undone.cards.has('q-1')).toBe(false);
    expect(undone.reviewCount).toBe(0);
  });

  test("a rating after the clock went back is stamped just after the card's last review", () => {
    const first = rate(EMPTY_DECK, { questionId: 'q-1', rating: 3, nowMs: T0, settings: SETTINGS });
    const second = rate(first.deck, { questionId: 'q-1', rating: 1, nowMs: T0 - 2 * DAY, settings: SETTINGS });
    expect(second.review.reviewedAt).toBe(first.review.reviewedAt + 1);
    expect(second.deck.cards.get('q-1')?.phase).toBe('relearning');
    expect(second.deck.cards.get('q-1')?.lastReviewedAt).toBe(second.review.reviewedAt);
  });

  test('reviews whose id is already in the log are not added again', () => {
    const r = review('q-1', 3, T0);
    const once = withReviews(EMPTY_DECK, [r], SETTINGS);
    const twice = withReviews(once.deck, [r, { ...r }], SETTINGS);
    expect(twice.added).toEqual([]);
    expect(twice.deck).toBe(once.deck);
  });

  test('reviews of questions no longer in the course are kept in the log and the cards', () => {
    const { deck: progress } = buildDeck([review('removed-question', 3, T0)], SETTINGS);
    expect(progress.cards.has('removed-question')).toBe(true);
    expect(allReviews(progress)).toHaveLength(1);
  });
});

describe('card cache', () => {
  test('a cached card is used when its fingerprint matches the reviews', () => {
    const log = [review('q-1', 3, T0), review('q-1', 3, T0 + 3 * DAY)];
    const built = buildDeck(log, SETTINGS);
    const card = built.deck.cards.get('q-1');
    if (!card) throw new Error('no card');
    const marked = { ...card, stability: 123 };
    const cache = new Map([['q-1', { fingerprint: fingerprintReviews(log, SETTINGS), card: marked }]]);
    const fromCache = buildDeck(log, SETTINGS, cache);
    expect(fromCache.deck.cards.get('q-1')).toBe(marked);
    expect(fromCache.replayedCount).toBe(0);
    expect(fromCache.cache).toEqual([{ fingerprint: fingerprintReviews(log, SETTINGS), card: marked }]);
  });

  test('the cache entry a rating returns is the one a later load accepts', () => {
    const first = rate(EMPTY_DECK, { questionId: 'q-1', rating: 3, nowMs: T0, settings: SETTINGS });
    const second = rate(first.deck, { questionId: 'q-1', rating: 2, nowMs: T0 + 2 * DAY, settings: SETTINGS });
    const reloaded = buildDeck(allReviews(second.deck), SETTINGS, new Map([['q-1', second.cacheEntry]]));
    expect(reloaded.replayedCount).toBe(0);
    expect(reloaded.deck.cards).toEqual(second.deck.cards);
  });

  test('a stale cache entry is ignored and the card replayed from the log', () => {
    const log = [review('q-1', 3, T0)];
    const fresh = buildDeck(log, SETTINGS).deck.cards.get('q-1');
    if (!fresh) throw new Error('no card');
    const stale = new Map([
      ['q-1', { fingerprint: fingerprintReviews([], SETTINGS), card: { ...fresh, stability: 123 } }],
    ]);
    const built = buildDeck(log, SETTINGS, stale);
    expect(built.deck.cards.get('q-1')).toEqual(fresh);
    expect(built.replayedCount).toBe(1);
    expect(built.cache).toEqual([{ fingerprint: fingerprintReviews(log, SETTINGS), card: fresh }]);
  });

  test('the fingerprint changes with any review, the desired retention, or a removed review', () => {
    const log = [review('q-1', 3, T0), review('q-1', 2, T0 + DAY)];
    const base = fingerprintReviews(log, SETTINGS);
    expect(fingerprintReviews([log[0]!, { ...log[1]!, rating: 3 }], SETTINGS)).not.toBe(base);
    expect(fingerprintReviews(log, { desiredRetention: 0.95 })).not.toBe(base);
    expect(fingerprintReviews(log.slice(0, 1), SETTINGS)).not.toBe(base);
  });
});

describe('creating reviews', () => {
  test('a review made with the clock reset to 1970 or set far ahead still passes the record check', () => {
    for (const nowMs of [0, -5, Date.UTC(2500, 0, 1), Number.NaN]) {
      const { review: made } = rate(EMPTY_DECK, { questionId: 'q-1', rating: 3, nowMs, settings: SETTINGS });
      expect(parseReview(made)).toEqual(made);
    }
  });

  test('new review ids are unique UUIDs, also on plain HTTP where crypto.randomUUID is missing', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const secure = new Set(Array.from({ length: 500 }, () => newReviewId()));
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    try {
      const insecure = new Set(Array.from({ length: 500 }, () => newReviewId()));
      for (const ids of [secure, insecure]) {
        expect(ids.size).toBe(500);
        for (const id of ids) expect(id).toMatch(uuid);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

/** What an import adds to a kept log: the dedupe rule with the kept ids. */
const mergeReviews = (kept: readonly Review[], imported: readonly Review[]) => {
  const added = uniqueReviews(imported, new Set(kept.map((r) => r.id)));
  return { added, alreadyPresent: imported.length - added.length };
};

describe('merging an import (the dedupe rule)', () => {
  test('adds only reviews whose id is not already kept; importing twice adds nothing', () => {
    const kept = sample();
    const imported = [...kept, review('q-3', 4, T0 + DAY)];
    const first = mergeReviews(kept, imported);
    expect(first.added.map((r) => r.questionId)).toEqual(['q-3']);
    expect(first.alreadyPresent).toBe(2);
    expect(mergeReviews([...kept, ...first.added], imported)).toEqual({ added: [], alreadyPresent: 3 });
  });

  test('an imported review never replaces a kept one with the same id', () => {
    const [kept] = sample();
    if (!kept) throw new Error('no review');
    expect(mergeReviews([kept], [{ ...kept, rating: 1 }]).added).toEqual([]);
  });

  test('of two copies of one id arriving together, the first in replay order is kept, whatever the order', () => {
    const [first] = sample();
    if (!first) throw new Error('no review');
    const later = { ...first, reviewedAt: first.reviewedAt + 1, rating: 1 as const };
    expect(uniqueReviews([later, first])).toEqual([first]);
    expect(uniqueReviews([first, later])).toEqual([first]);
  });

  test('is a union: everything from both sides is there afterwards, each id once', () => {
    fc.assert(
      fc.property(logArb, logArb, (a, b) => {
        const { added } = mergeReviews(a, b);
        const ids = [...a, ...added].map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set([...a, ...b].map((r) => r.id)));
      }),
    );
  });
});
