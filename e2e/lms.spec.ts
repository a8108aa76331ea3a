import { expect, test, type BrowserContext, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import type { LmsCourse } from '../src/lms/host';
import { decodeLmsState, encodeLmsState } from '../src/lms/suspend';
import { readCourse } from '../tests/read-course';
import { PACKAGE_PATHS, readPackage, startLmsServer, type LmsServer } from './lms/lms-server';
import { importBackup, versionTwoBackup } from './seed';

// The SCORM packages (npm run package:lms) inside a test LMS page: scorm-again provides the API,
// each package is served unzipped from a nested folder and shown in the LMS's frame.
type Version = keyof typeof PACKAGE_PATHS;
type Record12 = {
  cmi: { core: Record<string, string>; suspend_data: string; interactions: Record<string, Record<string, string>> };
};
type Record2004 = { cmi: Record<string, string> & { interactions: Record<string, Record<string, string>> } };

const lessons = readCourse();
const first = lessons[0]!;
const titles = new Map(lessons.map((l) => [l.slug, l.data.title]));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const rightText = (id: string): string => {
  const q = lessons.flatMap((l) => l.data.questions).find((x) => x.id === id)!;
  if (q.type === 'recall') return q.answer;
  return q.type === 'choice' ? q.options.find((o) => o.correct)!.text : titles.get(q.answer)!;
};
const firstChoice = first.data.questions.find((q) => q.type === 'choice')!;
const LESSON_LOCATION = `lessons/${first.slug}/index.html`;

/** The course data written into a package's launch page. */
function packageCourse(version: Version): LmsCourse {
  const html = strFromU8(readPackage(version)['launch.html']!);
  return JSON.parse(/<script type="application\/json" id="course-data">([^<]*)<\/script>/.exec(html)![1]!) as LmsCourse;
}

let server: LmsServer;
test.beforeAll(async () => {
  server = await startLmsServer();
});
test.afterAll(async () => {
  await server.close();
});
test.afterEach(() => {
  // Every URL the course asked for is inside its package.
  expect(server.missing).toEqual([]);
  server.missing.length = 0;
});

interface Launch {
  version: Version;
  learner?: string;
  record?: unknown;
  fail?: string;
}

/** Opens the test LMS in a new page of `context` and launches the package in its player. */
async function launch(context: BrowserContext, { version, learner = 'learner-1', record, fail }: Launch) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (record) await page.addInitScript((stored) => Object.assign(window, { lmsStoredRecord: stored }), record);
  const query = new URLSearchParams({
    v: version === '1.2' ? '12' : '2004',
    learner,
    package: `${PACKAGE_PATHS[version]}launch.html`,
    ...(fail ? { fail } : {}),
  });
  await page.goto(`${server.url}/lms/test-lms.html?${query}`);
  const launchPage = page.frameLocator('#player iframe');
  const course = launchPage.frameLocator('#course-frame');
  await expect(course.locator('main')).toBeVisible();
  return { page, launchPage, course, errors };
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { lmsCalls: string[] }).lmsCalls);
const record = <T>(page: Page) =>
  page.evaluate(() => (window as unknown as { lmsRecord: () => unknown }).lmsRecord()) as Promise<T>;

/** Closes the course as the LMS's player does (the frame goes), and returns the LMS's record. */
async function close<T>(page: Page): Promise<T> {
  await page.locator('#close').click();
  await expect.poll(async () => (await calls(page)).filter((c) => /^(LMSFinish|Terminate)/.test(c)).length).toBe(1);
  return record<T>(page);
}

async function openFirstLesson(course: FrameLocator): Promise<void> {
  await course.getByRole('link', { name: first.data.title }).first().click();
  await expect(course.locator('.question-card').first()).toBeVisible();
}

const question = (course: FrameLocator, id: string): Locator =>
  course.locator(`.checkpoint [data-question-id="${id}"]`);

