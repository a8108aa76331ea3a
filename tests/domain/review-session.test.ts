import './tz-moscow';
import { describe, expect, test } from 'vitest';
import {
  continued,
  currentQuestionId,
  NEW_SESSION,
  offersNewQuestions,
  ratingGiven,
  ratingSaved,
  sessionProgress,
  startNewQuestions,
  undoLast,
  type ReviewSession,
} from '../../src/domain/review-session';
import { EMPTY_DECK, rate, withoutReviews, type Deck } from '../../src/domain/deck';
import { buildQueue, type Queue, type QuestionRef } from '../../src/domain/queue';
import type { Rating } from '../../src/domain/review';
import { DAY, MIN, SETTINGS, at } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const item = (questionId: string, later = false) => ({
  questionId,
  lessonSlug: 'l',
  forgetting: 0.5,
  dueAt: T0,
  later,
});
const queueOf = (due: string[], newIds: string[] = [], newLeftToday = 10): Queue => ({
  due: due.map((id) => item(id)),
  newQuestions: newIds.map((id) => ({ id, lessonSlug: 'l' })),
  newLeftToday,
  nextDueAt: null,
});

describe('the current card', () => {
  test('is the first due card', () => {
    expect(currentQuestionId(NEW_SESSION, queueOf(['a', 'b'], ['n']))).toBe('a');
  });

  test('is a new question only once the learner has asked for new ones, and due cards come first', () => {
    expect(currentQuestionId(NEW_SESSION, queueOf([], ['n1', 'n2']))).toBeUndefined();
    const withNew = startNewQuestions(NEW_SESSION);
    expect(currentQuestionId(withNew, queueOf([], ['n1', 'n2']))).toBe('n1');
    expect(currentQuestionId(withNew, queueOf(['a'], ['n1']))).toBe('a');
  });

  test('a card waiting out its «Снова» step comes after the new questions, and before nothing else', () => {
    const queue: Queue = { ...queueOf([], ['n1']), due: [item('a'), item('w', true)] };
    const withNew = startNewQuestions(NEW_SESSION);
    expect(currentQuestionId(withNew, queue)).toBe('a');
    expect(currentQuestionId(withNew, { ...queue, due: [item('w', true)] })).toBe('n1');
    expect(currentQuestionId(withNew, { ...queue, due: [item('w', true)], newQuestions: [] })).toBe('w');
    expect(currentQuestionId(NEW_SESSION, { ...queue, due: [item('w', true)] })).toBe('w');
  });

  test('stays the card answered wrong until «Дальше», whatever the queue now says', () => {
    const wrong = ratingGiven(NEW_SESSION, 'b', true);
    expect(currentQuestionId(wrong, queueOf(['a', 'b']))).toBe('b');
    expect(currentQuestionId(continued(wrong), queueOf(['a', 'b']))).toBe('a');
  });

  test('is nothing when nothing is due and no new questions were asked for', () => {
    expect(currentQuestionId(NEW_SESSION, queueOf([]))).toBeUndefined();
  });
});

describe('card keys', () => {
  test('a right rating, «Дальше» and undo each mount a fresh card; a wrong pick keeps the card on screen', () => {
    const rated = ratingGiven(NEW_SESSION, 'a', false);
    expect(rated.step).toBe(NEW_SESSION.step + 1);
    const wrong = ratingGiven(rated, 'b', true);
    expect(wrong.step).toBe(rated.step);
    const next = continued(wrong);
    expect(next.step).toBe(wrong.step + 1);
    expect(next.pendingWrongId).toBeNull();
    const undone = undoLast(ratingSaved(next, 'r1'));
    expect(undone?.session.step).toBe(next.step + 1);
  });
});

describe('the progress bar', () => {
  test('counts saved ratings against them plus the cards still to go', () => {
    const session = ratingSaved(ratingSaved(NEW_SESSION, 'r1'), 'r2');
    expect(sessionProgress(session, queueOf(['a', 'b'], ['n1']))).toEqual({ valueNow: 2, valueMax: 4, percent: 50 });
  });

  test('counts new questions only after the learner asked for them', () => {
    expect(sessionProgress(NEW_SESSION, queueOf(['a'], ['n1', 'n2'])).valueMax).toBe(1);
    expect(sessionProgress(startNewQuestions(NEW_SESSION), queueOf(['a'], ['n1', 'n2'])).valueMax).toBe(3);
  });

  test('never divides by zero when the session is empty', () => {
    expect(sessionProgress(NEW_SESSION, queueOf([]))).toEqual({ valueNow: 0, valueMax: 1, percent: 0 });
  });

  test('is full when everything is done', () => {
    expect(sessionProgress(ratingSaved(NEW_SESSION, 'r1'), queueOf([])).percent).toBe(100);
  });
});

describe('undo', () => {
  test('takes back the last saved review, then the one before, then nothing', () => {
    const session = ratingSaved(ratingSaved(NEW_SESSION, 'r1'), 'r2');
    const first = undoLast(session);
    expect(first?.reviewId).toBe('r2');
    expect(first?.session.doneReviewIds).toEqual(['r1']);
    const second = first && undoLast(first.session);
    expect(second?.reviewId).toBe('r1');
    expect(second && undoLast(second.session)).toBeNull();
  });

  test('drops a wrong card still being explained, so the queue decides what comes next', () => {
    const wrong = ratingSaved(ratingGiven(NEW_SESSION, 'b', true), 'r1');
    const undone = undoLast(wrong);
    expect(undone?.session.pendingWrongId).toBeNull();
    expect(currentQuestionId(undone!.session, queueOf(['b', 'a']))).toBe('b');
  });

  test('keeps the learner’s request for new questions', () => {
    const session = ratingSaved(startNewQuestions(NEW_SESSION), 'r1');
    expect(undoLast(session)?.session.withNew).toBe(true);
  });
});

