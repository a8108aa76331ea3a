import { QUESTION_TYPE_LABELS, type CardView } from '../lib/card-view';

/**
 * A question readable without JavaScript: the prompt, the options, and the answer behind a
 * disclosure. Its data attributes carry the rest of the card, so a lesson's script reads its
 * questions from the page (`readCardView` in src/lib/card-dom.ts) instead of a second copy. In a
 * lesson the explanation is left out (`explanation={false}`): the lesson's text is the
 * explanation, and the quiz shows each card's own from `/cards.json` once answered.
 */
export function QuestionStatic({ card, explanation = true }: { card: CardView; explanation?: boolean }) {
  return (
    <div
      class="question"
      data-question-id={card.id}
      data-type={card.type}
      data-lesson={card.lessonSlug}
      data-source={card.sourceHref}
    >
      <p class="question-type">{QUESTION_TYPE_LABELS[card.type]}</p>
      <p class="question-prompt">{card.prompt}</p>
      {card.options.length > 0 && (
        <ul class="question-options">
          {card.options.map((o) => (
            <li key={o.key} data-key={o.key} data-correct={o.correct ? '' : undefined}>
              {o.text}
            </li>
          ))}
        </ul>
      )}
      <details class="question-answer">
        <summary>Показать ответ</summary>
        <p>
          <strong>{card.answer}</strong>
        </p>
        {explanation && <p>{card.explanation}</p>}
      </details>
    </div>
  );
}
