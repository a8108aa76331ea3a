import './tz-moscow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readCourseFiles } from '../../src/content/course-files';
import type { CardState } from '../../src/domain/card';
import {
  allReviews,
  buildDeck,
  EMPTY_DECK,
  emptyDeck,
  rate,
  withoutReviews,
  withReviews,
  type Deck,
  type QuestionReplacements,
} from '../../src/domain/deck';
import { cardDueAt } from '../../src/domain/due';
import { buildQueue, type QuestionRef } from '../../src/domain/queue';
import type { Rating, Review } from '../../src/domain/review';
import { createScheduler } from '../../src/domain/scheduler';
import { lessonStats } from '../../src/progress-stats/stats';
import { DAY, MIN, SETTINGS, at, review } from './fixtures';

// The product rule: a course rewrite does not set a learner back. A question that `replaces`
// retired ids takes over their reviews, so its card is where the retired card was.

/** The card fields that carry a learner's history; the interval is compared separately (fuzz). */
const HISTORY = ['phase', 'stability', 'difficulty', 'reps', 'lapses', 'lastReviewedAt', 'firstStudyDay'] as const;
const historyOf = (card: CardState | undefined) =>
  card && Object.fromEntries(HISTORY.map((field) => [field, card[field]]));

/**
 * How far ts-fsrs may move an interval of `days` by fuzz, either way (its FUZZ_RANGES: 1 day, plus
 * 15 % of the part between 2.5 and 7 days, 10 % between 7 and 20, 5 % beyond). Fuzz is seeded by
 * question id, so a replacing question draws again from the same range as the retired one.
 */
function fuzzDeltaDays(days: number): number {
  const ranges = [
    { start: 2.5, end: 7, factor: 0.15 },
    { start: 7, end: 20, factor: 0.1 },
    { start: 20, end: Number.POSITIVE_INFINITY, factor: 0.05 },
  ];
  return ranges.reduce((delta, r) => delta + r.factor * Math.max(Math.min(days, r.end) - r.start, 0), 1);
}

/** Two draws from one fuzz range differ by at most its width, plus a day for rounding. */
const intervalToleranceDays = (days: number) => Math.ceil(2 * fuzzDeltaDays(days)) + 1;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), so the simulated learner is the same on every run. */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A learner working through `questions` for `days` days from `startMs`: skips about one evening in
 * five, takes the due cards and up to 3 new questions a day, answers mostly «Хорошо», sometimes
 * «Снова» (then again ten minutes later), «Трудно» or «Легко». Returns the review log.
 */
function simulateLearner(questions: readonly QuestionRef[], startMs: number, days: number): Review[] {
  const random = randomSequence(2026_11);
  const settings = { ...SETTINGS, newPerDay: 3 };
  const log: Review[] = [];
  let progress: Deck = EMPTY_DECK;
  const answer = (questionId: string, rating: Rating, nowMs: number) => {
    const rated = rate(progress, {
      questionId,
      rating,
      nowMs,
      settings,
      id: `sim-${String(log.length).padStart(5, '0')}`,
    });
    progress = rated.deck;
    log.push(rated.review);
  };
  for (let day = 0; day < days; day++) {
    if (random() < 0.2) continue;
    let nowMs = startMs + day * DAY + Math.floor(random() * 180) * MIN;
    const queue = buildQueue({ cards: progress.cards, questions, nowMs, settings });
    const forgotten: string[] = [];
    for (const questionId of [...queue.due.map((i) => i.questionId), ...queue.newQuestions.map((q) => q.id)]) {
      const roll = random();
      const rating: Rating = roll < 0.12 ? 1 : roll < 0.25 ? 2 : roll < 0.9 ? 3 : 4;
      answer(questionId, rating, nowMs);
      if (rating === 1) forgotten.push(questionId);
      nowMs += MIN;
    }
    nowMs += 10 * MIN;
    for (const questionId of forgotten) answer(questionId, 3, nowMs);
  }
  return log;
}

