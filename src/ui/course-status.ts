/**
 * Parts the final check and the certificate share: the course's lessons with their question ids
 * (from `/cards.json`), what remains before the lessons count as completed, and the final check's
 * best and latest results.
 */
import type { CourseLesson, LessonRemaining } from '../domain/completion';
import { bestAndLatest, type FinalCheckAttempt } from '../domain/final-check';
import { attemptText, remainingText } from '../i18n/final-check';
import { formatQuestions } from '../i18n/plurals';
import type { CourseCards } from '../lib/course';
import { lessonUrl } from '../lib/urls';
import { h } from './dom';

/** The course's lessons in order, each with its question ids. */
export function courseLessons({ cards, lessons }: CourseCards): CourseLesson[] {
  return lessons.map((l) => ({ ...l, questionIds: cards.filter((c) => c.lessonSlug === l.slug).map((c) => c.id) }));
}

/** «Осталось ответить на … вопросов в … уроках:» and a link to each such lesson. */
export function remainingView(remaining: readonly LessonRemaining[]): HTMLElement {
  const questions = remaining.reduce((sum, l) => sum + l.remaining, 0);
  return h(
    'div',
    { class: 'course-remaining', 'data-remaining': questions },
    h('p', {}, remainingText(questions, remaining.length)),
    h(
      'ul',
      {},
      ...remaining.map((l) =>
        h('li', {}, h('a', { href: lessonUrl(l.slug) }, l.title), ` — ${formatQuestions(l.remaining)}`),
      ),
    ),
  );
}

/** The best and the latest result with their dates, or nothing before the first attempt. */
export function resultsView(attempts: readonly FinalCheckAttempt[]): HTMLElement | null {
  const results = bestAndLatest(attempts);
  if (!results) return null;
  return h(
    'dl',
    { class: 'final-results' },
    h('dt', {}, 'Лучший результат'),
    h('dd', { 'data-final-best': '' }, attemptText(results.best)),
    h('dt', {}, 'Последний'),
    h('dd', { 'data-final-latest': '' }, attemptText(results.latest)),
  );
}
