import type { Question } from '../content/question-schema';
import { lessonUrl } from './urls';

/** The line above a question's prompt, by type. */
export const QUESTION_TYPE_LABELS: Readonly<Record<Question['type'], string>> = {
  recall: 'Вспомните',
  choice: 'Выберите ответ',
  scenario: 'Какая это ошибка?',
};

/** A question as the UI shows it: options resolved to text, the right one marked. */
export interface CardView {
  id: string;
  lessonSlug: string;
  type: Question['type'];
  prompt: string;
  /** For recall: the answer. For choice and scenario: the text of the right option. */
  answer: string;
  /** Empty for recall questions. */
  options: { key: string; text: string; correct: boolean }[];
  explanation: string;
  /** Link to the section to re-read. */
  sourceHref: string;
}

/** Turns a content question into what the UI renders; scenario options become lesson titles. */
export function toCardView(
  question: Question,
  lessonSlug: string,
  lessonTitles: ReadonlyMap<string, string>,
): CardView {
  const base = {
    id: question.id,
    lessonSlug,
    type: question.type,
    prompt: question.question,
    explanation: question.explanation,
    sourceHref: lessonUrl(lessonSlug, question.source),
  };
  switch (question.type) {
    case 'recall':
      return { ...base, answer: question.answer, options: [] };
    case 'choice': {
      const options = question.options.map((o, i) => ({ key: String(i), text: o.text, correct: o.correct }));
      return { ...base, answer: options.find((o) => o.correct)?.text ?? '', options };
    }
    case 'scenario': {
      const title = (slug: string) => lessonTitles.get(slug) ?? slug;
      const options = question.options.map((slug) => ({
        key: slug,
        text: title(slug),
        correct: slug === question.answer,
      }));
      return { ...base, answer: title(question.answer), options };
    }
  }
}
