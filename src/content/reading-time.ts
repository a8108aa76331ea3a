import type { Question } from './question-schema';

/** Silent reading speed for Russian non-fiction, in words per minute. */
export const WORDS_PER_MINUTE = 180;
/** Time to think before answering one question, in seconds, on top of reading it. */
export const THINKING_SECONDS_PER_QUESTION = 15;

/** Counts the words of prose in an MDX body, ignoring tags and JSX expressions. */
export function countWords(body: string): number {
  const prose = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_>`|-]+/g, ' ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The words a learner reads to answer a question and take in its feedback. */
function questionWords(question: Question): number {
  const parts = [question.question, question.explanation];
  if (question.type === 'recall') parts.push(question.answer);
  if (question.type === 'choice') parts.push(...question.options.map((o) => o.text));
  // A scenario's options are lesson titles of about four words each.
  const titles = question.type === 'scenario' ? question.options.length * 4 : 0;
  return countWords(parts.join(' ')) + titles;
}

/**
 * Honest time for a lesson, in whole minutes rounded up: everything the learner reads (the text,
 * each question, its options or answer, its explanation) at WORDS_PER_MINUTE, plus
 * THINKING_SECONDS_PER_QUESTION for each question.
 */
export function lessonMinutes(body: string, questions: readonly Question[]): number {
  const words = countWords(body) + questions.reduce((sum, q) => sum + questionWords(q), 0);
  const seconds = (words / WORDS_PER_MINUTE) * 60 + questions.length * THINKING_SECONDS_PER_QUESTION;
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The rule above in words, for the pages that show a time. */
export const TIME_RULE =
  `Время посчитано так: весь текст урока, вопросы, варианты ответов и объяснения — по ${WORDS_PER_MINUTE} слов ` +
  `в минуту, плюс ${THINKING_SECONDS_PER_QUESTION} секунд на раздумье над каждым вопросом.`;