async function pickRight(q: Locator, id: string): Promise<void> {
  const options = q.locator('button.option');
  const texts = (await options.allTextContents()).map((t) => squash(t).replace(/^\d+\.\s*/, ''));
  await options.nth(texts.indexOf(squash(rightText(id)))).click();
  await expect(q.getByText(/^Ответ сохранён с оценкой/)).toBeVisible();
}

test('each package: the manifest parses, lists every file of the zip, names the launch file and the mastery score', async ({
  page,
}) => {
  for (const version of ['1.2', '2004'] as const) {
    const files = readPackage(version);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      const resource = doc.getElementsByTagName('resource')[0]!;
      return {
        schemaVersion: doc.getElementsByTagName('schemaversion')[0]?.textContent,
        launch: resource.getAttribute('href'),
        scormType: resource.getAttribute('adlcp:scormtype') ?? resource.getAttribute('adlcp:scormType'),
        files: [...doc.getElementsByTagName('file')].map((f) => decodeURI(f.getAttribute('href')!)),
        mastery:
          doc.getElementsByTagName('adlcp:masteryscore')[0]?.textContent ??
          doc.getElementsByTagName('imsss:minNormalizedMeasure')[0]?.textContent,
      };
    }, manifest);
    expect(parsed, `SCORM ${version} manifest`).not.toBeNull();
    expect(parsed!.schemaVersion).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
    expect(parsed!.launch).toBe('launch.html');
    expect(parsed!.scormType).toBe('sco');
    expect(parsed!.mastery).toBe(version === '1.2' ? '80' : '0.8');
    expect(parsed!.files.sort()).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'imsmanifest.xml' && !f.endsWith('/'))
        .sort(),
    );
    expect(parsed!.files).toContain('launch.html');
    expect(parsed!.files).toContain('lessons/ignoring-the-problem/index.html');
  }
});

test('the plain site carries no LMS code; the package does', () => {
  const scripts = (dir: string) =>
    readdirSync(join(dir, '_astro'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, '_astro', f), 'utf8'))
      .join('\n');
  const lmsMarkers = /courseLms|cmi\.suspend_data|API_1484_11|course-root/;
  expect(scripts(process.env['ASTRO_OUT_DIR'] ?? 'dist')).not.toMatch(lmsMarkers);
  expect(scripts(join('dist-lms', 'site'))).toMatch(lmsMarkers);
  expect(strFromU8(readPackage('2004')['lms/launch.js']!)).toMatch(/API_1484_11/);
});

test('SCORM 1.2: initialises once, «incomplete» after the first lesson, location, interactions, session time, resume', async ({
  context,
}) => {
  const { page, course, errors } = await launch(context, { version: '1.2' });
  await expect.poll(() => calls(page)).toContain('LMSInitialize');
  await openFirstLesson(course);
  await pickRight(question(course, firstChoice.id), firstChoice.id);
  await expect.poll(async () => (await record<Record12>(page)).cmi.core['lesson_status']).toBe('incomplete');
  const during = await record<Record12>(page);
  expect(during.cmi.core['lesson_location']).toBe(LESSON_LOCATION);
  expect(Object.values(during.cmi.interactions)).toEqual([
    expect.objectContaining({ id: firstChoice.id, type: 'choice', result: 'correct' }),
  ]);
  expect(
    decodeLmsState(
      during.cmi.suspend_data,
      packageCourse('1.2').questions.map((q) => q.id),
    )!.reviews,
  ).toHaveLength(1);

  const after = await close<Record12>(page);
  expect(after.cmi.core['exit']).toBe('suspend');
  expect(after.cmi.core['session_time']).not.toBe('00:00:00');
  const made = await calls(page);
  expect(made.filter((c) => c === 'LMSInitialize')).toHaveLength(1);
  expect(made.filter((c) => c.startsWith('LMSCommit')).length).toBeGreaterThan(0);
  expect(errors).toEqual([]);

  // Next launch: the course offers to continue at the lesson, and the answer is still there.
  const again = await launch(context, { version: '1.2', record: after });
  const resume = again.launchPage.locator('#lms-resume');
  await expect(resume).toContainText(`остановились на уроке «${first.data.title}». Продолжить с того же места?`);
  await resume.getByRole('button', { name: 'Продолжить' }).click();
  await expect(question(again.course, firstChoice.id)).toContainText('Этот вопрос уже в ваших карточках.');
  await expect(again.launchPage.getByRole('alert')).toBeHidden();
});

