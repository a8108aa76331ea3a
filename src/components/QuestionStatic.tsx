import type { CardView } from '../lib/card-view';

const TYPE_LABEL: Record<CardView['type'], string> = {
  recall: 'Вспомните',
  choice: 'Выберите ответ',
  scenario: 'Какая это ошибка?',
};

/** A question readable without JavaScript: the prompt, the options, and the answer behind a disclosure. */
export function QuestionStatic({ card }: { card: CardView }) {
  return (
    <div class="question" data-question-id={card.id}>
      <p class="question-type">{TYPE_LABEL[card.type]}</p>
      <p class="question-prompt">{card.prompt}</p>
      {card.options.length > 0 && (
        <ul class="question-options">
          {card.options.map((o) => (
            <li key={o.key}>{o.text}</li>
          ))}
        </ul>
      )}
      <details class="question-answer">
        <summary>Показать ответ</summary>
        <p>
          <strong>{card.answer}</strong>
        </p>
        <p>{card.explanation}</p>
      </details>
    </div>
  );
}
