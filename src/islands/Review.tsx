import { useCallback, useEffect, useState } from 'preact/hooks';
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
} from '../domain/review-session';
import { StorageAlerts } from '../components/StorageAlerts';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { buildQueue } from '../domain/queue';
import type { Rating } from '../domain/review';
import { createScheduler } from '../domain/scheduler';
import { endSentence, formatDueAt } from '../i18n/dates';
import { dueCountText } from '../i18n/messages';
import { formatQuestions } from '../i18n/plurals';
import type { CardView } from '../lib/card-view';
import QuestionCard from './QuestionCard';

/** The daily review: today's due cards one at a time, then new questions if the learner asks. */
export default function Review({ cards, lessons }: { cards: CardView[]; lessons: { slug: string; title: string }[] }) {
  const state = useRuntimeState();
  const [lessonSlug, setLessonSlug] = useState<string | undefined>(undefined);
  const [unknownLesson, setUnknownLesson] = useState(false);
  const [session, setSession] = useState(NEW_SESSION);
  const [message, setMessage] = useState('');
  // The card that had focus is gone when the session ends: focus moves to the heading as it appears.
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);

  useEffect(() => {
    const slug = new URLSearchParams(location.search).get('lesson');
    if (slug && lessons.some((l) => l.slug === slug)) setLessonSlug(slug);
    else if (slug !== null) setUnknownLesson(true);
  }, []);

  const undo = () => {
    const undone = undoLast(session);
    if (!undone) return;
    setSession(undone.session);
    setMessage('Последняя оценка отменена.');
    void pageRuntime().undo(undone.reviewId);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!state.ready) return <p>Загружаем ваши карточки…</p>;
  const now = pageRuntime().now();
  const input = { cards: state.deck.cards, questions: cards, nowMs: now, settings: state.settings, lessonSlug };
  const queue = buildQueue(input);
  const dueCount = queue.due.length;
  const byId = new Map(cards.map((c) => [c.id, c]));
  const currentId = currentQuestionId(session, queue);
  const current = currentId ? byId.get(currentId) : undefined;
  const bar = sessionProgress(session, queue);
  const next = queue.nextDueAt === null ? null : formatDueAt(queue.nextDueAt, now);

  const onRate = async (rating: Rating, stay: boolean) => {
    if (!current) return;
    const id = current.id;
    setSession((s) => ratingGiven(s, id, stay));
    await pageRuntime().rate(id, rating, (review) => setSession((s) => ratingSaved(s, review.id)));
    setMessage(rating === 1 ? 'Карточка вернётся в конце сессии.' : 'Оценка сохранена.');
  };
  const onContinue = () => setSession(continued);

  return (
    <div class="review">
      <StorageAlerts state={state} />
      {lessonSlug && (
        <p class="review-filter">
          Только урок «{lessons.find((l) => l.slug === lessonSlug)?.title}». <a href="/review/">Повторить все уроки</a>
        </p>
      )}
      {unknownLesson && <p role="status">Такого урока в курсе нет, поэтому здесь карточки всех уроков.</p>}
      <p class="due-count" data-due-count={dueCount}>
        {dueCountText(dueCount)}
      </p>
      {session.withNew && queue.newQuestions.length > 0 && (
        <p class="muted">Осталось новых на сегодня: {formatQuestions(queue.newQuestions.length)}</p>
      )}
      <p role="status" class="visually-hidden">
        {message}
      </p>
      {current ? (
        <>
          <div
            role="progressbar"
            aria-label="Пройдено в этой сессии"
            aria-valuemin={0}
            aria-valuenow={bar.valueNow}
            aria-valuemax={bar.valueMax}
            class="review-progress"
          >
            <span style={{ width: `${bar.percent}%` }} />
          </div>
          <QuestionCard
            key={session.step}
            card={current}
            previews={createScheduler(state.settings).preview(current.id, state.deck.cards.get(current.id), now)}
            onRate={(r, stay) => void onRate(r, stay)}
            onContinue={onContinue}
            pageKeys
            // The card takes focus when it appears, so keys 1-4 and Space work at once in a session
            // the learner started on purpose; the ring is styled not to look like a chosen answer.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
        </>
      ) : session.doneReviewIds.length > 0 ? (
        <section class="review-finished">
          <h2 tabIndex={-1} ref={focusOnMount}>
            Повторение завершено
          </h2>
          <p>{next ? endSentence(`Следующая карточка: ${next}`) : 'Новых повторений пока не запланировано.'}</p>
        </section>
      ) : (
        <section class="review-empty">
          <h2>Сейчас повторять нечего</h2>
          <p>
            {next ? endSentence(`Следующая карточка: ${next}`) : 'Ответьте на вопросы в уроках, и они появятся здесь.'}
          </p>
          <p>
            <a href="/#lessons">К урокам</a>
          </p>
        </section>
      )}
      {offersNewQuestions(session, queue) && (
        <p>
          <button type="button" class="button-primary" onClick={() => setSession(startNewQuestions)}>
            Начать новые вопросы ({formatQuestions(queue.newQuestions.length)})
          </button>
        </p>
      )}
      {session.doneReviewIds.length > 0 && (
        <p>
          <button type="button" onClick={undo}>
            Отменить
          </button>
        </p>
      )}
    </div>
  );
}