test('SCORM 1.2: «completed» once every question of the course has been answered (state from suspend_data)', async ({
  context,
}) => {
  const stored = everyQuestionAnswered('1.2', 'learner-9');
  const { page } = await launch(context, { version: '1.2', learner: 'learner-9', record: stored });
  await expect.poll(async () => (await record<Record12>(page)).cmi.core['lesson_status']).toBe('completed');
});

/** The LMS's stored record of a learner who has answered every question once (state in suspend_data). */
function everyQuestionAnswered(version: Version, learner: string, extra: Record<string, string> = {}): unknown {
  const course = packageCourse(version);
  const start = Date.parse('2026-03-02T10:00:00+03:00');
  const reviews = course.questions.map((q, i) => ({
    id: crypto.randomUUID(),
    questionId: q.id,
    rating: 3 as const,
    reviewedAt: start + i * 60_000,
    utcOffsetMinutes: 180,
    dayStartHour: 4,
  }));
  const { data } = encodeLmsState(
    { writtenAt: start + 86_400_000, reviews, undone: [], resetAt: null, openedLessons: {}, finalChecks: [] },
    version === '1.2' ? 4096 : 64_000,
    course.questions.map((q) => q.id),
  );
  return version === '1.2'
    ? { cmi: { core: { student_id: learner, student_name: 'Петров, Олег' }, suspend_data: data } }
    : { cmi: { learner_id: learner, learner_name: 'Петров, Олег', suspend_data: data, ...extra } };
}

type Card = { id: string; type: string; options?: { text: string; correct: boolean }[] };

/** Takes the final check in the course frame: answers number `wrong` (1-based) wrong, the rest right. */
async function takeFinalCheck(launchPage: FrameLocator, course: FrameLocator, wrong: readonly number[]) {
  const cards = (JSON.parse(strFromU8(readPackage('2004')['cards.json']!)) as { cards: Card[] }).cards;
  await launchPage.locator('#course-frame').evaluate((frame: HTMLIFrameElement) => {
    frame.src = 'final-check/index.html';
  });
  await course.getByRole('button', { name: /^(Начать проверку|Пройти ещё раз)$/ }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(course.getByText(`Вопрос ${n} из 10`, { exact: true })).toBeVisible();
    const card = course.locator('.final-question [data-question-id]');
    const id = await card.getAttribute('data-question-id');
    const option = cards.find((c) => c.id === id)!.options!.find((o) => o.correct === !wrong.includes(n))!;
    await card.getByRole('button', { name: option.text }).click();
    await course.getByRole('button', { name: n === 10 ? 'Завершить проверку' : 'Дальше' }).click();
  }
  await expect(course.locator('[data-final-check]')).toHaveAttribute('data-saving', '0');
}

test('SCORM 1.2: the final check reports the score, «failed» below 80 % and «passed» after a better retake', async ({
  context,
}) => {
  const { page, launchPage, course } = await launch(context, {
    version: '1.2',
    learner: 'learner-fc',
    record: everyQuestionAnswered('1.2', 'learner-fc'),
  });
  await expect.poll(async () => (await record<Record12>(page)).cmi.core['lesson_status']).toBe('completed');
  await takeFinalCheck(launchPage, course, [1, 4, 9]);
  await expect.poll(async () => (await record<Record12>(page)).cmi.core['lesson_status']).toBe('failed');
  expect((await record<Record12>(page)).cmi.core['score']).toMatchObject({ raw: '70', max: '100' });
  const results = Object.values((await record<Record12>(page)).cmi.interactions);
  expect(results).toHaveLength(10);
  expect(results.filter((i) => i['result'] === 'wrong')).toHaveLength(3);

  await takeFinalCheck(launchPage, course, []);
  await expect.poll(async () => (await record<Record12>(page)).cmi.core['lesson_status']).toBe('passed');
  expect((await record<Record12>(page)).cmi.core['score']).toMatchObject({ raw: '100' });
  // The certificate carries the name the LMS gave.
  await launchPage.locator('#course-frame').evaluate((frame: HTMLIFrameElement) => {
    frame.src = 'certificate/index.html';
  });
  await expect(course.locator('[data-certificate-name]')).toHaveText('Олег Петров');
});

