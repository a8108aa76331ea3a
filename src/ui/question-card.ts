/**
 * An interactive question (lesson and review): reveal and rate (recall), or pick an option (choice,
 * scenario). The same markup as the static question plus buttons; its state lives in the closure
 * and each change redraws the card's few elements.
 */
import type { IntervalPreview } from '../domain/card';
import type { Rating } from '../domain/review';
import { formatInterval } from '../i18n/intervals';
import { RATING_LABELS, ratingButtonLabel } from '../i18n/ratings';
import { QUESTION_TYPE_LABELS, type CardView } from '../lib/card-view';
import { builtHref } from '../lib/urls';
import { fill, h } from './dom';

type Previews = Record<Rating, IntervalPreview>;
type Phase = 'ask' | 'revealed' | 'right' | 'wrong';

/** What a card is made with. */
export interface QuestionCardOptions {
  card: CardView;
  /** What each rating would set, for the buttons' intervals; called when the buttons first appear. */
  loadPreviews: () => Promise<Previews>;
  /** Records a rating. `stay` is true when the card stays on screen (a wrong pick; anything in a lesson). */
  onRate: (rating: Rating, stay: boolean) => void;
  /** «Дальше» after a wrong pick (or, in a lesson, after any answer); without it no button is shown. */
  onContinue?: () => void;
  /** In a lesson: a right pick is saved at once as «Хорошо», the buttons then refine it, and the card stays. */
  saveRightPick?: boolean;
  /** Listen to keys on the whole page and show the shortcuts (the review); otherwise keys work inside the card. */
  pageKeys?: boolean;
  /** Move focus into the card when it appears. */
  autoFocus?: boolean;
  /** An element kept at the card's end across redraws (the lesson's «saved» line). */
  footer?: HTMLElement;
}

/** A card on the page. */
export interface QuestionCard {
  el: HTMLElement;
  /** Marks the rating saved for this card on this page (lesson). */
  setSavedRating(rating: Rating | null): void;
  /** Removes page-wide listeners. */
  destroy(): void;
}

let nextId = 0;

function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One sentence when several ratings would set the same interval, so equal-looking buttons are explained. */
export function sameIntervalNote(ratings: readonly Rating[], previews: Previews | null): string {
  const graded = ratings.filter((r) => r !== 1);
  if (!previews || graded.length < 2) return '';
  const labels = graded.map((r) => formatInterval(previews[r]));
  if (labels.some((label) => label !== labels[0])) return '';
  const which = graded.length === 3 ? 'все три оценки' : 'обе оценки';
  return `Сейчас ${which} вернут вопрос через ${labels[0]}; оценка скажется на следующих сроках.`;
}

