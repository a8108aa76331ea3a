import { describe, expect, test } from 'vitest';
import type { Review } from '../../src/domain/review';
import { decodeLmsState, encodeLmsState, packId, unpackId, type LmsState } from '../../src/lms/suspend';

const T0 = Date.UTC(2026, 2, 2, 7);
const DAY = 86_400_000;

function review(i: number, questionId: string, atMs: number): Review {
  return {
    id: `0f8f3a52-6d1e-4b8e-9c3d-${String(i).padStart(12, '0')}`,
    questionId,
    rating: ((i % 4) + 1) as Review['rating'],
    reviewedAt: atMs,
    utcOffsetMinutes: 180,
    dayStartHour: 4,
  };
}

function state(reviews: Review[], undone: string[] = []): LmsState {
  return {
    writtenAt: T0 + 400 * DAY,
    reviews,
    undone,
    resetAt: T0 - DAY,
    openedLessons: { 'no-referee': T0 },
    finalChecks: [],
  };
}

const QUESTIONS = Array.from({ length: 51 }, (_, i) => `lesson-question-number-${i}`);
const encode = (s: LmsState, limit: number) => encodeLmsState(s, limit, QUESTIONS);
const decode = (data: string) => decodeLmsState(data, QUESTIONS);

describe('the state in suspend_data', () => {
  test('review ids: a UUID in 22 characters, anything else kept as it was', () => {
    for (const id of [crypto.randomUUID(), crypto.randomUUID(), 'r-001', 'id|with.odd~chars'])
      expect(unpackId(packId(id))).toBe(id);
    expect(packId('0f8f3a52-6d1e-4b8e-9c3d-000000000001')).toHaveLength(22);
    expect(unpackId('not-valid')).toBeNull();
  });

  test('round-trips reviews, undone ids, reset and opened lessons, questions outside the course included', () => {
    const reviews = [...QUESTIONS.slice(0, 5), 'retired-question'].map((q, i) => review(i, q, T0 + i * DAY));
    reviews[2] = { ...reviews[2]!, utcOffsetMinutes: 420, dayStartHour: 6 };
    const undone = ['gone-1', crypto.randomUUID()];
    const { data, droppedReviews } = encode(state(reviews, undone), 64_000);
    expect(droppedReviews).toBe(0);
    expect(decode(data)).toEqual(state(reviews, [...undone].reverse()));
  });

  test('final-check attempts: the best and the latest travel, ids and scores intact', () => {
    const attempt = (score: number, day: number) => ({
      attemptId: crypto.randomUUID(),
      finishedAt: T0 + day * DAY,
      score,
      total: 10,
      reviewIds: Array.from({ length: 10 }, () => crypto.randomUUID()),
    });
    const [first, best, middle, latest] = [attempt(6, 1), attempt(9, 2), attempt(7, 3), attempt(8, 4)];
    const encoded = encode({ ...state([]), finalChecks: [first, best, middle, latest] }, 4096);
    expect(encoded.droppedAttempts).toBe(2);
    expect(decode(encoded.data)!.finalChecks).toEqual([best, latest]);
  });

  test('SCORM 1.2: under 4,096 characters, the newest review of every question kept first, then the newest others', () => {
    const reviews: Review[] = [];
    for (let round = 0; round < 6; round++)
      for (const [q, questionId] of QUESTIONS.entries())
        reviews.push(review(round * 100 + q, questionId, T0 + round * 10 * DAY + q * 60_000));
    const undone = Array.from({ length: 200 }, (_, i) => `undone-review-id-${i}`);
    const encoded = encode(state(reviews, undone), 4096);
    expect(encoded.data.length).toBeLessThanOrEqual(4096);
    const decoded = decode(encoded.data)!;
    expect(decoded.reviews.length + encoded.droppedReviews).toBe(reviews.length);
    expect(encoded.droppedUndone).toBeGreaterThan(0);
    expect(reviews.length - encoded.droppedReviews).toBeGreaterThan(60);
    expect(decoded.undone.at(0)).toBe('undone-review-id-199');
    const kept = new Set(decoded.reviews.map((r) => r.id));
    // Every question still has its newest review…
    for (const questionId of QUESTIONS) {
      const newest = reviews.filter((r) => r.questionId === questionId).at(-1)!;
      expect(kept.has(newest.id)).toBe(true);
    }
    // …and what else was kept is newer than anything dropped.
    const others = reviews.filter(
      (r) => !QUESTIONS.some((q) => reviews.filter((x) => x.questionId === q).at(-1) === r),
    );
    const keptOthers = others.filter((r) => kept.has(r.id)).map((r) => r.reviewedAt);
    const droppedOthers = others.filter((r) => !kept.has(r.id)).map((r) => r.reviewedAt);
    expect(Math.min(...keptOthers)).toBeGreaterThan(Math.max(...droppedOthers));
  });

  test('SCORM 2004: 64,000 characters hold several hundred reviews', () => {
    const reviews = Array.from({ length: 2000 }, (_, i) => review(i, QUESTIONS[i % 51]!, T0 + i * 3_600_000));
    const encoded = encode(state(reviews), 64_000);
    expect(encoded.data.length).toBeLessThanOrEqual(64_000);
    expect(reviews.length - encoded.droppedReviews).toBeGreaterThan(1500);
  });

  test('anything not ours reads as nothing; a malformed row is skipped, the rest kept', () => {
    for (const data of ['', 'not json', '{"f":"other","t":1}', '[]', 'null']) expect(decode(data)).toBeNull();
    const { data } = encode(state([review(1, QUESTIONS[0]!, T0), review(2, QUESTIONS[1]!, T0 + DAY)]), 4096);
    const doc = JSON.parse(data) as { r: unknown[] };
    doc.r[0] = 'x|zz|7|0';
    const decoded = decode(JSON.stringify(doc))!;
    expect(decoded.reviews.map((r) => r.questionId)).toEqual([QUESTIONS[1]]);
  });
});
