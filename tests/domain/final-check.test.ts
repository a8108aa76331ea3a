import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  FINAL_CHECK_SIZE,
  MIN_SCENARIOS,
  bestAndLatest,
  drawFinalCheck,
  scorePercent,
  type DrawableQuestion,
} from '../../src/domain/final-check';
import { mergeFinalChecks } from '../../src/domain/final-check-attempts';
import { isPassed, parseFinalCheckAttempt, type FinalCheckAttempt } from '../../src/domain/final-check-record';
import { finalCheckAttemptSchema } from '../../src/domain/schemas';
import { readCourse } from '../read-course';

/** The real course's questions, as the page draws from them. */
const COURSE: DrawableQuestion[] = readCourse().flatMap((l) =>
  l.data.questions.map((q) => ({ id: q.id, lessonSlug: l.slug, type: q.type })),
);
const LESSONS = new Set(COURSE.map((q) => q.lessonSlug));
const byId = new Map(COURSE.map((q) => [q.id, q]));

/** A seeded random source (mulberry32), so a property's failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const attempt = (id: string, score: number, finishedAt: number, total = 10): FinalCheckAttempt => ({
  attemptId: id,
  finishedAt,
  score,
  total,
  reviewIds: Array.from({ length: total }, (_, i) => `${id}-r${i}`),
});

describe('drawing an attempt', () => {
  test('draws ten different choice or scenario questions, every lesson at least once, mostly scenarios', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const drawn = drawFinalCheck(COURSE, seeded(seed));
        expect(drawn).toHaveLength(FINAL_CHECK_SIZE);
        expect(new Set(drawn.map((q) => q.id)).size).toBe(FINAL_CHECK_SIZE);
        expect(drawn.every((q) => byId.get(q.id)?.type !== 'recall')).toBe(true);
        expect(new Set(drawn.map((q) => q.lessonSlug))).toEqual(LESSONS);
        expect(drawn.filter((q) => q.type === 'scenario').length).toBeGreaterThanOrEqual(MIN_SCENARIOS);
      }),
      { numRuns: 200 },
    );
  });

  test('draws a fresh set in a fresh order on each attempt', () => {
    const random = seeded(7);
    const orders = new Set(
      Array.from({ length: 20 }, () =>
        drawFinalCheck(COURSE, random)
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(15);
  });

  test('takes a lesson without scenarios through its choice questions, and never a recall question', () => {
    const course: DrawableQuestion[] = [
      { id: 'a-recall', lessonSlug: 'a', type: 'recall' },
      { id: 'a-choice', lessonSlug: 'a', type: 'choice' },
      { id: 'b-scenario', lessonSlug: 'b', type: 'scenario' },
      { id: 'b-recall', lessonSlug: 'b', type: 'recall' },
    ];
    expect(
      drawFinalCheck(course, seeded(1))
        .map((q) => q.id)
        .sort(),
    ).toEqual(['a-choice', 'b-scenario']);
    expect(drawFinalCheck([], seeded(1))).toEqual([]);
  });
});

describe('scoring', () => {
  test('passes at 80 % and above, in whole answers', () => {
    expect(isPassed({ score: 8, total: 10 })).toBe(true);
    expect(isPassed({ score: 7, total: 10 })).toBe(false);
    expect(isPassed({ score: 4, total: 5 })).toBe(true);
    expect(isPassed({ score: 0, total: 0 })).toBe(false);
    expect(scorePercent({ score: 8, total: 10 })).toBe(80);
    expect(scorePercent({ score: 2, total: 3 })).toBe(67);
  });

  test('the best is the highest score, the first to reach it; the latest is the last finished', () => {
    const first = attempt('a', 7, 1000);
    const best = attempt('b', 9, 2000);
    const equal = attempt('c', 9, 3000);
    const latest = attempt('d', 6, 4000);
    expect(bestAndLatest([latest, equal, first, best])).toEqual({ best, latest });
    expect(bestAndLatest([first])).toEqual({ best: first, latest: first });
    expect(bestAndLatest([])).toBeNull();
  });
});

describe('merging attempts', () => {
  test('adds each attempt once, keeps known ones, and leaves out attempts from before a reset', () => {
    const known = [attempt('a', 7, 1000)];
    const incoming = [attempt('a', 10, 1000), attempt('b', 9, 2000), attempt('b', 9, 2000), attempt('old', 10, 10)];
    const { attempts, added } = mergeFinalChecks(known, incoming, 500);
    expect(added.map((a) => a.attemptId)).toEqual(['b']);
    expect(attempts.map((a) => [a.attemptId, a.score])).toEqual([
      ['a', 7],
      ['b', 9],
    ]);
    expect(mergeFinalChecks(attempts, incoming, 500).added).toEqual([]);
  });
});

describe('reading a stored attempt', () => {
  test('reads a well-formed record, and agrees with the backup schema on what is malformed', () => {
    const good = attempt('a', 8, 1000);
    const bad: unknown[] = [
      null,
      [],
      { ...good, score: 11 },
      { ...good, total: 0, score: 0 },
      { ...good, attemptId: '' },
      { ...good, finishedAt: -1 },
      { ...good, reviewIds: [1] },
      { ...good, score: 1.5 },
    ];
    expect(parseFinalCheckAttempt(good)).toEqual(good);
    expect(finalCheckAttemptSchema.safeParse(good).success).toBe(true);
    for (const x of bad) {
      expect(parseFinalCheckAttempt(x), JSON.stringify(x)).toBeNull();
      expect(finalCheckAttemptSchema.safeParse(x).success, JSON.stringify(x)).toBe(false);
    }
  });
});