describe('a course rewrite does not set a learner back (the real course against the ids of 2026-11)', () => {
  const course = readCourseFiles(
    join(import.meta.dirname, '../../content/lessons'),
    join(import.meta.dirname, '../../content/glossary.json'),
  );
  const oldCourse = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/question-ids-2026-11.json'), 'utf8'),
  ) as Record<string, string[]>;
  // The old course in the current lesson order, so the simulated learner goes lesson by lesson.
  const lessonOrder = course.lessons.map((l) => l.slug);
  const oldSlugs = [
    ...lessonOrder.filter((slug) => slug in oldCourse),
    ...Object.keys(oldCourse).filter((slug) => !lessonOrder.includes(slug)),
  ];
  const oldLessons = oldSlugs.map((slug) => ({ slug, questionIds: oldCourse[slug] ?? [] }));
  const oldQuestions: QuestionRef[] = oldLessons.flatMap((l) =>
    l.questionIds.map((id) => ({ id, lessonSlug: l.slug })),
  );
  const newLessons = course.lessons.map((l) => ({ slug: l.slug, questionIds: l.data.questions.map((q) => q.id) }));
  const newQuestions: QuestionRef[] = newLessons.flatMap((l) =>
    l.questionIds.map((id) => ({ id, lessonSlug: l.slug })),
  );
  const currentIds = new Set(newQuestions.map((q) => q.id));
  const replacements: QuestionReplacements = new Map(
    course.lessons.flatMap((l) => l.data.questions.flatMap((q) => (q.replaces ? [[q.id, q.replaces] as const] : []))),
  );

  // Six weeks on the old course, then the rewrite.
  const start = at('2026-10-05T19:00+03:00');
  const log = simulateLearner(oldQuestions, start, 42);
  const rewriteMs = start + 43 * DAY;
  const before = buildDeck(log, SETTINGS).deck;
  const after = buildDeck(log, SETTINGS, new Map(), replacements).deck;

  test('the simulated learner met every old question over several weeks', () => {
    expect(new Set(log.map((r) => r.questionId))).toEqual(new Set(oldQuestions.map((q) => q.id)));
    expect(log.length).toBeGreaterThan(3 * oldQuestions.length);
  });

  test('every old question id is still in the course or replaced by a current question', () => {
    const replaced = new Set([...replacements.values()].flat());
    const missing = oldQuestions.map((q) => q.id).filter((id) => !currentIds.has(id) && !replaced.has(id));
    expect(missing, "old ids neither kept nor listed in any question's «replaces»").toEqual([]);
  });

  test('a kept question keeps its card exactly', () => {
    const changed = oldQuestions.filter(
      (q) => currentIds.has(q.id) && !isDeepStrictEqual(after.cards.get(q.id), before.cards.get(q.id)),
    );
    expect(changed.map((q) => q.id)).toEqual([]);
  });

  test('a replacing question takes over the retired card: same history, interval within the fuzz', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const [newId, retired] of replacements) {
      const oldCards = retired.flatMap((id) => before.cards.get(id) ?? []);
      const card = after.cards.get(newId);
      if (oldCards.length === 0) {
        if (card) mismatches.push(`${newId}: has a card though none of ${retired.join(', ')} was reviewed`);
        continue;
      }
      if (!card) {
        mismatches.push(`${newId}: no card, though it replaces reviewed ${retired.join(', ')}`);
        continue;
      }
      const [oldCard] = oldCards;
      if (oldCards.length > 1 || !oldCard) {
        // A merge replays both histories as one card: every review counts, nothing else is comparable.
        const reps = oldCards.reduce((sum, c) => sum + c.reps, 0);
        if (card.reps !== reps) mismatches.push(`${newId}: ${card.reps} reps, the merged ids had ${reps}`);
        continue;
      }
      compared++;
      if (!isDeepStrictEqual(historyOf(card), historyOf(oldCard))) {
        mismatches.push(
          `${newId}: ${JSON.stringify(historyOf(card))}, ${oldCard.questionId} had ${JSON.stringify(historyOf(oldCard))}`,
        );
      }
      const tolerance = intervalToleranceDays(oldCard.scheduledDays);
      if (Math.abs(card.scheduledDays - oldCard.scheduledDays) > tolerance) {
        mismatches.push(
          `${newId}: interval ${card.scheduledDays} days, ${oldCard.questionId} had ${oldCard.scheduledDays} (±${tolerance})`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared, 'the course replaces no reviewed question, so nothing was compared').toBeGreaterThan(0);
  });

  test('no lesson shows fewer questions met after the rewrite', () => {
    const scheduler = createScheduler(SETTINGS);
    const metBefore = new Map(lessonStats(oldLessons, before.cards, scheduler, rewriteMs).map((s) => [s.slug, s.met]));
    const fallen = lessonStats(newLessons, after.cards, scheduler, rewriteMs)
      .filter((s) => s.met < (metBefore.get(s.slug) ?? 0))
      .map((s) => `${s.slug}: ${metBefore.get(s.slug)} met before, ${s.met} after`);
    expect(fallen).toEqual([]);
  });

  test('on none of the next 90 days are fewer of the course’s questions due', () => {
    const lower: string[] = [];
    for (let day = 0; day < 90; day++) {
      const nowMs = rewriteMs + day * DAY;
      const due = (cards: ReadonlyMap<string, CardState>) =>
        buildQueue({ cards, questions: newQuestions, nowMs, settings: SETTINGS }).due.length;
      if (due(after.cards) < due(before.cards))
        lower.push(`day ${day}: ${due(after.cards)} due, ${due(before.cards)} without replacements`);
    }
    expect(lower).toEqual([]);
    // Past the longest interval every card is due: each replacing question adds its inherited card.
    const muchLater = (cards: ReadonlyMap<string, CardState>) =>
      buildQueue({ cards, questions: newQuestions, nowMs: rewriteMs + 400 * DAY, settings: SETTINGS }).due.length;
    const inherited = [...replacements.keys()].filter((id) => after.cards.has(id)).length;
    expect(inherited).toBeGreaterThan(0);
    expect(muchLater(after.cards)).toBe(muchLater(before.cards) + inherited);
  });
});

