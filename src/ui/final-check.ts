/**
 * The final check page: locked until every question has been answered once (it then says what
 * remains), else an introduction, the attempt one question at a time with no feedback, and the
 * score with each miss and the section to re-read. The rules are in domain/final-check.ts and
 * domain/completion.ts; saving the attempt is the runtime's `finishFinalCheck`.
 */
import { remainingByLesson } from '../domain/completion';
import { drawFinalCheck, FINAL_CHECK_SIZE, isPassed, shuffle, type FinalCheckAttempt } from '../domain/final-check';
import { scoreText } from '../i18n/final-check';
import type { CardView } from '../lib/card-view';
import { QUESTION_TYPE_LABELS } from '../lib/card-view';
import type { CourseCards } from '../lib/course';
import { builtHref, certificateUrl } from '../lib/urls';
import { pageRuntime } from '../runtime/page';
import { fetchCourseCards, startWhenLoaded } from './course-cards';
import { courseLessons, remainingView, resultsView } from './course-status';
import { fill, h, storageAlerts } from './dom';

/** An attempt under way: its questions (options in their shown order) and the picks so far. */
interface Running {
  questions: { card: CardView; options: CardView['options'] }[];
  picks: (string | null)[];
  index: number;
}

/** A finished attempt as the result screen shows it. */
interface Finished {
  attempt: FinalCheckAttempt;
  misses: { card: CardView; picked: string }[];
}

