import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IntervalPreview } from '../domain/card';
import type { Rating } from '../domain/review';
import { RATING_LABELS, ratingButtonLabel } from '../i18n/ratings';
import type { CardView } from '../lib/card-view';

const TYPE_LABEL: Record<CardView['type'], string> = {
  recall: 'Вспомните',
  choice: 'Выберите ответ',
  scenario: 'Какая это ошибка?',
};

interface Props {
  card: CardView;
  /** What each rating would set, for the button labels. */
  previews: Record<Rating, IntervalPreview> | null;
  /** Records a rating. `stay` is true after a wrong pick: the card keeps showing why. */
  onRate: (rating: Rating, stay: boolean) => void;
  /** After a wrong pick: go on («Дальше»). Without it no button is shown. */
  onContinue?: () => void;
  /** Listen to keys on the whole page (the review); otherwise only inside the card. */
  pageKeys?: boolean;
  /** Move focus into the card when it appears. */
  autoFocus?: boolean;
}

type Phase = 'ask' | 'revealed' | 'right' | 'wrong';

function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** After a pick, the right option and a wrong pick are marked (colour and a sign, not colour alone). */
function optionClass(option: CardView['options'][number], phase: Phase, picked: string | null): string {
  if (phase === 'ask') return 'option';
  if (option.correct) return 'option option-right';
  return option.key === picked ? 'option option-wrong' : 'option';
}

/** An interactive question: reveal and rate (recall), or pick an option (choice, scenario). */
export default function QuestionCard({ card, previews, onRate, onContinue, pageKeys, autoFocus }: Props) {
  const [phase, setPhase] = useState<Phase>('ask');
  const [picked, setPicked] = useState<string | null>(null);
  const options = useMemo(() => shuffle(card.options), [card]);
  const root = useRef<HTMLDivElement>(null);
  const ratings: Rating[] = phase === 'revealed' ? [1, 2, 3, 4] : phase === 'right' ? [2, 3, 4] : [];

  useEffect(() => {
    const el = root.current;
    if (!el || (!autoFocus && phase === 'ask')) return;
    const target =
      el.querySelector<HTMLElement>('[data-default]') ??
      el.querySelector<HTMLElement>('button:not([disabled])') ??
      el.querySelector<HTMLElement>('.question-answer a') ??
      el;
    target.focus();
  }, [phase, card, autoFocus]);

  const pick = (key: string) => {
    const option = card.options.find((o) => o.key === key);
    if (!option || phase !== 'ask') return;
    setPicked(key);
    if (option.correct) setPhase('right');
    else {
      setPhase('wrong');
      onRate(1, true);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target as HTMLElement | null)?.tagName;
    const n = Number(e.key);
    if (
      phase === 'ask' &&
      card.type === 'recall' &&
      (e.key === ' ' || e.key === 'Enter') &&
      tag !== 'BUTTON' &&
      tag !== 'A'
    ) {
      e.preventDefault();
      setPhase('revealed');
    } else if (phase === 'ask' && card.type !== 'recall' && n >= 1 && n <= options.length) {
      e.preventDefault();
      pick(options[n - 1]!.key);
    } else if (ratings.includes(n as Rating)) {
      e.preventDefault();
      onRate(n as Rating, false);
    }
  };

  useEffect(() => {
    if (!pageKeys) return;
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const feedback = phase === 'right' ? 'Верно.' : phase === 'wrong' ? `Неверно. Правильный ответ: ${card.answer}` : '';
  return (
    <div
      class="question question-card"
      data-question-id={card.id}
      ref={root}
      tabIndex={-1}
      onKeyDown={pageKeys ? undefined : onKey}
    >
      <p class="question-type">{TYPE_LABEL[card.type]}</p>
      <p class="question-prompt">{card.prompt}</p>
      {options.length > 0 && (
        <div class="question-options" role="group" aria-label="Варианты ответа">
          {options.map((o, i) => (
            <button
              type="button"
              key={o.key}
              class={optionClass(o, phase, picked)}
              disabled={phase !== 'ask'}
              aria-pressed={picked === o.key}
              onClick={() => pick(o.key)}
            >
              <span aria-hidden="true">{i + 1}. </span>
              {o.text}
            </button>
          ))}
        </div>
      )}
      {phase === 'ask' && card.type === 'recall' && (
        <button type="button" class="reveal" onClick={() => setPhase('revealed')}>
          Показать ответ
        </button>
      )}
      <p role="status" class="question-feedback">
        {feedback}
      </p>
      {(phase === 'revealed' || phase === 'wrong' || phase === 'right') && (
        <div class="question-answer">
          {card.type === 'recall' && (
            <p>
              <strong>{card.answer}</strong>
            </p>
          )}
          <p>{card.explanation}</p>
          <p>
            <a href={card.sourceHref}>Перечитать раздел урока</a>
          </p>
        </div>
      )}
      {ratings.length > 0 && (
        <div class="ratings" role="group" aria-label="Насколько легко было вспомнить?">
          {ratings.map((r) => (
            <button
              type="button"
              key={r}
              class={`rate rate-${r}`}
              data-default={r === 3 ? '' : undefined}
              onClick={() => onRate(r, false)}
            >
              {previews ? ratingButtonLabel(r, previews[r]) : RATING_LABELS[r]}
            </button>
          ))}
        </div>
      )}
      {phase === 'wrong' && onContinue && (
        <button type="button" class="continue" data-default="" onClick={onContinue}>
          Дальше
        </button>
      )}
    </div>
  );
}