describe('the offer of new questions', () => {
  test('shows when nothing is on screen and some may still be started today', () => {
    expect(offersNewQuestions(NEW_SESSION, queueOf([], ['n1']))).toBe(true);
  });

  test('hides while a card is on screen, once asked for, and when today’s limit is used up', () => {
    expect(offersNewQuestions(NEW_SESSION, queueOf(['a'], ['n1']))).toBe(false);
    expect(offersNewQuestions(startNewQuestions(NEW_SESSION), queueOf([], ['n1']))).toBe(false);
    expect(offersNewQuestions(NEW_SESSION, queueOf([], [], 0))).toBe(false);
    expect(offersNewQuestions(NEW_SESSION, queueOf([], [], 5))).toBe(false);
  });
});

describe('a whole session on the real queue', () => {
  const QUESTIONS: QuestionRef[] = [
    { id: 'a-1', lessonSlug: 'lesson-a' },
    { id: 'a-2', lessonSlug: 'lesson-a' },
    { id: 'b-1', lessonSlug: 'lesson-b' },
  ];

  /** Plays the island's part: rate the current card at `nowMs`, as Review.tsx does. */
  function play(progress: Deck, session: ReviewSession, rating: Rating, nowMs: number) {
    const id = currentQuestionId(session, queueAt(progress, nowMs));
    if (!id) throw new Error('no card on screen');
    const rated = rate(progress, { questionId: id, rating, nowMs, settings: SETTINGS });
    return { id, progress: rated.deck, session: ratingSaved(ratingGiven(session, id, rating === 1), rated.review.id) };
  }
  const queueAt = (progress: Deck, nowMs: number, newPerDay = SETTINGS.newPerDay) =>
    buildQueue({
      cards: progress.cards,
      questions: QUESTIONS,
      nowMs,
      settings: { ...SETTINGS, newPerDay },
      lessonSlug: undefined,
    });

  test('a card answered wrong is explained, then comes back after the others, and the bar grows by one', () => {
    let progress = EMPTY_DECK;
    for (const id of ['a-1', 'a-2', 'b-1'])
      progress = rate(progress, { questionId: id, rating: 3, nowMs: T0 - 10 * DAY, settings: SETTINGS }).deck;
    let session = NEW_SESSION;
    let now = T0;
    const first = currentQuestionId(session, queueAt(progress, now));
    expect(sessionProgress(session, queueAt(progress, now)).valueMax).toBe(3);

    ({ progress, session } = play(progress, session, 1, now));
    expect(currentQuestionId(session, queueAt(progress, now))).toBe(first);
    expect(sessionProgress(session, queueAt(progress, now))).toMatchObject({ valueNow: 1, valueMax: 4 });
    session = continued(session);

    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      now += MIN / 4;
      const played = play(progress, session, 3, now);
      order.push(played.id);
      ({ progress, session } = played);
    }
    expect(order).toHaveLength(3);
    expect(order[2]).toBe(first);
    expect(new Set(order).size).toBe(3);
    expect(currentQuestionId(session, queueAt(progress, now))).toBeUndefined();
    expect(sessionProgress(session, queueAt(progress, now))).toMatchObject({ valueNow: 4, valueMax: 4, percent: 100 });
  });

  test('a new question answered wrong comes back after the other new questions, not straight after «Дальше»', () => {
    let progress = EMPTY_DECK;
    let session = startNewQuestions(NEW_SESSION);
    const order: string[] = [];
    let now = T0;
    for (
      let id = currentQuestionId(session, queueAt(progress, now));
      id;
      id = currentQuestionId(session, queueAt(progress, now))
    ) {
      const wrong = order.length === 0;
      const played = play(progress, session, wrong ? 1 : 3, now);
      order.push(played.id);
      ({ progress, session } = played);
      if (wrong) session = continued(session);
      now += MIN / 4;
    }
    expect(order).toEqual(['a-1', 'a-2', 'b-1', 'a-1']);
  });

  test('new questions stop at the day’s limit, and undoing one offers it again', () => {
    let progress = EMPTY_DECK;
    let session = startNewQuestions(NEW_SESSION);
    const limit = 2;
    const started: string[] = [];
    for (
      let id = currentQuestionId(session, queueAt(progress, T0, limit));
      id;
      id = currentQuestionId(session, queueAt(progress, T0, limit))
    ) {
      const rated = rate(progress, { questionId: id, rating: 3, nowMs: T0, settings: SETTINGS });
      progress = rated.deck;
      session = ratingSaved(ratingGiven(session, id, false), rated.review.id);
      started.push(id);
    }
    expect(started).toEqual(['a-1', 'a-2']);
    expect(queueAt(progress, T0, limit).newLeftToday).toBe(0);

    const undone = undoLast(session)!;
    progress = withoutReviews(progress, [undone.reviewId], SETTINGS);
    expect(currentQuestionId(undone.session, queueAt(progress, T0, limit))).toBe('a-2');
  });
});