/** Makes an interactive card. */
export function createQuestionCard(options: QuestionCardOptions): QuestionCard {
  const { card, loadPreviews, onRate, onContinue, saveRightPick = false, pageKeys = false } = options;
  const shuffled = shuffle(card.options);
  const headingId = `ratings-${++nextId}`;
  let phase: Phase = 'ask';
  let picked: string | null = null;
  let previews: Previews | null = null;
  let savedRating: Rating | null | undefined = saveRightPick ? null : undefined;
  let previewsRequested = false;

  const el = h('div', { class: 'question question-card', 'data-question-id': card.id, tabindex: -1 });
  const ratings = (): Rating[] => (phase === 'revealed' ? [1, 2, 3, 4] : phase === 'right' ? [2, 3, 4] : []);
  const rate = (r: Rating) => onRate(r, saveRightPick);

  const pick = (key: string) => {
    const option = card.options.find((o) => o.key === key);
    if (!option || phase !== 'ask') return;
    picked = key;
    phase = option.correct ? 'right' : 'wrong';
    draw(true);
    if (!option.correct) onRate(1, true);
    else if (saveRightPick) onRate(3, true);
  };
  const reveal = () => {
    phase = 'revealed';
    draw(true);
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
      reveal();
    } else if (e.key === ' ' && e.target === el) {
      // Space on the card itself picks nothing and does not scroll the card away.
      e.preventDefault();
    } else if (phase === 'ask' && card.type !== 'recall' && n >= 1 && n <= shuffled.length) {
      e.preventDefault();
      pick(shuffled[n - 1]!.key);
    } else if (ratings().includes(n as Rating)) {
      e.preventDefault();
      rate(n as Rating);
    }
  };

  function optionClass(option: CardView['options'][number]): string {
    if (phase === 'ask') return 'option';
    if (option.correct) return 'option option-right';
    return option.key === picked ? 'option option-wrong' : 'option';
  }

  function keyHint(): string {
    if (phase === 'ask')
      return card.type === 'recall' ? 'Пробел — показать ответ' : `Клавиши 1–${shuffled.length} — выбрать ответ`;
    const list = ratings();
    return list.length ? `Клавиши ${list[0]}–4 — оценка` : '';
  }

  /** Redraws the card; `moveFocus` after the learner's own step (focus goes without scrolling). */
  function draw(moveFocus: boolean): void {
    const list = ratings();
    if (list.length && !previewsRequested) {
      previewsRequested = true;
      loadPreviews().then(
        (p) => {
          previews = p;
          draw(false);
        },
        () => undefined,
      );
    }
    const feedback =
      phase === 'right' ? 'Верно.' : phase === 'wrong' ? `Неверно. Правильный ответ: ${card.answer}` : '';
    const note = sameIntervalNote(list, previews);
    const focused = el.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.focusKey
      : undefined;
    fill(
      el,
      h('p', { class: 'question-type' }, QUESTION_TYPE_LABELS[card.type]),
      h('p', { class: 'question-prompt' }, card.prompt),
      shuffled.length > 0 &&
        h(
          'div',
          { class: 'question-options', role: 'group', 'aria-label': 'Варианты ответа' },
          ...shuffled.map((o, i) =>
            h(
              'button',
              {
                type: 'button',
                class: optionClass(o),
                disabled: phase !== 'ask',
                'aria-pressed': String(picked === o.key),
                'data-focus-key': `option-${o.key}`,
                onclick: () => pick(o.key),
              },
              h('span', { 'aria-hidden': 'true' }, `${i + 1}. `),
              o.text,
            ),
          ),
        ),
      phase === 'ask' &&
        card.type === 'recall' &&
        h('button', { type: 'button', class: 'reveal', 'data-focus-key': 'reveal', onclick: reveal }, 'Показать ответ'),
      h('p', { role: 'status', class: 'question-feedback' }, feedback),
      phase !== 'ask' &&
        h(
          'div',
          { class: 'question-answer' },
          card.type === 'recall' && h('p', {}, h('strong', {}, card.answer)),
          card.explanation && h('p', {}, card.explanation),
          h('p', {}, h('a', { href: builtHref(card.sourceHref) }, 'Перечитать раздел урока')),
        ),
      list.length > 0 &&
        h(
          'p',
          { class: 'ratings-heading', id: headingId },
          card.type === 'recall' ? 'Насколько легко вы вспомнили ответ?' : 'Насколько уверенно вы ответили?',
        ),
      list.length > 0 &&
        h(
          'div',
          { class: 'ratings', role: 'group', 'aria-labelledby': headingId },
          ...list.map((r) =>
            h(
              'button',
              {
                type: 'button',
                class: `rate rate-${r}`,
                'data-default': r === (savedRating ?? 3),
                'data-focus-key': `rate-${r}`,
                'aria-pressed': savedRating === undefined ? undefined : String(savedRating === r),
                onclick: () => rate(r),
              },
              previews ? ratingButtonLabel(r, previews[r]) : RATING_LABELS[r],
            ),
          ),
        ),
      note && h('p', { class: 'muted ratings-note' }, note),
      phase !== 'ask' &&
        onContinue !== undefined &&
        (phase === 'wrong' || saveRightPick) &&
        h(
          'button',
          {
            type: 'button',
            class: 'continue',
            'data-default': phase === 'wrong',
            'data-focus-key': 'continue',
            onclick: onContinue,
          },
          'Дальше',
        ),
      pageKeys && keyHint() && h('p', { class: 'key-hint muted', 'aria-hidden': 'true' }, keyHint()),
      options.footer,
    );
    const target = moveFocus
      ? phase === 'ask'
        ? el
        : (el.querySelector<HTMLElement>('[data-default]') ??
          el.querySelector<HTMLElement>('.ratings button') ??
          el.querySelector<HTMLElement>('.question-answer a') ??
          el)
      : focused && el.querySelector<HTMLElement>(`[data-focus-key="${focused}"]`);
    if (target) target.focus({ preventScroll: true });
  }

  if (pageKeys) document.addEventListener('keydown', onKey);
  else el.addEventListener('keydown', onKey);
  draw(false);
  if (options.autoFocus) el.focus({ preventScroll: true });

  return {
    el,
    setSavedRating(rating) {
      savedRating = rating;
      draw(false);
    },
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
