/**
 * The home page's status box: for a newcomer, where to start (also the page's static content, so
 * nothing moves when the script finds no progress); for a returning learner, today's due count and
 * where to continue. Each lesson in the course list gets its status beside its number.
 */
import { isPassed } from '../domain/final-check-record';
import { buildQueue } from '../domain/queue';
import { dueCountText } from '../i18n/messages';
import { certificateUrl, finalCheckUrl, progressUrl, reviewUrl } from '../lib/urls';
import { pageRuntime } from '../runtime/page';
import { fill, h, storageAlerts } from './dom';

/** A lesson as the home status needs it (read from the course list's markup). */
interface HomeLesson {
  slug: string;
  title: string;
  href: string;
  questionIds: string[];
}

/** A lesson's status word: none before any answer, «начат» while some questions are new, «пройден» once all are answered. */
export type LessonStatus = 'не начат' | 'начат' | 'пройден';

function readLessons(list: Element): HomeLesson[] {
  return [...list.querySelectorAll<HTMLElement>('li[data-lesson]')].map((li) => ({
    slug: li.dataset.lesson ?? '',
    title: li.querySelector('.lesson-title')?.textContent ?? '',
    href: li.querySelector('a')?.getAttribute('href') ?? '',
    questionIds: (li.dataset.questions ?? '').split(' ').filter(Boolean),
  }));
}

/** Fills `[data-home-status]` and the statuses in `.lesson-list`, and keeps them current. */
export function mountHomeStatus(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('[data-home-status]');
  const list = root.querySelector('.lesson-list');
  if (!box || !list) return;
  const lessons = readLessons(list);
  const runtime = pageRuntime();

  const draw = () => {
    const state = runtime.getState();
    if (!state.ready) return;
    const { cards } = state.deck;
    const statusOf = (l: HomeLesson): LessonStatus => {
      const met = l.questionIds.filter((id) => cards.has(id)).length;
      return met === 0 ? 'не начат' : met === l.questionIds.length ? 'пройден' : 'начат';
    };
    for (const lesson of lessons) {
      const slot = list.querySelector(`li[data-lesson="${lesson.slug}"] .lesson-status`);
      const status = statusOf(lesson);
      if (slot) {
        slot.textContent = status === 'не начат' ? '' : ` · ${status}`;
        slot.className = `lesson-status status-${status === 'пройден' ? 'done' : 'started'}`;
      }
    }
    const started = lessons.some((l) => statusOf(l) !== 'не начат');
    // A newcomer keeps the static «where to start» box; only a storage problem is added to it.
    if (!started) {
      box.querySelector('.home-alerts')?.replaceChildren(...storageAlerts(state));
      return;
    }
    const questions = lessons.flatMap((l) => l.questionIds.map((id) => ({ id, lessonSlug: l.slug })));
    const due = buildQueue({ cards, questions, nowMs: runtime.now(), settings: state.settings }).due.length;
    const next = lessons.find((l) => statusOf(l) !== 'пройден');
    fill(
      box,
      h('h2', { id: 'home-status-heading' }, 'Ваш прогресс'),
      h('div', { class: 'home-alerts' }, ...storageAlerts(state)),
      h('p', { class: 'home-due', 'data-due-count': due }, dueCountText(due)),
      h(
        'p',
        { class: 'home-continue' },
        due > 0 && h('a', { class: 'button button-primary', href: reviewUrl() }, 'Повторить карточки'),
        next &&
          h(
            'a',
            { class: due > 0 ? 'button' : 'button button-primary', href: next.href },
            `${statusOf(next) === 'не начат' ? 'Начать' : 'Продолжить'}: ${next.title}`,
          ),
        // Every question answered once: the final check is open; once passed, the certificate is the next step.
        !next &&
          (state.finalChecks.some(isPassed)
            ? h('a', { class: 'button', href: certificateUrl() }, 'Сертификат')
            : h(
                'a',
                { class: due > 0 ? 'button' : 'button button-primary', href: finalCheckUrl() },
                'Пройти итоговую проверку',
              )),
        !next && due === 0 && h('a', { class: 'button', href: progressUrl() }, 'Посмотреть прогресс'),
      ),
    );
  };
  runtime.subscribe(draw);
  void runtime.load().then(draw);
}
