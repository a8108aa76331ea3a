/**
 * The certificate page: what remains while the lessons are not completed; once they are, the
 * learner's name (typed here, saved as they type), the course, the completion date, the final
 * check's best result and, 30 days after the first answer, the measured recall. The rules are in
 * domain/completion.ts and domain/measured-recall.ts; the page only draws them.
 */
import { lessonsCompletedAt, remainingByLesson } from '../domain/completion';
import { bestAndLatest } from '../domain/final-check';
import { MAX_NAME_LENGTH } from '../domain/learner-name';
import { measuredRecall } from '../domain/measured-recall';
import { formatDate } from '../i18n/dates';
import { attemptText } from '../i18n/final-check';
import { formatCount } from '../i18n/plurals';
import type { CourseCards } from '../lib/course';
import { finalCheckUrl } from '../lib/urls';
import { findHost } from '../lms/host';
import { pageRuntime } from '../runtime/page';
import { fetchCourseCards, startWhenLoaded } from './course-cards';
import { courseLessons, remainingView } from './course-status';
import { fill, h, storageAlerts } from './dom';

/** Inside the LMS package: the LMS's record is the proof, and the name comes from it (src/lms/bridge.ts). */
const lmsHost = __LMS_BUILD__ ? findHost() : null;
const inLms = lmsHost !== null;
const nameFromLms = Boolean(lmsHost?.learnerName);

const REVIEWS = { one: 'плановое повторение', few: 'плановых повторения', many: 'плановых повторений' };

/** Draws the certificate into `root` and keeps it current. */
export function startCertificate(root: HTMLElement, course: CourseCards, courseTitle: string): void {
  const runtime = pageRuntime();
  const lessons = courseLessons(course);
  const questionIds = lessons.flatMap((l) => l.questionIds);
  const alerts = h('div', { class: 'no-print' });
  const main = h('div');
  fill(root, alerts, main);

  // The field is made once and kept across redraws, so typing is never interrupted.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const input = h('input', {
    id: 'learner-name',
    type: 'text',
    autocomplete: 'name',
    maxlength: MAX_NAME_LENGTH,
    value: runtime.getState().learnerName,
    readonly: nameFromLms,
  });
  // The result beside the field (a failed save is the page's alert).
  const nameSaved = h('span', { role: 'status', class: 'muted' });
  const saveName = () => {
    clearTimeout(saveTimer);
    void runtime.saveLearnerName(input.value).then((saved) => {
      nameSaved.textContent = saved.ok ? ' Имя сохранено.' : '';
    });
  };
  input.addEventListener('input', () => {
    nameSaved.textContent = '';
    nameLine.textContent = input.value.trim() || '—';
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveName, 400);
  });
  input.addEventListener('change', saveName);
  const nameField = h(
    'p',
    { class: 'certificate-name-field no-print' },
    h('label', { for: 'learner-name' }, 'Ваше имя для сертификата'),
    input,
    h(
      'small',
      { class: 'muted' },
      nameFromLms
        ? 'Имя передала система обучения (LMS).'
        : 'Имя хранится только в этом браузере и попадает в резервную копию.',
      nameSaved,
    ),
  );
  const nameLine = h('p', { class: 'certificate-name', 'data-certificate-name': '' });

  function recallLine(): HTMLElement {
    const { deck, finalChecks } = runtime.getState();
    const excluded = new Set(finalChecks.flatMap((a) => a.reviewIds));
    const recall = measuredRecall({ deck, questionIds, excludedReviewIds: excluded, nowMs: runtime.now() });
    const attrs = { 'data-certificate-recall': recall.kind };
    if (recall.kind === 'measured' && recall.share !== null)
      return h(
        'dd',
        attrs,
        h('strong', {}, `${Math.round(recall.share * 100)}\u00a0%`),
        h(
          'span',
          { class: 'certificate-note' },
          ` — вспомнено ${recall.recalled} из ${formatCount(recall.counted, REVIEWS)} за последние 30 дней (с оценкой «Трудно» или выше).`,
        ),
      );
    const text =
      recall.kind === 'measured'
        ? 'За последние 30 дней плановых повторений не было: запоминание пока не измерить.'
        : recall.kind === 'pending'
          ? `Появится ${formatDate(recall.availableAt)}: через 30 дней после первого ответа, когда повторения покажут, что осталось в памяти.`
          : 'Появится через 30 дней после первого ответа.';
    return h('dd', attrs, text);
  }

  function draw(): void {
    const state = runtime.getState();
    fill(alerts, ...storageAlerts(state));
    const remaining = remainingByLesson(lessons, state.deck.cards);
    const completedAt = lessonsCompletedAt(state.deck, lessons);
    if (remaining.length > 0 || completedAt === null) {
      fill(
        main,
        h(
          'section',
          { class: 'certificate-locked', 'data-certificate-locked': '' },
          h('p', {}, 'Сертификат появится, когда вы ответите на все вопросы курса.'),
          remainingView(remaining),
        ),
      );
      return;
    }
    const results = bestAndLatest(state.finalChecks);
    if (document.activeElement !== input) input.value = state.learnerName;
    nameLine.textContent = input.value.trim() || '—';
    fill(
      main,
      nameField,
      h(
        'article',
        { class: 'certificate', 'aria-labelledby': 'certificate-title' },
        h('p', { class: 'certificate-kicker' }, 'Сертификат о прохождении курса'),
        h('h2', { id: 'certificate-title', class: 'certificate-course' }, courseTitle),
        nameLine,
        h(
          'dl',
          { class: 'certificate-facts' },
          h('dt', {}, 'Уроки пройдены'),
          h('dd', { 'data-certificate-completed': '' }, formatDate(completedAt)),
          h('dt', {}, 'Итоговая проверка, лучший результат'),
          h(
            'dd',
            { 'data-certificate-score': '' },
            results ? attemptText(results.best) : 'ещё не пройдена',
            !results && ' — ',
            !results && h('a', { href: finalCheckUrl(), class: 'no-print' }, 'пройти проверку'),
          ),
          h('dt', {}, 'Измеренное запоминание'),
          recallLine(),
        ),
        h(
          'p',
          { class: 'certificate-issuer' },
          'Сертификат выдан вашим браузером по данным, которые хранятся только в нём. Его никто не проверял и не заверял.',
          inLms && ' Вы проходите курс в системе обучения (LMS): подтверждение прохождения — запись в ней.',
        ),
      ),
      h(
        'p',
        { class: 'no-print' },
        h('button', { type: 'button', onclick: () => window.print() }, 'Распечатать или сохранить в PDF'),
      ),
    );
  }

  // Redrawn when the log, the attempts or an alert change; a name saved as it is typed redraws
  // nothing (the field would lose focus), the line beside it is already current.
  let drawnFor = '';
  runtime.subscribe((state) => {
    const key = `${state.deck.reviewCount}:${state.deck.cards.size}:${state.finalChecks.length}:${state.storageAlert}:${state.saveError}`;
    if (key === drawnFor) return;
    drawnFor = key;
    draw();
  });
  draw();
}

/** Mounts the certificate into `[data-certificate]` (its course title in `data-course-title`). */
export function mountCertificate(root: ParentNode = document): void {
  const el = root.querySelector<HTMLElement>('[data-certificate]');
  if (!el) return;
  startWhenLoaded(
    el,
    () => Promise.all([fetchCourseCards(), pageRuntime().loadLog()]),
    ([course]) => startCertificate(el, course, el.dataset.courseTitle ?? ''),
    'Не удалось загрузить данные курса. Проверьте соединение и попробуйте ещё раз.',
  );
}
