/**
 * The short report a learner copies for their mentor on /progress/: lessons passed, questions in
 * review and the share of answers recalled over the last 30 days. Produced in the browser from
 * the learner's own data; pure functions of that data and `nowMs`.
 */
import type { Review } from '../domain/review';
import { DAY_MS } from '../domain/study-day';
import { formatDate } from '../i18n/dates';
import { formatCount, formatQuestions, pluralRu } from '../i18n/plurals';
import { formatDays } from './study-plan';

/** How far back «вспомнено» looks, in days. */
export const RECALL_WINDOW_DAYS = 30;

/** The report's figures. */
export interface MentorReport {
  /** Lessons every one of whose questions has a card. */
  lessonsPassed: number;
  lessonsTotal: number;
  /** Questions of the course with a card (met at least once). */
  questionsInReview: number;
  /** Reviews in the last `RECALL_WINDOW_DAYS` days. */
  recentReviews: number;
  /** Of those, rated other than «Снова» (rating 1). */
  recentRecalled: number;
}

/** Counts the figures. `cards` is keyed by question id; cards of retired questions are not counted. */
export function mentorReport(
  lessons: readonly { questionIds: readonly string[] }[],
  cards: ReadonlyMap<string, unknown>,
  reviews: Iterable<Pick<Review, 'rating' | 'reviewedAt'>>,
  nowMs: number,
): MentorReport {
  const sinceMs = nowMs - RECALL_WINDOW_DAYS * DAY_MS;
  let recentReviews = 0;
  let recentRecalled = 0;
  for (const review of reviews) {
    if (review.reviewedAt < sinceMs) continue;
    recentReviews++;
    if (review.rating !== 1) recentRecalled++;
  }
  const met = (ids: readonly string[]) => ids.filter((id) => cards.has(id)).length;
  return {
    lessonsPassed: lessons.filter((l) => l.questionIds.length > 0 && met(l.questionIds) === l.questionIds.length)
      .length,
    lessonsTotal: lessons.length,
    questionsInReview: lessons.reduce((sum, l) => sum + met(l.questionIds), 0),
    recentReviews,
    recentRecalled,
  };
}

const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('ru-RU');

/**
 * The report as plain text, one fact a line:
 * «Пройдено 3 урока из 7.», «В повторении 21 вопрос.», «За 30 дней вспомнено 84 % ответов: 101 из 120.»
 */
export function mentorReportText(report: MentorReport, courseName: string, nowMs: number): string {
  const passed = pluralRu(report.lessonsPassed, { one: 'Пройден', few: 'Пройдено', many: 'Пройдено' });
  const lessons = formatCount(report.lessonsPassed, { one: 'урок', few: 'урока', many: 'уроков' });
  const window = `За ${formatDays(RECALL_WINDOW_DAYS)}`;
  const recall =
    report.recentReviews === 0
      ? `${window} повторений не было.`
      : `${window} вспомнено ${percent.format(report.recentRecalled / report.recentReviews)} ответов: ` +
        `${count.format(report.recentRecalled)} из ${count.format(report.recentReviews)}.`;
  return [
    `Мой прогресс в курсе «${courseName}» на ${formatDate(nowMs)}`,
    `${passed} ${lessons} из ${report.lessonsTotal}.`,
    `В повторении ${formatQuestions(report.questionsInReview)}.`,
    recall,
  ].join('\n');
}