/** Draws the final check into `root` and keeps it current. */
export function startFinalCheck(root: HTMLElement, course: CourseCards): void {
  const runtime = pageRuntime();
  const lessons = courseLessons(course);
  const titles = new Map(course.lessons.map((l) => [l.slug, l.title]));
  let running: Running | null = null;
  let finished: Finished | null = null;
  /** Where focus goes after the next draw (the new question, or the result's heading). */
  let focusNext: 'question' | 'heading' | null = null;
  const alerts = h('div');
  const main = h('div');
  fill(root, alerts, main);
  root.dataset.saving = '0';

  const start = () => {
    running = {
      questions: drawFinalCheck(course.cards).map((card) => ({ card, options: shuffle(card.options) })),
      picks: [],
      index: 0,
    };
    finished = null;
    focusNext = 'question';
    draw();
  };

  const finish = async (run: Running) => {
    const answers = run.questions.map(({ card }, i) => ({
      questionId: card.id,
      correct: card.options.some((o) => o.key === run.picks[i] && o.correct),
    }));
    root.dataset.saving = '1';
    const done = runtime.finishFinalCheck(answers);
    const misses = run.questions.flatMap(({ card }, i) =>
      answers[i]?.correct ? [] : [{ card, picked: card.options.find((o) => o.key === run.picks[i])?.text ?? '' }],
    );
    const { attempt } = await done;
    root.dataset.saving = '0';
    running = null;
    finished = { attempt, misses };
    focusNext = 'heading';
    draw();
  };

  const step = (delta: number) => {
    if (!running) return;
    const next = running.index + delta;
    if (next >= running.questions.length) return void finish(running);
    running.index = Math.max(0, next);
    focusNext = 'question';
    draw();
  };

  const pick = (key: string) => {
    if (!running) return;
    running.picks[running.index] = key;
    draw();
  };

  function questionView(run: Running): HTMLElement {
    const { card, options } = run.questions[run.index]!;
    const picked = run.picks[run.index] ?? null;
    const last = run.index === run.questions.length - 1;
    const progress = h('div', {
      role: 'progressbar',
      'aria-label': 'Пройдено в проверке',
      'aria-valuemin': 0,
      'aria-valuemax': run.questions.length,
      'aria-valuenow': run.index,
      class: 'review-progress',
    });
    const filled = h('span');
    filled.style.width = `${(run.index / run.questions.length) * 100}%`;
    progress.append(filled);
    return h(
      'section',
      { class: 'final-question', 'aria-label': `Вопрос ${run.index + 1} из ${run.questions.length}` },
      h('p', { class: 'final-step muted' }, `Вопрос ${run.index + 1} из ${run.questions.length}`),
      progress,
      h(
        'div',
        { class: 'question question-card', 'data-question-id': card.id, tabindex: -1 },
        h('p', { class: 'question-type' }, QUESTION_TYPE_LABELS[card.type]),
        h('p', { class: 'question-prompt' }, card.prompt),
        h(
          'div',
          { class: 'question-options', role: 'group', 'aria-label': 'Варианты ответа' },
          ...options.map((o, i) =>
            h(
              'button',
              {
                type: 'button',
                class: picked === o.key ? 'option option-picked' : 'option',
                'aria-pressed': String(picked === o.key),
                onclick: () => pick(o.key),
              },
              h('span', { 'aria-hidden': 'true' }, `${i + 1}. `),
              o.text,
            ),
          ),
        ),
      ),
      h(
        'p',
        { class: 'final-nav' },
        run.index > 0 && h('button', { type: 'button', onclick: () => step(-1) }, 'Назад'),
        h(
          'button',
          { type: 'button', class: 'button-primary', disabled: picked === null, onclick: () => step(1) },
          last ? 'Завершить проверку' : 'Дальше',
        ),
      ),
      h('p', { class: 'key-hint muted', 'aria-hidden': 'true' }, `Клавиши 1–${options.length} — выбрать ответ`),
    );
  }

  function resultView({ attempt, misses }: Finished): HTMLElement {
    const passed = isPassed(attempt);
    return h(
      'section',
      { class: 'final-result', 'data-passed': passed },
      h('h2', { tabindex: -1 }, passed ? 'Проверка пройдена' : 'Пока не пройдена'),
      h('p', { class: 'final-score', 'data-final-score': '' }, scoreText(attempt)),
      h(
        'p',
        {},
        passed
          ? 'Зачёт — от 80\u00a0% верных ответов, и он у вас есть.'
          : `Для зачёта нужно не меньше 80\u00a0% верных ответов. Перечитайте разделы ниже и попробуйте ещё раз.`,
      ),
      misses.length > 0 && h('h3', {}, 'Ошибки и что перечитать'),
      misses.length > 0 &&
        h(
          'ol',
          { class: 'final-misses' },
          ...misses.map(({ card, picked }) =>
            h(
              'li',
              { 'data-question-id': card.id },
              h('p', { class: 'question-prompt' }, card.prompt),
              h('p', {}, `Ваш ответ: ${picked}`),
              h('p', {}, h('strong', {}, `Правильный ответ: ${card.answer}`)),
              h(
                'p',
                {},
                h(
                  'a',
                  { href: builtHref(card.sourceHref) },
                  `Перечитать раздел урока «${titles.get(card.lessonSlug) ?? ''}»`,
                ),
              ),
            ),
          ),
        ),
      misses.length > 0 && h('p', { class: 'muted' }, 'Вопросы с ошибками вернутся в повторении уже сегодня.'),
    );
  }

  function introView(): HTMLElement {
    const { finalChecks } = runtime.getState();
    const remaining = remainingByLesson(lessons, runtime.getState().deck.cards);
    if (remaining.length > 0)
      return h(
        'section',
        { class: 'final-locked', 'data-final-check-locked': '' },
        h(
          'p',
          {},
          'Итоговая проверка откроется, когда вы ответите на все вопросы курса: она проверяет, что осталось в памяти, а не что было на странице.',
        ),
        remainingView(remaining),
        resultsView(finalChecks),
      );
    return h(
      'section',
      { class: 'final-intro' },
      finished === null &&
        h(
          'p',
          {},
          `${FINAL_CHECK_SIZE} вопросов по всем урокам, в основном рабочие ситуации. Ответы проверяются в конце; зачёт — от 80\u00a0% верных. Каждый ответ заодно повторяет свою карточку: верный — как «Хорошо», неверный — как «Снова».`,
        ),
      resultsView(finalChecks),
      h(
        'p',
        { class: 'final-actions' },
        h(
          'button',
          { type: 'button', class: 'button-primary', onclick: start },
          finalChecks.length ? 'Пройти ещё раз' : 'Начать проверку',
        ),
        finalChecks.length > 0 && h('a', { class: 'button', href: certificateUrl() }, 'Сертификат'),
      ),
    );
  }

  /** What the page between attempts depends on; it is redrawn only when this changes (focus stays). */
  let drawnFor = '';
  const drawKey = () => {
    const { finalChecks, deck } = runtime.getState();
    return `${finalChecks.length}:${deck.cards.size}:${String(running?.index)}:${String(running?.picks.length)}`;
  };

  function draw(): void {
    fill(alerts, ...storageAlerts(runtime.getState()));
    drawnFor = drawKey();
    if (running) fill(main, questionView(running));
    else fill(main, finished && resultView(finished), introView());
    const target =
      focusNext === 'question'
        ? main.querySelector<HTMLElement>('.question-card')
        : focusNext === 'heading'
          ? main.querySelector<HTMLElement>('h2')
          : null;
    focusNext = null;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    }
  }

  document.addEventListener('keydown', (e) => {
    if (!running || e.ctrlKey || e.metaKey || e.altKey) return;
    const option = running.questions[running.index]?.options[Number(e.key) - 1];
    if (option) {
      e.preventDefault();
      pick(option.key);
    }
  });
  runtime.subscribe(() => {
    fill(alerts, ...storageAlerts(runtime.getState()));
    if (!running && drawKey() !== drawnFor) draw();
  });
  draw();
}

/**
 * Mounts the final check into `[data-final-check]`: the course's cards (`/cards.json`) and the
 * learner's whole log (the check needs every card). A failed fetch is said in Russian, with a retry.
 */
export function mountFinalCheck(root: ParentNode = document): void {
  const el = root.querySelector<HTMLElement>('[data-final-check]');
  if (!el) return;
  startWhenLoaded(
    el,
    () => Promise.all([fetchCourseCards(), pageRuntime().load()]),
    ([course]) => startFinalCheck(el, course),
  );
}
