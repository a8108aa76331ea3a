/**
 * A lesson's questions, made interactive by one script for the page (no island per checkpoint).
 * Each checkpoint's questions are read back from their static markup; once the learner's cards are
 * loaded they become interactive, and without JavaScript they stay readable as they are.
 *
 * Every answer is saved when given: a wrong pick as «Снова», a right one as «Хорошо» (the buttons
 * then refine it: the saved review is undone and the new rating saved, so the log keeps one), a
 * recall card when rated. Answered cards stay open until the page is left; questions already in the
 * deck say when they come back.
 */
import { cardDueAt } from '../domain/due';
import type { Rating } from '../domain/review';
import { endSentence, formatDueAt } from '../i18n/dates';
import { RATING_LABELS } from '../i18n/ratings';
import { readCardView } from '../lib/card-dom';
import type { CardView } from '../lib/card-view';
import { pageRuntime } from '../runtime/page';
import type { Runtime } from '../runtime/runtime';
import { fill, h, storageAlerts } from './dom';
import { fetchCourseCards } from './course-cards';
import { enableDailyReminder } from './daily-reminder';
import { createQuestionCard } from './question-card';

/** «Следующее повторение: завтра.» for a question in the deck; empty otherwise. */
function dueSentence(runtime: Runtime, questionId: string): string {
  const { deck, settings } = runtime.getState();
  const card = deck.cards.get(questionId);
  return card ? endSentence(`Следующее повторение: ${formatDueAt(cardDueAt(card, settings), runtime.now())}`) : '';
}

/** Moves focus to the question after `id` on the page (any checkpoint), or to what follows the last one. */
function focusNextQuestion(id: string): void {
  const all = [...document.querySelectorAll<HTMLElement>('[data-question-id]')];
  const next = all[all.findIndex((el) => el.dataset.questionId === id) + 1];
  const target = next ?? document.querySelector<HTMLElement>('.lesson-end, .pager');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** A question already in the deck when the page opened: when it comes back, and its answer. */
function learnedQuestion(runtime: Runtime, card: CardView): HTMLElement {
  return h(
    'div',
    { class: 'question question-learned', 'data-question-id': card.id },
    h('p', { class: 'question-prompt' }, card.prompt),
    h('p', { role: 'status' }, `Этот вопрос уже в ваших карточках. ${dueSentence(runtime, card.id)}`),
    h(
      'details',
      { class: 'question-answer' },
      h('summary', {}, 'Показать ответ'),
      h('p', {}, h('strong', {}, card.answer)),
      card.explanation && h('p', {}, card.explanation),
    ),
  );
}

/** A question to answer, saving each answer as it is given. */
function answerableQuestion(runtime: Runtime, card: CardView): HTMLElement {
  let saved: { reviewId: string; rating: Rating } | null = null;
  const status = h(
    'p',
    { role: 'status', class: 'question-saved' },
    card.type === 'recall' ? 'Ответ сохранится, когда вы оцените, насколько легко вспомнили.' : '',
  );
  const save = async (rating: Rating) => {
    if (saved?.rating === rating) return;
    if (saved?.reviewId) await runtime.undo(saved.reviewId);
    const review = await runtime.rate(card.id, rating);
    saved = { reviewId: review.id, rating };
    status.textContent = `Ответ сохранён с оценкой «${RATING_LABELS[rating]}». ${dueSentence(runtime, card.id)}`;
  };
  // One change at a time, so a quick second click still undoes the review the first one saved.
  let saving = Promise.resolve();
  const rate = (rating: Rating) => {
    question.setSavedRating(rating);
    saving = saving.then(() => save(rating));
  };
  const question = createQuestionCard({
    card,
    loadPreviews: () => runtime.previews(card.id),
    onRate: rate,
    onContinue: () => focusNextQuestion(card.id),
    saveRightPick: true,
    footer: status,
  });
  return question.el;
}

/**
 * Starts a lesson page: records the visit (a lesson counts as opened once its page was visited:
 * from then on the review may offer its questions), mounts the quiz into every checkpoint and
 * turns the end of the lesson's reminder link into a download button.
 */
export function mountLesson(root: ParentNode = document): void {
  const slug = root.querySelector<HTMLElement>('[data-lesson-page]')?.dataset.lessonPage;
  mountCheckpoints(root);
  if (slug) void pageRuntime().openLesson(slug);
  enableDailyReminder(root);
}

/** Mounts the quiz into every `[data-checkpoint]` on the page. */
function mountCheckpoints(root: ParentNode): void {
  const checkpoints = [...root.querySelectorAll<HTMLElement>('[data-checkpoint]')].map((el) => ({
    el,
    cards: [...el.querySelectorAll('[data-question-id]')].map(readCardView).filter((c): c is CardView => c !== null),
  }));
  if (checkpoints.length === 0) return;
  const runtime = pageRuntime();
  // Explanations are not in the page (it stays small); the course's cards file has them.
  const explanations = fetchCourseCards().then(
    ({ cards }) => new Map(cards.map((c) => [c.id, c.explanation])),
    () => new Map<string, string>(),
  );
  const ids = new Set(checkpoints.flatMap(({ cards }) => cards.map((c) => c.id)));
  void Promise.all([runtime.load(ids), explanations]).then(([, explained]) => {
    for (const { cards } of checkpoints) for (const card of cards) card.explanation ||= explained.get(card.id) ?? '';
    const alerts = h('div', { class: 'storage-alerts' });
    const showAlerts = () => fill(alerts, ...storageAlerts(runtime.getState()));
    runtime.subscribe(showAlerts);
    showAlerts();
    const inDeck = runtime.getState().deck.cards;
    checkpoints.forEach(({ el, cards }, index) => {
      fill(
        el,
        index === 0 && alerts,
        ...cards.map((card) =>
          inDeck.has(card.id) ? learnedQuestion(runtime, card) : answerableQuestion(runtime, card),
        ),
      );
    });
  });
}
