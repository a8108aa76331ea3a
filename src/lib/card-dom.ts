/** Reading a question back from its static markup (QuestionStatic), in the browser. */
import type { CardView } from './card-view';

const TYPES: ReadonlySet<string> = new Set(['recall', 'choice', 'scenario']);

/** The card a static question element shows; null when the element is not one. */
export function readCardView(el: Element): CardView | null {
  const data = (el as HTMLElement).dataset;
  const [answer, explanation] = [...el.querySelectorAll('.question-answer > p')].map((p) => p.textContent ?? '');
  const prompt = el.querySelector('.question-prompt')?.textContent;
  if (!data.questionId || !data.type || !TYPES.has(data.type) || !prompt || answer === undefined) return null;
  return {
    id: data.questionId,
    lessonSlug: data.lesson ?? '',
    type: data.type as CardView['type'],
    prompt,
    answer,
    options: [...el.querySelectorAll<HTMLElement>('.question-options > li')].map((li) => ({
      key: li.dataset.key ?? '',
      text: li.textContent ?? '',
      correct: li.dataset.correct !== undefined,
    })),
    explanation: explanation ?? '',
    sourceHref: data.source ?? '',
  };
}
