import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { StorageAlerts } from '../components/StorageAlerts';
import { buildQueue } from '../domain/queue';
import { dueCountText } from '../i18n/messages';

/** A lesson as the home status needs it. */
export interface HomeLesson {
  slug: string;
  title: string;
  href: string;
  questionIds: string[];
}

type Status = 'не начат' | 'в процессе' | 'все вопросы изучены';
const STATUS_CLASS: Record<Status, string> = {
  'не начат': 'new',
  'в процессе': 'started',
  'все вопросы изучены': 'done',
};

/** The learner's due count, each lesson's status and where to continue. */
export default function HomeStatus({ lessons }: { lessons: HomeLesson[] }) {
  const state = useRuntimeState();
  if (!state.ready) return <p class="muted">Загружаем ваш прогресс…</p>;
  const questions = lessons.flatMap((l) => l.questionIds.map((id) => ({ id, lessonSlug: l.slug })));
  const due = buildQueue({ cards: state.deck.cards, questions, nowMs: pageRuntime().now(), settings: state.settings })
    .due.length;
  const statusOf = (l: HomeLesson): Status => {
    const met = l.questionIds.filter((id) => state.deck.cards.has(id)).length;
    return met === 0 ? 'не начат' : met === l.questionIds.length ? 'все вопросы изучены' : 'в процессе';
  };
  const next = lessons.find((l) => statusOf(l) !== 'все вопросы изучены');
  const started = lessons.some((l) => statusOf(l) !== 'не начат');
  return (
    <section class="home-status" aria-labelledby="home-status-heading">
      <h2 id="home-status-heading">Ваш прогресс</h2>
      <StorageAlerts state={state} />
      <p class="home-due" data-due-count={due}>
        {dueCountText(due)}
      </p>
      <p class="home-continue">
        {due > 0 && (
          <a class="button button-primary" href="/review/">
            Повторить карточки
          </a>
        )}
        {next && (
          <a class={due > 0 ? 'button' : 'button button-primary'} href={next.href}>
            {statusOf(next) === 'не начат' ? 'Начать' : 'Продолжить'}: {next.title}
          </a>
        )}
      </p>
      {started && (
        <ul class="home-lessons">
          {lessons.map((l) => (
            <li key={l.slug} data-lesson-status={l.slug}>
              <a href={l.href}>{l.title}</a>{' '}
              <span class={`lesson-status status-${STATUS_CLASS[statusOf(l)]}`}>{statusOf(l)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