describe('replacements on a tiny course', () => {
  const T0 = at('2026-03-02T10:00+03:00');
  const split: QuestionReplacements = new Map([
    ['q-new-a', ['q-old']],
    ['q-new-b', ['q-old']],
  ]);
  /** Three reviews of the retired question over ten days. */
  const oldLog = () => [review('q-old', 3, T0), review('q-old', 3, T0 + 3 * DAY), review('q-old', 2, T0 + 10 * DAY)];

  test('a split gives both new questions the old question’s history', () => {
    const log = oldLog();
    const oldCard = buildDeck(log, SETTINGS).deck.cards.get('q-old');
    const { cards } = buildDeck(log, SETTINGS, new Map(), split).deck;
    expect(oldCard?.reps).toBe(3);
    expect(historyOf(cards.get('q-new-a'))).toEqual(historyOf(oldCard));
    expect(historyOf(cards.get('q-new-b'))).toEqual(historyOf(oldCard));
    expect(cards.get('q-new-a')?.questionId).toBe('q-new-a');
    // The retired card stays, as every card of a question no longer in the course does.
    expect(cards.get('q-old')).toEqual(oldCard);
  });

  test('rating a replacing question continues from the old card: the interval grows instead of starting over', () => {
    const log = oldLog();
    const progress = buildDeck(log, SETTINGS, new Map(), split).deck;
    const inherited = progress.cards.get('q-new-a');
    if (!inherited) throw new Error('no inherited card');
    const nowMs = cardDueAt(inherited, SETTINGS) + 15 * 60 * MIN;
    const rated = rate(progress, { questionId: 'q-new-a', rating: 3, nowMs, settings: SETTINGS });
    const card = rated.deck.cards.get('q-new-a');
    const fresh = rate(emptyDeck(split), {
      questionId: 'q-fresh',
      rating: 3,
      nowMs,
      settings: SETTINGS,
    }).deck.cards.get('q-fresh');
    expect(card?.reps).toBe(4);
    expect(card?.scheduledDays).toBeGreaterThan(inherited.scheduledDays);
    expect(card?.scheduledDays).toBeGreaterThan(fresh?.scheduledDays ?? Infinity);
    expect(card?.stability).toBeGreaterThan(inherited.stability);

    // The cache entry fingerprints the whole inherited history, so the next load reuses it.
    const reloaded = buildDeck([...log, rated.review], SETTINGS, new Map([['q-new-a', rated.cacheEntry]]), split);
    expect(reloaded.deck.cards.get('q-new-a')).toEqual(card);
    expect(reloaded.replayedCount).toBe(2);
  });

  test('undoing a review of the old id updates the replacing card', () => {
    const log = oldLog();
    const [first, second, last] = log;
    if (!first || !second || !last) throw new Error('short log');
    const progress = buildDeck(log, SETTINGS, new Map(), split).deck;
    const undone = withoutReviews(progress, [last.id], SETTINGS);
    const expected = buildDeck([first, second], SETTINGS, new Map(), split).deck.cards.get('q-new-a');
    expect(undone.cards.get('q-new-a')).toEqual(expected);
    expect(undone.cards.get('q-new-a')).not.toEqual(progress.cards.get('q-new-a'));

    const allUndone = withoutReviews(undone, [first.id, second.id], SETTINGS);
    expect(allUndone.cards.has('q-new-a')).toBe(false);
    expect(allUndone.cards.has('q-new-b')).toBe(false);
  });

  test('a log with reviews of both the old and the new id replays them in time order', () => {
    const replacements: QuestionReplacements = new Map([['q-new', ['q-old']]]);
    // A second device still on the old course keeps reviewing the old id after the rewrite.
    const log = [
      review('q-new', 3, T0 + 3 * DAY),
      review('q-old', 3, T0 + 20 * DAY),
      review('q-old', 3, T0),
      review('q-new', 1, T0 + 10 * DAY),
      review('q-new', 3, T0 + 10 * DAY + 10 * MIN),
    ];
    const card = buildDeck(log, SETTINGS, new Map(), replacements).deck.cards.get('q-new');
    const asOneQuestion = log.map((r) => ({ ...r, questionId: 'q-new' }));
    expect(card).toEqual(buildDeck(asOneQuestion, SETTINGS).deck.cards.get('q-new'));
    expect(card?.reps).toBe(5);
    expect(card?.lapses).toBe(1);
    expect(card?.lastReviewedAt).toBe(T0 + 20 * DAY);

    // Reviews arriving one at a time, in any order (another tab, an import), end in the same card.
    let progress = emptyDeck(replacements);
    for (const r of [...log].reverse()) progress = withReviews(progress, [r], SETTINGS).deck;
    expect(progress.cards.get('q-new')).toEqual(card);
  });

  test('reviewCount counts each review once, however many questions replay it', () => {
    const log = oldLog();
    const progress = buildDeck(log, SETTINGS, new Map(), split).deck;
    expect(progress.reviewCount).toBe(3);
    expect(allReviews(progress)).toEqual(log);

    const rated = rate(progress, { questionId: 'q-new-b', rating: 3, nowMs: T0 + 30 * DAY, settings: SETTINGS });
    expect(rated.deck.reviewCount).toBe(4);
    expect(withoutReviews(rated.deck, [rated.review.id], SETTINGS).reviewCount).toBe(3);
    expect(withReviews(progress, log, SETTINGS).deck.reviewCount).toBe(3);
  });
});