test('SCORM 2004: success against the LMS’s own passing score, the score scaled', async ({ context }) => {
  const { page, launchPage, course } = await launch(context, {
    version: '2004',
    learner: 'learner-strict',
    record: everyQuestionAnswered('2004', 'learner-strict', { scaled_passing_score: '0.9' }),
  });
  await expect.poll(async () => (await record<Record2004>(page)).cmi['completion_status']).toBe('completed');
  await takeFinalCheck(launchPage, course, [5, 6]);
  await expect.poll(async () => (await record<Record2004>(page)).cmi['success_status']).toBe('failed');
  expect((await record<Record2004>(page)).cmi['score']).toMatchObject({ scaled: '0.8' });
  await takeFinalCheck(launchPage, course, [3]);
  await expect.poll(async () => (await record<Record2004>(page)).cmi['success_status']).toBe('passed');
  expect((await record<Record2004>(page)).cmi['score']).toMatchObject({ scaled: '0.9' });
});

test('SCORM 2004: the log travels to a fresh browser through suspend_data, and an undone review does not come back', async ({
  browser,
}) => {
  const ids = packageCourse('2004').questions.map((q) => q.id);
  const reviewsOf = (r: Record2004) => decodeLmsState(r.cmi['suspend_data']!, ids)!.reviews;

  // Computer A: answers right (saved as «Хорошо» at once, and reported with the answer).
  const computerA = await browser.newContext();
  const a = await launch(computerA, { version: '2004' });
  await openFirstLesson(a.course);
  const q = question(a.course, firstChoice.id);
  await pickRight(q, firstChoice.id);
  await expect.poll(async () => reviewsOf(await record<Record2004>(a.page)).length).toBe(1);
  const meanwhile = await record<Record2004>(a.page);
  const [good] = reviewsOf(meanwhile);
  expect(good).toMatchObject({ questionId: firstChoice.id, rating: 3 });

  // Computer B, a fresh browser, launched meanwhile: the answer arrives with the LMS's state.
  const computerB = await browser.newContext();
  const b1 = await launch(computerB, { version: '2004', record: meanwhile });
  await openFirstLesson(b1.course);
  await expect(question(b1.course, firstChoice.id)).toContainText('Этот вопрос уже в ваших карточках.');
  await close(b1.page);

  // Back on computer A the learner says it was easy: «Легко» replaces «Хорошо» (which is undone).
  await q.getByRole('button', { name: /^Легко/ }).click();
  await expect(q.getByText(/^Ответ сохранён с оценкой «Легко»/)).toBeVisible();
  await expect.poll(async () => reviewsOf(await record<Record2004>(a.page)).map((r) => r.rating)).toEqual([4]);
  const fromA = await close<Record2004>(a.page);

  // Computer B still holds the «Хорошо»; the LMS's state takes it back there too, for good.
  const b2 = await launch(computerB, { version: '2004', record: fromA });
  await expect.poll(async () => reviewsOf(await record<Record2004>(b2.page)).map((r) => r.rating)).toEqual([4]);
  const fromB = await close<Record2004>(b2.page);
  expect(reviewsOf(fromB).map((r) => r.id)).not.toContain(good!.id);
  // And the browser's own log there holds one review, as the settings page counts them.
  const b3 = await launch(computerB, { version: '2004', record: fromB });
  await b3.launchPage.locator('#course-frame').evaluate((frame: HTMLIFrameElement) => {
    frame.src = 'settings/index.html';
  });
  await expect(b3.course.locator('[data-review-count]')).toHaveAttribute('data-review-count', '1');
  await computerA.close();
  await computerB.close();
});

