import '../domain/tz-moscow';
import { describe, expect, test } from 'vitest';
import type { Rating } from '../../src/domain/review';
import { mentorReport, mentorReportText, type MentorReport } from '../../src/trainers/mentor-report';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-03-10T09:00:00+03:00');
const lessons = [{ questionIds: ['a1', 'a2'] }, { questionIds: ['b1', 'b2', 'b3'] }, { questionIds: ['c1'] }];
const cards = (ids: string[]) => new Map(ids.map((id) => [id, {}]));
const review = (rating: Rating, daysAgo: number) => ({ rating, reviewedAt: NOW - daysAgo * DAY_MS });

describe('mentorReport', () => {
  test('counts a lesson as passed only when every one of its questions has a card', () => {
    const report = mentorReport(lessons, cards(['a1', 'a2', 'b1', 'retired']), [], NOW);
    expect(report).toMatchObject({ lessonsPassed: 1, lessonsTotal: 3, questionsInReview: 3 });
  });

  test('recalled is the share of the last 30 days’ reviews not rated «Снова»; older ones do not count', () => {
    const reviews = [review(3, 0), review(1, 1), review(2, 29.9), review(4, 29), review(1, 30.1), review(3, 90)];
    expect(mentorReport(lessons, cards([]), reviews, NOW)).toMatchObject({ recentReviews: 4, recentRecalled: 3 });
  });
});

describe('mentorReportText', () => {
  const report: MentorReport = {
    lessonsPassed: 3,
    lessonsTotal: 7,
    questionsInReview: 21,
    recentReviews: 120,
    recentRecalled: 101,
  };

  test('reads as four short Russian lines with the date, plurals and a percentage', () => {
    expect(mentorReportText(report, 'Курс', NOW)).toBe(
      [
        'Мой прогресс в курсе «Курс» на 10 марта 2026 г.',
        'Пройдено 3 урока из 7.',
        'В повторении 21 вопрос.',
        'За 30 дней вспомнено 84\u00a0% ответов: 101 из 120.',
      ].join('\n'),
    );
  });

  test('agrees the verb and noun with the number of lessons', () => {
    const line = (lessonsPassed: number) => mentorReportText({ ...report, lessonsPassed }, 'Курс', NOW).split('\n')[1];
    expect([0, 1, 2, 5].map(line)).toEqual([
      'Пройдено 0 уроков из 7.',
      'Пройден 1 урок из 7.',
      'Пройдено 2 урока из 7.',
      'Пройдено 5 уроков из 7.',
    ]);
  });

  test('says so when there were no reviews in 30 days, rather than a share of nothing', () => {
    const text = mentorReportText({ ...report, recentReviews: 0, recentRecalled: 0 }, 'Курс', NOW);
    expect(text.split('\n').at(-1)).toBe('За 30 дней повторений не было.');
  });
});
