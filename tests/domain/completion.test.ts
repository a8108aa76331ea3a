import './tz-moscow';
import { describe, expect, test } from 'vitest';
import { buildDeck } from '../../src/domain/deck';
import { firstAnswerAt, lessonsCompletedAt, remainingByLesson } from '../../src/domain/completion';
import { DAY, SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const LESSONS = [
  { slug: 'a', title: 'Урок А', questionIds: ['a-1', 'a-2'] },
  { slug: 'b', title: 'Урок Б', questionIds: ['b-1'] },
];

describe('course completion', () => {
  test('lists the lessons with questions never answered, and how many', () => {
    expect(remainingByLesson(LESSONS, new Set(['a-1']))).toEqual([
      { slug: 'a', title: 'Урок А', remaining: 1 },
      { slug: 'b', title: 'Урок Б', remaining: 1 },
    ]);
    expect(remainingByLesson(LESSONS, new Set(['a-1', 'a-2', 'b-1']))).toEqual([]);
  });

  test('the lessons are completed when the last question got its first answer; later reviews change nothing', () => {
    const reviews = [
      review('a-1', 3, T0),
      review('a-1', 1, T0 + 5 * DAY),
      review('b-1', 3, T0 + DAY),
      review('a-2', 1, T0 + 2 * DAY),
      review('a-2', 3, T0 + 3 * DAY),
    ];
    const deck = buildDeck(reviews, SETTINGS).deck;
    expect(lessonsCompletedAt(deck, LESSONS)).toBe(T0 + 2 * DAY);
    expect(firstAnswerAt(deck, LESSONS)).toBe(T0);
  });

  test('nothing is completed while a question has no answer, and an empty deck has no first answer', () => {
    const deck = buildDeck([review('a-1', 3, T0), review('a-2', 3, T0)], SETTINGS).deck;
    expect(lessonsCompletedAt(deck, LESSONS)).toBeNull();
    const empty = buildDeck([], SETTINGS).deck;
    expect(lessonsCompletedAt(empty, LESSONS)).toBeNull();
    expect(firstAnswerAt(empty, LESSONS)).toBeNull();
  });

  test('a rewritten question counts as answered through the reviews of the id it replaces', () => {
    const replacements = new Map([['b-1', ['b-old']]]);
    const deck = buildDeck(
      [review('a-1', 3, T0), review('a-2', 3, T0), review('b-old', 3, T0 - DAY)],
      SETTINGS,
      new Map(),
      replacements,
    ).deck;
    expect(lessonsCompletedAt(deck, LESSONS)).toBe(T0);
    expect(firstAnswerAt(deck, LESSONS)).toBe(T0 - DAY);
  });
});