test('SCORM 1.2: a history larger than suspend_data holds: the newest go to the LMS, and the launch page says so', async ({
  context,
}) => {
  const { page, launchPage, course } = await launch(context, { version: '1.2', learner: 'learner-long' });
  await launchPage.locator('#course-frame').evaluate((frame: HTMLIFrameElement) => {
    frame.src = 'settings/index.html';
  });
  const ids = packageCourse('1.2').questions.map((q) => q.id);
  const history = Array.from({ length: 250 }, (_, i) => ({
    questionId: ids[i % ids.length]!,
    rating: 3 as const,
    iso: new Date(Date.parse('2026-01-05T12:00:00+03:00') + i * 6 * 3_600_000).toISOString(),
  }));
  await importBackup(course, versionTwoBackup(history, { exportedAt: '2026-03-01T12:00:00+03:00' }));
  await expect(launchPage.getByRole('alert')).toContainText('только последние ответы');
  const stored = await record<Record12>(page);
  expect(stored.cmi.suspend_data.length).toBeLessThanOrEqual(4096);
  const kept = decodeLmsState(stored.cmi.suspend_data, ids)!.reviews;
  expect(kept.length).toBeGreaterThan(ids.length);
  expect(kept.length).toBeLessThan(history.length);
  // Every question keeps its newest review.
  expect(new Set(kept.map((r) => r.questionId)).size).toBe(ids.length);
});

test('two learners on one computer keep separate progress', async ({ context }) => {
  const anna = await launch(context, { version: '2004', learner: 'anna' });
  await openFirstLesson(anna.course);
  await pickRight(question(anna.course, firstChoice.id), firstChoice.id);
  const annas = await close<Record2004>(anna.page);

  const boris = await launch(context, { version: '2004', learner: 'boris' });
  await openFirstLesson(boris.course);
  await expect(question(boris.course, firstChoice.id).locator('button.option').first()).toBeEnabled();
  await expect(question(boris.course, firstChoice.id)).not.toContainText('Этот вопрос уже в ваших карточках.');
  const boriss = await close<Record2004>(boris.page);
  expect(boriss.cmi['completion_status']).not.toBe('completed');
  expect(Object.keys(boriss.cmi.interactions)).toHaveLength(0);

  const annaAgain = await launch(context, { version: '2004', learner: 'anna', record: annas });
  await openFirstLesson(annaAgain.course);
  await expect(question(annaAgain.course, firstChoice.id)).toContainText('Этот вопрос уже в ваших карточках.');
});

test('without an LMS, or with one that refuses, the course says so in Russian and keeps progress in the browser', async ({
  context,
}) => {
  // Opened without any LMS around it.
  const page = await context.newPage();
  await page.goto(`${server.url}${PACKAGE_PATHS['2004']}launch.html`);
  await expect(page.getByRole('alert')).toContainText('Система обучения (LMS) не найдена');
  const course = page.frameLocator('#course-frame');
  await openFirstLesson(course);
  await pickRight(question(course, firstChoice.id), firstChoice.id);
  await page.reload();
  await openFirstLesson(page.frameLocator('#course-frame'));
  await expect(question(page.frameLocator('#course-frame'), firstChoice.id)).toContainText(
    'Этот вопрос уже в ваших карточках.',
  );

  // An LMS whose Commit fails: the message shows, the answer is kept locally.
  const failing = await launch(context, { version: '1.2', learner: 'learner-f', fail: 'Commit' });
  await openFirstLesson(failing.course);
  const second = first.data.questions.filter((q) => q.type !== 'recall')[1]!;
  await pickRight(question(failing.course, second.id), second.id);
  await expect(failing.launchPage.getByRole('alert')).toContainText('не приняла последние результаты');
  await close(failing.page);
  const local = await launch(context, { version: '1.2', learner: 'learner-f' });
  await openFirstLesson(local.course);
  await expect(question(local.course, second.id)).toContainText('Этот вопрос уже в ваших карточках.');
});
