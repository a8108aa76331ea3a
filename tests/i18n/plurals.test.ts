import { describe, expect, test } from 'vitest';
import { formatCards, formatQuestions, formatReviews, pluralRu } from '../../src/i18n/plurals';

describe('Russian plurals', () => {
  test('cards take the right form for 1, 3 and 5, and for the tricky teens and twenties', () => {
    expect([1, 3, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0].map(formatCards)).toEqual([
      '1 карточка',
      '3 карточки',
      '5 карточек',
      '11 карточек',
      '12 карточек',
      '14 карточек',
      '21 карточка',
      '22 карточки',
      '25 карточек',
      '101 карточка',
      '111 карточек',
      '0 карточек',
    ]);
  });

  test('large numbers are grouped the Russian way', () => {
    expect(formatCards(10000)).toBe('10\u00a0000 карточек');
  });

  test('fractions use the "other" form, falling back to "few"', () => {
    expect(pluralRu(1.5, { one: 'день', few: 'дня', many: 'дней' })).toBe('дня');
  });

  test('reviews and questions have their own forms', () => {
    expect([1, 2, 5].map(formatReviews)).toEqual(['1 повторение', '2 повторения', '5 повторений']);
    expect([1, 4, 7].map(formatQuestions)).toEqual(['1 вопрос', '4 вопроса', '7 вопросов']);
  });
});
