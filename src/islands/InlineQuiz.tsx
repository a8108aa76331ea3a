import { useRef, useState } from 'preact/hooks';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { StorageAlerts } from '../components/StorageAlerts';
import { QuestionStatic } from '../components/QuestionStatic';
import { cardDueAt } from '../domain/queue';
import { createScheduler } from '../domain/scheduler';
import { endSentence, formatDueAt } from '../i18n/dates';
import type { CardView } from '../lib/card-view';
import QuestionCard from './QuestionCard';

/**
 * A lesson's checkpoint: the static questions (server and first render), then interactive ones.
 * Answering enters a question into the deck; questions already in it show when they come back.
 */
export default function InlineQuiz({ cards }: { cards: CardView[] }) {
  const state = useRuntimeState();
  const learnedAtLoad = useRef<Set<string> | null>(null);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  if (!state.ready)
    return (
      <>
        {cards.map((card) => (
          <QuestionStatic key={card.id} card={card} />
        ))}
      </>
    );
  learnedAtLoad.current ??= new Set(cards.filter((c) => state.deck.cards.has(c.id)).map((c) => c.id));
  const now = pageRuntime().now();
  const scheduler = createScheduler(state.settings);
  const dueText = (id: string) => {
    const card = state.deck.cards.get(id);
    return card ? endSentence(`Следующее повторение: ${formatDueAt(cardDueAt(card, state.settings), now)}`) : '';
  };
  const done = (id: string) => setAnswered((s) => new Set(s).add(id));

  return (
    <>
      <StorageAlerts state={state} />
      {cards.map((card) => {
        if (learnedAtLoad.current?.has(card.id) || answered.has(card.id)) {
          return (
            <div class="question question-learned" data-question-id={card.id} key={card.id}>
              <p class="question-prompt">{card.prompt}</p>
              <p role="status">
                {answered.has(card.id) ? 'Ответ сохранён. ' : 'Этот вопрос уже в ваших карточках. '}
                {dueText(card.id)}
              </p>
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
        return (
          <QuestionCard
            key={card.id}
            card={card}
            previews={scheduler.preview(card.id, state.deck.cards.get(card.id), now)}
            onRate={(rating, stay) => {
              void pageRuntime().rate(card.id, rating);
              if (!stay) done(card.id);
            }}
            onContinue={() => done(card.id)}
          />
        );
      })}
    </>
  );
}
