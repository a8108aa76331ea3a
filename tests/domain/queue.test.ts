import './tz-moscow';
import { describe, expect, test } from 'vitest';
import { buildDeck } from '../../src/domain/deck';
import { cardDueAt, isDueOn } from '../../src/domain/due';
import { buildQueue, type QuestionRef } from '../../src/domain/queue';
import { studyDayAt } from '../../src/domain/study-day';
import type { Review } from '../../src/domain/review';
import { createScheduler } from '../../src/domain/scheduler';
import { DAY, MIN, SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const QUESTIONS: QuestionRef[] = [
  { id: 'a-1', lessonSlug: 'lesson-a' },
  { id: 'a-2', lessonSlug: 'lesson-a' },
  { id: 'a-3', lessonSlug: 'lesson-a' },
  { id: 'b-1', lessonSlug: 'lesson-b' },
  { id: 'b-2', lessonSlug: 'lesson-b' },
  { id: 'c-1', lessonSlug: 'lesson-c' },
];
const cardsOf = (log: Review[]) => buildDeck(log, SETTINGS).deck.cards;
const queueAt = (log: Review[], nowMs: number, extra: { lessonSlug?: string; newPerDay?: number } = {}) =>
  buildQueue({
    cards: cardsOf(log),
    questions: QUESTIONS,
    nowMs,
    settings: { ...SETTINGS, newPerDay: extra.newPerDay ?? 10 },
    lessonSlug: extra.lessonSlug,
  });

describe('due queue', () => {
  test('a card becomes due at 04:00 on its due study day, not before', () => {
    const log = [review('a-1', 3, T0)];
    const card = cardsOf(log).get('a-1');
    if (!card) throw new Error('no card');
    const dueDate = new Date(T0 + card.scheduledDays * DAY).toISOString().slice(0, 10);
    expect(cardDueAt(card, SETTINGS)).toBe(at(`${dueDate}T04:00+03:00`));
    expect(isDueOn(card, studyDayAt(at(`${dueDate}T03:59+03:00`), SETTINGS.dayStartHour))).toBe(false);
    expect(isDueOn(card, studyDayAt(at(`${dueDate}T04:00+03:00`), SETTINGS.dayStartHour))).toBe(true);
    expect(queueAt(log, at(`${dueDate}T03:59+03:00`)).due).toEqual([]);
    expect(queueAt(log, at(`${dueDate}T04:00+03:00`)).due.map((i) => i.questionId)).toEqual(['a-1']);
  });

  test('a card reviewed late in the evening and due tomorrow is due from 04:00, not from the evening hour', () => {
    const log = [review('a-1', 2, at('2026-03-02T23:30+03:00'))];
    const card = cardsOf(log).get('a-1');
    expect(card?.scheduledDays).toBe(1);
    expect(queueAt(log, at('2026-03-03T04:05+03:00')).due).toHaveLength(1);
  });

  test('lowest predicted recall comes first', () => {
    const log = [review('a-1', 3, T0 - 20 * DAY), review('b-1', 3, T0 - 40 * DAY), review('c-1', 3, T0 - 10 * DAY)];
    const queue = queueAt(log, T0);
    expect(queue.due.map((i) => i.questionId)).toEqual(['b-1', 'a-1', 'c-1']);
    const cards = cardsOf(log);
    const recalls = queue.due.map((i) => createScheduler(SETTINGS).retrievability(cards.get(i.questionId)!, T0));
    expect([...recalls].sort((x, y) => x - y)).toEqual(recalls);
  });

  test('lessons are interleaved: no two cards of one lesson in a row while another lesson has cards', () => {
    const log = [
      review('a-1', 3, T0 - 40 * DAY),
      review('a-2', 3, T0 - 39 * DAY),
      review('a-3', 3, T0 - 38 * DAY),
      review('b-1', 3, T0 - 10 * DAY),
      review('c-1', 3, T0 - 9 * DAY),
    ];
    expect(queueAt(log, T0).due.map((i) => i.lessonSlug)).toEqual([
      'lesson-a',
      'lesson-b',
      'lesson-a',
      'lesson-c',
      'lesson-a',
    ]);
  });

  test("a lesson filter keeps only that lesson's cards and new questions", () => {
    const log = [review('a-1', 3, T0 - 40 * DAY), review('b-1', 3, T0 - 40 * DAY)];
    const queue = queueAt(log, T0, { lessonSlug: 'lesson-b' });
    expect(queue.due.map((i) => i.questionId)).toEqual(['b-1']);
    expect(queue.newQuestions.map((q) => q.id)).toEqual(['b-2']);
  });

  test('new questions come only from lessons the learner has opened; due cards from any lesson', () => {
    const log = [review('a-1', 3, T0 - 40 * DAY), review('c-1', 3, T0 - 40 * DAY)];
    const queue = buildQueue({
      cards: cardsOf(log),
      questions: QUESTIONS,
      nowMs: T0,
      settings: SETTINGS,
      openedLessons: new Set(['lesson-b']),
    });
    expect(queue.due.map((i) => i.questionId).sort()).toEqual(['a-1', 'c-1']);
    expect(queue.newQuestions.map((q) => q.id)).toEqual(['b-1', 'b-2']);
    expect(
      buildQueue({ cards: new Map(), questions: QUESTIONS, nowMs: T0, settings: SETTINGS, openedLessons: new Set() })
        .newQuestions,
    ).toEqual([]);
  });

  test('a card rated «Снова» waits at the end of the queue until it is due again, then takes its place', () => {
    const log = [review('a-1', 3, T0 - 30 * DAY), review('b-1', 1, T0)];
    const soon = queueAt(log, T0 + MIN);
    expect(soon.due.map((i) => [i.questionId, i.later])).toEqual([
      ['a-1', false],
      ['b-1', true],
    ]);
    const later = queueAt(log, T0 + 11 * MIN);
    expect(later.due.find((i) => i.questionId === 'b-1')?.later).toBe(false);
  });

  test('new questions are offered separately, in course order, up to new-per-day minus those started today', () => {
    const log = [review('a-1', 3, T0 - 5 * MIN), review('a-2', 1, T0 - 3 * MIN), review('b-1', 3, T0 - 3 * DAY)];
    const queue = queueAt(log, T0, { newPerDay: 3 });
    expect(queue.newLeftToday).toBe(1);
    expect(queue.newQuestions.map((q) => q.id)).toEqual(['a-3']);
    expect(queue.due.map((i) => i.questionId)).not.toContain('a-3');
  });

  test("new questions started yesterday do not count against today's limit", () => {
    const queue = queueAt([review('a-1', 3, T0 - DAY)], T0, { newPerDay: 2 });
    expect(queue.newLeftToday).toBe(2);
    expect(queue.newQuestions.map((q) => q.id)).toEqual(['a-2', 'a-3']);
  });

  test('reviews of unknown question ids are kept in the cards but never queued or counted', () => {
    const log = [review('gone', 3, T0 - 60 * DAY), review('a-1', 3, T0 - 60 * DAY)];
    const cards = cardsOf(log);
    expect(cards.has('gone')).toBe(true);
    const queue = queueAt(log, T0);
    expect(queue.due.map((i) => i.questionId)).toEqual(['a-1']);
  });

  test('the due cards include those waiting after «Снова»', () => {
    const log = [review('a-1', 3, T0 - 30 * DAY), review('b-1', 1, T0), review('c-1', 4, T0)];
    const cards = cardsOf(log);
    const input = { cards, questions: QUESTIONS, nowMs: T0 + MIN, settings: SETTINGS };
    expect(
      buildQueue(input)
        .due.map((item) => item.questionId)
        .sort(),
    ).toEqual(['a-1', 'b-1']);
  });

  test('when nothing is due the queue says when the next card is due', () => {
    const log = [review('a-1', 3, T0), review('b-1', 4, T0)];
    const cards = cardsOf(log);
    const queue = queueAt(log, T0 + MIN);
    expect(queue.due).toEqual([]);
    const soonest = Math.min(...[...cards.values()].map((c) => cardDueAt(c, SETTINGS)));
    expect(queue.nextDueAt).toBe(soonest);
    expect(new Date(soonest).toISOString()).toMatch(/T01:00:00/);
  });

  test('with the clock far behind the last review nothing is due and no value is NaN', () => {
    const log = [review('a-1', 3, T0), review('b-1', 1, T0)];
    const queue = queueAt(log, T0 - 30 * DAY);
    for (const item of queue.due) expect(Number.isFinite(item.forgetting) && Number.isFinite(item.dueAt)).toBe(true);
    expect(queue.nextDueAt === null || Number.isFinite(queue.nextDueAt)).toBe(true);
    expect(createScheduler(SETTINGS).retrievability(cardsOf(log).get('a-1')!, T0 - 30 * DAY)).toBe(1);
  });
});
