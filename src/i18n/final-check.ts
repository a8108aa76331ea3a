/** Russian text for the final check's results (final-check page, certificate, progress). */
import { scorePercent, type FinalCheckAttempt } from '../domain/final-check';
import { formatDate } from './dates';
import { formatCount, formatQuestions } from './plurals';

/** «8 из 10 — 80 %» (a non-breaking space before «%»). */
export function scoreText(result: Pick<FinalCheckAttempt, 'score' | 'total'>): string {
  return `${result.score} из ${result.total} — ${scorePercent(result)}\u00a0%`;
}

/** «8 из 10 — 80 %, 12 марта 2026 г.» */
export function attemptText(attempt: FinalCheckAttempt): string {
  return `${scoreText(attempt)}, ${formatDate(attempt.finishedAt)}`;
}

/** «Осталось ответить на 5 вопросов в 2 уроках:» */
export function remainingText(questions: number, lessons: number): string {
  return `Осталось ответить на ${formatQuestions(questions)} в ${formatCount(lessons, { one: 'уроке', few: 'уроках', many: 'уроках' })}:`;
}
