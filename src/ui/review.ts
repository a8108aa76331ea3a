/**
 * The daily review: today's due cards one at a time, then new questions if the learner asks. The
 * session's bookkeeping is pure (domain/review-session.ts); this file keeps one session, draws the
 * page from it and the runtime's state, and keeps the card on screen across redraws.
 */
import { buildQueue } from '../domain/queue';
import type { Rating } from '../domain/review';
import {
  continued,
  currentQuestionId,
  NEW_SESSION,
  offersNewQuestions,
  ratingGiven,
  ratingSaved,
  sessionProgress,
  startNewQuestions,
  undoLast,
  type ReviewSession,
} from '../domain/review-session';
import { endSentence, formatDueAt } from '../i18n/dates';
import { dueCountText } from '../i18n/messages';
import { formatQuestions } from '../i18n/plurals';
import type { CardView } from '../lib/card-view';
import type { CourseCards } from '../lib/course';
import { sitePath, lessonUrl, reviewUrl } from '../lib/urls';
import { pageRuntime } from '../runtime/page';
import { fetchCourseCards, startWhenLoaded } from './course-cards';
import { fill, h, storageAlerts, whenReady } from './dom';
import { createQuestionCard, type QuestionCard } from './question-card';

/** Draws the review into `root` and keeps it current. */
export function startReview(root: HTMLElement, { cards, lessons }: CourseCards): void {
  const runtime = pageRuntime();
  const byId = new Map(cards.map((c) => [c.id, c]));
  const slug = new URLSearchParams(location.search).get('lesson');
  const lessonSlug = slug && lessons.some((l) => l.slug === slug) ? slug : undefined;
  const unknownLesson = slug !== null && lessonSlug === undefined;
  let session: ReviewSession = NEW_SESSION;
  let message = '';
  /** The card on screen and the session step it belongs to, kept while the step lasts. */
  let shown: { step: number; id: string; card: QuestionCard } | null = null;

  const setSession = (next: ReviewSession) => {
    session = next;
    draw();
  };

  const undo = () => {
    const undone = undoLast(session);
    if (!undone) return;
    message = 'Последняя оценка отменена.';
    setSession(undone.session);
    void runtime.undo(undone.reviewId);
  };

  // Ratings still being written, on the root as `data-saving` (scripts and tests wait for 0).
  let saving = 0;
  const setSaving = (delta: number) => (root.dataset.saving = String((saving += delta)));
  setSaving(0);
  const onRate = async (card: CardView, rating: Rating, stay: boolean) => {
    setSession(ratingGiven(session, card.id, stay));
    setSaving(1);
    await runtime.rate(card.id, rating, (review) => setSession(ratingSaved(session, review.id)));
    setSaving(-1);
    message = rating === 1 ? 'Карточка вернётся в конце сессии.' : 'Оценка сохранена.';
    draw();
  };

  // Parts that stay: the live region keeps announcing, and the card keeps its focus across redraws.
  const top = h('div');
  const status = h('p', { role: 'status', class: 'visually-hidden' });
  const progress = h('div', {
    role: 'progressbar',
    'aria-label': 'Пройдено в этой сессии',
    'aria-valuemin': 0,
    class: 'review-progress',
  });
  const main = h('div', { class: 'review-main' });
  const bottom = h('div');
  fill(root, h('div', { class: 'review' }, top, status, main, bottom));

  function showCard(card: CardView): void {
    if (shown && shown.step === session.step && shown.id === card.id) return;
    shown?.card.destroy();
    const question = createQuestionCard({
      card,
      loadPreviews: () => runtime.previews(card.id),
      onRate: (rating, stay) => void onRate(card, rating, stay),
      onContinue: () => setSession(continued(session)),
      pageKeys: true,
      // The card takes focus (without scrolling) when it appears, so keys work at once in a session
      // the learner started on purpose; the ring is styled not to look like a chosen answer.
      autoFocus: true,
    });
    shown = { step: session.step, id: card.id, card: question };
    fill(main, progress, question.el);
    question.el.focus({ preventScroll: true });
  }

  function draw(): void {
    const state = runtime.getState();
    // Whether the cards on screen are checked against the whole log yet (`true`), or still the
    // cached ones (the benchmark times the replay after a scheduler change by it).
    root.dataset.checked = String(state.checked);
    const now = runtime.now();
    const queue = buildQueue({
      cards: state.deck.cards,
      questions: cards,
      nowMs: now,
      settings: state.settings,
      lessonSlug,
      openedLessons: state.openedLessons,
    });
    const dueCount = queue.due.length;
    const currentId = currentQuestionId(session, queue);
    const current = currentId ? byId.get(currentId) : undefined;
    const next = queue.nextDueAt === null ? null : formatDueAt(queue.nextDueAt, now);
    const finished = !current && session.doneReviewIds.length > 0;
    // A finished session needs no «saved» note: its heading takes focus and says it.
    if (finished) message = '';
    if (status.textContent !== message) status.textContent = message;
    fill(
      top,
      ...storageAlerts(state),
      lessonSlug &&
        h(
          'p',
          { class: 'review-filter' },
          `Только урок «${lessons.find((l) => l.slug === lessonSlug)?.title ?? ''}». `,
          h('a', { href: reviewUrl() }, 'Повторить все уроки'),
        ),
      unknownLesson && h('p', { role: 'status' }, 'Такого урока в курсе нет, поэтому здесь карточки всех уроков.'),
      // With nothing due the page says so once (the heading below, or the new question on screen);
      // the count stays for scripts.
      h('p', { class: 'due-count', 'data-due-count': dueCount, hidden: dueCount === 0 }, dueCountText(dueCount)),
      session.withNew &&
        queue.newQuestions.length > 0 &&
        h('p', { class: 'muted' }, `Осталось новых на сегодня: ${formatQuestions(queue.newQuestions.length)}`),
    );
    if (current) {
      const bar = sessionProgress(session, queue);
      progress.setAttribute('aria-valuenow', String(bar.valueNow));
      progress.setAttribute('aria-valuemax', String(bar.valueMax));
      // Set through the CSSOM: the CSP allows no inline style attributes.
      const filled = h('span');
      filled.style.width = `${bar.percent}%`;
      fill(progress, filled);
      showCard(current);
    } else {
      shown?.card.destroy();
      shown = null;
      // One state, one message: when the next card comes, else what the learner can do now.
      const unopened = lessons.find(
        (l) => !state.openedLessons.has(l.slug) && (lessonSlug === undefined || l.slug === lessonSlug),
      );
      const nextLine = next
        ? endSentence(`Следующая карточка: ${next}`)
        : offersNewQuestions(session, queue)
          ? 'Можно начать новые вопросы из уроков, которые вы уже открыли.'
          : unopened
            ? 'Вопросы появляются здесь после того, как вы прочитаете урок.'
            : finished
              ? 'Новых повторений пока не запланировано.'
              : 'Все вопросы уже в повторении: новых пока нет.';
      const lessonLink =
        unopened && !offersNewQuestions(session, queue)
          ? h('a', { href: lessonUrl(unopened.slug) }, `Открыть урок «${unopened.title}»`)
          : h('a', { href: sitePath('/#lessons') }, 'К урокам');
      if (finished) {
        if (!main.querySelector('.review-finished')) {
          const heading = h('h2', { tabindex: -1 }, 'Повторение завершено');
          fill(main, h('section', { class: 'review-finished' }, heading, h('p', { class: 'review-next' })));
          // The card that had focus is gone: focus moves to the heading as it appears.
          heading.focus();
        }
      } else
        fill(
          main,
          h(
            'section',
            { class: 'review-empty' },
            h('h2', {}, 'Сейчас повторять нечего'),
            h('p', { class: 'review-next' }),
            h('p', {}, lessonLink),
          ),
        );
      const line = main.querySelector('.review-next');
      if (line) line.textContent = nextLine;
    }
    fill(
      bottom,
      offersNewQuestions(session, queue) &&
        h(
          'p',
          {},
          h(
            'button',
            { type: 'button', class: 'button-primary', onclick: () => setSession(startNewQuestions(session)) },
            `Начать новые вопросы (${formatQuestions(queue.newQuestions.length)})`,
          ),
        ),
      session.doneReviewIds.length > 0 &&
        h('p', {}, h('button', { type: 'button', onclick: undo }, 'Отменить последнюю оценку')),
    );
  }

  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo();
    }
  });
  runtime.subscribe(draw);
  draw();
}

/**
 * Mounts the review into `[data-review]`: fetches the course's cards (`/cards.json`, cached) while
 * the learner's deck loads. A failed fetch is said in Russian, with a way to retry.
 */
export function mountReview(root: ParentNode = document): void {
  const el = root.querySelector<HTMLElement>('[data-review]');
  if (!el) return;
  // The cards first (a small cached file): their ids tell the load which cards to replay first.
  startWhenLoaded(
    el,
    async () => {
      const course = await fetchCourseCards();
      await whenReady(pageRuntime(), new Set(course.cards.map((c) => c.id)));
      return course;
    },
    (course) => startReview(el, course),
  );
}
