/**
 * The LMS package's launch page: the one SCO. It finds the LMS's API, holds the one SCORM session
 * for the whole visit (Initialize once, Terminate once, on leaving), and shows the course's pages
 * in a frame; the pages report through `courseLms` (host.ts). It reports where the learner is (the
 * lesson in the frame), offers to continue there on the next launch, and shows LMS trouble in
 * Russian while the course goes on working from the browser's storage.
 *
 * Bundled by scripts/package-lms.mjs into the package as `lms/launch.js`; never part of the site.
 */
import type { LmsCourse, LmsHost, LmsUpdate } from './host';
import {
  createLmsSession,
  findApi,
  SUSPEND_DATA_LIMIT,
  type Element,
  type Interaction,
  type LmsSession,
} from './scorm';

export const LAUNCH_MESSAGES = {
  noApi:
    'Система обучения (LMS) не найдена. Курс работает, прогресс сохраняется в этом браузере, но в LMS ничего не передаётся.',
  initFailed:
    'Система обучения (LMS) не открыла сеанс. Курс работает, прогресс сохраняется в этом браузере, но в LMS ничего не передаётся.',
  reportFailed:
    'Система обучения (LMS) не приняла последние результаты. Прогресс сохранён в этом браузере; отправим снова после следующего ответа.',
  suspendFull:
    'Система обучения (LMS) хранит для переноса на другой компьютер только последние ответы: там не будет части старых повторений. В этом браузере сохранено всё.',
  resume: (lesson: string | undefined) =>
    `В прошлый раз вы остановились на уроке${lesson ? ` «${lesson}»` : ''}. Продолжить с того же места?`,
} as const;

/** The lesson path in a frame URL relative to the package root (`lessons/<slug>/index.html`), or null. */
export function lessonLocation(frameUrl: string, rootUrl: string): string | null {
  if (!frameUrl.startsWith(rootUrl)) return null;
  const path = frameUrl.slice(rootUrl.length).split(/[?#]/)[0] ?? '';
  const match = /^lessons\/[a-z0-9-]+\/(index\.html)?$/.exec(path);
  return match ? (match[1] ? path : `${path}index.html`) : null;
}

/** Starts the launch page: `doc` holds the course data, the alert area, the resume bar and the frame. */
export function launch(win: Window & { courseLms?: LmsHost }, doc: Document = win.document): LmsHost {
  const course = JSON.parse(doc.getElementById('course-data')?.textContent ?? '{}') as LmsCourse;
  const alertArea = doc.getElementById('lms-alert')!;
  const frame = doc.getElementById('course-frame') as HTMLIFrameElement;
  const show = (text: string) => {
    alertArea.textContent = text;
    alertArea.hidden = false;
  };
  const startedAt = Date.now();

  let session: LmsSession | null = null;
  const found = findApi(win);
  if (!found) show(LAUNCH_MESSAGES.noApi);
  else {
    try {
      session = createLmsSession(found);
      session.initialize();
    } catch (error) {
      console.error(error);
      session = null;
      show(LAUNCH_MESSAGES.initFailed);
    }
  }
  const read = (element: Element): string => {
    try {
      return session?.get(element) ?? '';
    } catch (error) {
      console.error(error);
      return '';
    }
  };

  const passing = Number(read('scaledPassingScore'));
  /** Interactions not yet accepted by the LMS: sent again with the next report. */
  let pendingInteractions: Interaction[] = [];
  let suspendData = read('suspendData');
  let lastLocation = read('location');
  let ended = false;
  const flushes = new Set<() => void>();

  /** Applies what is given, commits, and says so when the LMS refuses. */
  const apply = (update: LmsUpdate & { location?: string }) => {
    if (!session || ended) return;
    pendingInteractions.push(...(update.interactions ?? []));
    try {
      if (update.location !== undefined) session.setLocation(update.location);
      if (update.standing) session.setStanding(update.standing);
      if (update.suspendData !== undefined) session.setSuspendData(update.suspendData);
      while (pendingInteractions.length) {
        session.addInteraction(pendingInteractions[0]!);
        pendingInteractions = pendingInteractions.slice(1);
      }
      session.commit();
      if (update.droppedReviews) show(LAUNCH_MESSAGES.suspendFull);
      else if (alertArea.textContent === LAUNCH_MESSAGES.reportFailed) alertArea.hidden = true;
    } catch (error) {
      console.error(error);
      show(LAUNCH_MESSAGES.reportFailed);
    }
  };

  const host: LmsHost = {
    version: session?.version ?? null,
    learnerId: read('learnerId') || null,
    learnerName: read('learnerName') || null,
    get suspendData() {
      return suspendData;
    },
    suspendLimit: SUSPEND_DATA_LIMIT[session?.version ?? '1.2'],
    passingScore: passing > 0 && passing <= 1 ? passing : course.passingScore,
    course,
    report(update) {
      if (update.suspendData !== undefined) suspendData = update.suspendData;
      apply(update);
    },
    beforeEnd(flush) {
      flushes.add(flush);
      return () => flushes.delete(flush);
    },
  };
  win.courseLms = host;

  const root = new URL('.', win.location.href).href;
  frame.addEventListener('load', () => {
    let href: string;
    try {
      href = frame.contentWindow?.location.href ?? '';
      doc.title = frame.contentDocument?.title || doc.title;
    } catch {
      return;
    }
    const location = lessonLocation(href, root);
    if (location && location !== lastLocation) {
      lastLocation = location;
      apply({ location });
    }
  });

  const resumeBar = doc.getElementById('lms-resume');
  const resumeAt = lessonLocation(new URL(lastLocation || 'index.html', root).href, root);
  if (resumeBar && resumeAt) {
    const slug = /^lessons\/([a-z0-9-]+)\//.exec(resumeAt)?.[1];
    resumeBar.querySelector('p')!.textContent = LAUNCH_MESSAGES.resume(
      course.lessons.find((lesson) => lesson.slug === slug)?.title,
    );
    resumeBar.hidden = false;
    resumeBar.querySelector<HTMLButtonElement>('[data-resume]')!.addEventListener('click', () => {
      resumeBar.hidden = true;
      frame.src = resumeAt;
    });
    resumeBar.querySelector<HTMLButtonElement>('[data-dismiss]')!.addEventListener('click', () => {
      resumeBar.hidden = true;
    });
  }

  win.addEventListener('pagehide', () => {
    if (!session || ended) return;
    for (const flush of flushes) flush();
    ended = true;
    try {
      session.terminate(Date.now() - startedAt);
    } catch (error) {
      console.error(error);
    }
  });

  frame.src = 'index.html';
  return host;
}

if (typeof window !== 'undefined' && document.getElementById('course-frame')) launch(window);
