import { expect, test, type Locator, type Page } from '@playwright/test';
import { readCourse } from '../tests/read-course';

// What e2e/review.spec.ts leaves out: a fresh learner's first session and the new-per-day limit,
// `?lesson=`, a wrong pick, focus and announcements, and the page at 320 px.
const START = new Date('2026-03-02T10:00:00+03:00').getTime();
const NEW_PER_DAY = 10;
test.describe.configure({ timeout: 180_000 });

const lessons = readCourse();
const titles = new Map(lessons.map((l) => [l.slug, l.data.title]));
/** Every question of the course: its lesson, type, `source` heading and the right answer's text. */
const questions = new Map(
  lessons.flatMap((lesson) =>
    lesson.data.questions.map((q) => {
      const answer =
        q.type === 'recall'
          ? q.answer
          : q.type === 'choice'
            ? q.options.find((o) => o.correct)!.text
            : titles.get(q.answer)!;
      return [q.id, { slug: lesson.slug, type: q.type, source: q.source, answer }] as const;
    }),
  ),
);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const optionText = (text: string) => squash(text).replace(/^\d+\.\s*/, '');

const card = (page: Page) => page.locator('.review [data-question-id]');
const finished = (page: Page) => page.getByRole('heading', { name: 'Повторение завершено' });
const startNew = (page: Page) => page.getByRole('button', { name: /^Начать новые вопросы/ });
/** A rating button of `q` (options may begin with the same word, so only the ratings group). */
const rating = (q: Locator, name: string) =>
  q
    .getByRole('group', { name: /^Насколько (легко вы вспомнили ответ|уверенно вы ответили)\?$/ })
    .getByRole('button', { name: new RegExp(`^${name}`) });
const isRecall = async (page: Page) =>
  questions.get((await card(page).getAttribute('data-question-id'))!)!.type === 'recall';

/** Opens /review/ at the fixed time and waits for the page to load the learner's progress. */
async function openReview(page: Page, query = ''): Promise<void> {
  await page.goto(`/review/${query}`);
  // The count is hidden when nothing is due (the heading says so), but it is there once loaded.
  await expect(page.locator('[data-due-count]')).toBeAttached();
}

/** The option button of `q` whose text is (or is not) the right answer. */
async function option(q: Locator, right: boolean): Promise<Locator> {
  const id = (await q.getAttribute('data-question-id'))!;
  const texts = (await q.locator('button.option').allTextContents()).map(optionText);
  const index = texts.findIndex((t) => (t === squash(questions.get(id)!.answer)) === right);
  expect(index, `option of ${id}`).toBeGreaterThanOrEqual(0);
  return q.locator('button.option').nth(index);
}

/** Answers the card on screen right and rates it «Хорошо», by mouse; returns its id. */
async function answerRightByMouse(page: Page): Promise<string> {
  const q = card(page);
  const id = (await q.getAttribute('data-question-id'))!;
  if (await q.locator('button.reveal').count()) await q.locator('button.reveal').click();
  else await (await option(q, true)).click();
  await rating(q, 'Хорошо').click();
  return id;
}

/** Waits until `count` ratings are done in this session (or the session is over). */
async function waitDone(page: Page, count: number): Promise<void> {
  // One look at the DOM: the bar is gone once the session is over, so no locator may wait for it.
  await expect
    .poll(() =>
      page.evaluate((n) => {
        const bar = document.querySelector('.review [role="progressbar"]');
        return bar
          ? bar.getAttribute('aria-valuenow') === String(n)
          : document.querySelector('.review-finished') !== null;
      }, count),
    )
    .toBe(true);
}

/** Answers every card right by mouse until the session ends; returns the ids in the order shown. */
async function finishByMouse(page: Page, doneBefore = 0): Promise<string[]> {
  const ids: string[] = [];
  while (!(await finished(page).isVisible())) {
    await expect(card(page).or(finished(page))).toBeVisible();
    if (await finished(page).isVisible()) break;
    ids.push(await answerRightByMouse(page));
    await waitDone(page, doneBefore + ids.length);
  }
  return ids;
}

/** Visits lessons' pages: the review offers new questions only from lessons the learner has opened. */
async function openLessons(page: Page, slugs: string[] = lessons.map((l) => l.slug)): Promise<void> {
  for (const slug of slugs) {
    await page.goto(`/lessons/${slug}/`);
    await expect(page.locator('.question-card').first()).toBeVisible();
  }
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: START });
});

test('a fresh learner sees an empty review with a link to the lessons, starts new questions and stops at the daily limit', async ({
  page,
}) => {
  await openReview(page);
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
  await expect(page.getByRole('heading', { name: 'Сейчас повторять нечего' })).toBeVisible();
  // Before any lesson is read there are no questions to start: the page points to the first lesson.
  await expect(startNew(page)).toHaveCount(0);
  await expect(page.getByText('Вопросы появляются здесь после того, как вы прочитаете урок.')).toBeVisible();
  await expect(page.getByRole('link', { name: `Открыть урок «${lessons[0]!.data.title}»` })).toHaveAttribute(
    'href',
    `/lessons/${lessons[0]!.slug}/`,
  );
  await expect(card(page)).toHaveCount(0);

  // Once the first lesson is opened, only its questions are offered.
  await openLessons(page, [lessons[0]!.slug]);
  await openReview(page);
  await expect(startNew(page)).toHaveText(
    `Начать новые вопросы (${Math.min(NEW_PER_DAY, lessons[0]!.data.questions.length)} вопросов)`,
  );
  await expect(page.getByRole('link', { name: 'К урокам' })).toHaveAttribute('href', '/#lessons');
  await openLessons(page);
  await openReview(page);
  await expect(startNew(page)).toHaveText(`Начать новые вопросы (${NEW_PER_DAY} вопросов)`);

  await startNew(page).click();
  await expect(card(page)).toBeVisible();
  await expect(startNew(page)).toHaveCount(0);
  const progress = page.getByRole('progressbar');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', String(NEW_PER_DAY));
  // New questions come in course order: the first is the first lesson's first question.
  await expect(card(page)).toHaveAttribute('data-question-id', lessons[0]!.data.questions[0]!.id);

  const first = await answerRightByMouse(page);
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  // The bar is drawn to scale (its width is set through the CSSOM, which the CSP allows).
  const share = await progress.evaluate((bar) => bar.firstElementChild!.clientWidth / bar.clientWidth);
  expect(share).toBeCloseTo(1 / NEW_PER_DAY, 1);
  await expect(card(page)).not.toHaveAttribute('data-question-id', first);
  const rest = await finishByMouse(page, 1);
  const seen = [first, ...rest];
  expect(seen).toHaveLength(NEW_PER_DAY);
  expect(new Set(seen).size).toBe(NEW_PER_DAY);
  for (const id of seen) expect(questions.has(id), `${id} is a course question`).toBe(true);

  await expect(finished(page)).toBeVisible();
  await expect(page.getByText(/Следующая карточка: /)).toBeVisible();
  await expect(startNew(page)).toHaveCount(0);
  // Answered «Хорошо», none is due again today; the limit still holds after a reload and later that study day.
  await expect(page.locator('[data-review]')).toHaveAttribute('data-saving', '0');
  await page.reload();
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
  await expect(page.getByRole('heading', { name: 'Сейчас повторять нечего' })).toBeVisible();
  await expect(startNew(page)).toHaveCount(0);
  await page.clock.setSystemTime(START + 17 * 3_600_000 + 30 * 60_000); // 03:30 the next morning: same study day
  await openReview(page);
  await expect(startNew(page)).toHaveCount(0);
  await page.clock.setSystemTime(START + 18 * 3_600_000 + 5 * 60_000); // 04:05: a new study day
  await openReview(page);
  await expect(startNew(page)).toHaveText(`Начать новые вопросы (${NEW_PER_DAY} вопросов)`);
});

test('?lesson=<slug> reviews only that lesson’s questions', async ({ page }) => {
  const lesson = lessons[2]!;
  // The lesson page's questions are the ones the review may show.
  await page.goto(`/lessons/${lesson.slug}/`);
  const ids = await page
    .locator('.checkpoint [data-question-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')!));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.length).toBeLessThanOrEqual(NEW_PER_DAY);

  await openReview(page, `?lesson=${lesson.slug}`);
  await expect(page.locator('.review-filter')).toContainText(`Только урок «${lesson.data.title}»`);
  await expect(page.locator('.review-filter a')).toHaveAttribute('href', '/review/');
  await expect(startNew(page)).toContainText(`(${ids.length} `);
  await startNew(page).click();
  const seen = await finishByMouse(page);
  expect([...seen].sort()).toEqual([...ids].sort());
  await expect(finished(page)).toBeVisible();
});

test('an unknown ?lesson= says so and reviews the whole course', async ({ page }) => {
  await openLessons(page);
  await openReview(page, '?lesson=no-such-lesson');
  await expect(page.getByRole('status').filter({ hasText: 'Такого урока в курсе нет' })).toBeVisible();
  await expect(page.locator('.review-filter')).toHaveCount(0);
  await expect(startNew(page)).toHaveText(`Начать новые вопросы (${NEW_PER_DAY} вопросов)`);
});

test('a wrong pick explains the answer, links to the section to re-read, and the card comes back at the end of the session', async ({
  page,
}) => {
  const lesson = lessons[0]!;
  const choices = lesson.data.questions.filter((q) => q.type === 'choice');
  expect(choices.length).toBeGreaterThan(0);
  await openLessons(page, [lesson.slug]);
  await openReview(page, `?lesson=${lesson.slug}`);
  await startNew(page).click();

  const shown: string[] = [];
  let missed: string | undefined;
  while (true) {
    await expect(card(page).or(finished(page))).toBeVisible();
    if (await finished(page).isVisible()) break;
    const q = card(page);
    const id = (await q.getAttribute('data-question-id'))!;
    shown.push(id);
    if (!missed && questions.get(id)!.type === 'choice') {
      missed = id;
      await (await option(q, false)).click();
      await expect(q.locator('.question-feedback')).toHaveText(
        `Неверно. Правильный ответ: ${squash(questions.get(id)!.answer)}`,
      );
      await expect(
        q.getByText(
          lesson.data.questions
            .find((x) => x.id === id)!
            .explanation.trim()
            .slice(0, 40),
        ),
      ).toBeVisible();
      const link = q.getByRole('link', { name: 'Перечитать раздел урока' });
      await expect(link).toHaveAttribute('href', `/lessons/${lesson.slug}/#${questions.get(id)!.source}`);
      // No rating after a wrong pick: it was rated «Снова» by itself; «Дальше» moves on.
      await expect(q.locator('button.rate')).toHaveCount(0);
      await expect(page.locator('.review > [role="status"]')).toHaveText('Карточка вернётся в конце сессии.');
      await q.getByRole('button', { name: 'Дальше' }).click();
      await expect(card(page)).not.toHaveAttribute('data-question-id', id);
      continue;
    }
    await answerRightByMouse(page);
    await waitDone(page, shown.length);
  }
  expect(missed).toBeDefined();
  const total = lesson.data.questions.length;
  expect(shown).toHaveLength(total + 1);
  expect(shown.filter((id) => id === missed)).toHaveLength(2);
  expect(shown.at(-1)).toBe(missed);

  // The section the link points to exists on the lesson page.
  const source = questions.get(missed!)!.source;
  await page.goto(`/lessons/${lesson.slug}/#${source}`);
  await expect(page.locator(`[id="${source}"]`)).toHaveCount(1);
  await expect(page.locator(`[id="${source}"]`)).toBeInViewport();
});

test('focus follows the review: rating buttons after revealing, the next card after rating; results are announced', async ({
  page,
}) => {
  await openLessons(page);
  await openReview(page);
  await startNew(page).click();
  const status = page.locator('.review > [role="status"]');
  await expect(status).toHaveText('');
  const q = card(page);
  await expect(q).toBeVisible();
  // Focus is in the first card as soon as it appears.
  await expect.poll(() => q.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  for (let done = 1; !(await isRecall(page)); done++) {
    await answerRightByMouse(page);
    await waitDone(page, done);
  }
  const firstId = (await q.getAttribute('data-question-id'))!;
  await q.locator('button.reveal').click();
  const focused = page.locator(':focus');
  await expect(focused).toHaveClass(/\brate\b/);
  await expect(focused).toHaveAccessibleName(/^Хорошо · /);

  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Оценка сохранена.');
  await expect(card(page)).not.toHaveAttribute('data-question-id', firstId);
  const next = card(page);
  await expect.poll(() => next.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  // A wrong pick is announced in the card and in the review's live region; focus goes to «Дальше».
  let id = (await next.getAttribute('data-question-id'))!;
  while (questions.get(id)!.type === 'recall') {
    await next.locator('button.reveal').click();
    await page.keyboard.press('Enter');
    await expect(card(page)).not.toHaveAttribute('data-question-id', id);
    id = (await card(page).getAttribute('data-question-id'))!;
  }
  await (await option(card(page), false)).click();
  await expect(card(page).getByRole('status')).toHaveText(/^Неверно\. Правильный ответ: /);
  await expect(status).toHaveText('Карточка вернётся в конце сессии.');
  await expect(page.locator(':focus')).toHaveText('Дальше');
  await page.keyboard.press('Enter');
  await expect(card(page)).not.toHaveAttribute('data-question-id', id);
  await expect.poll(() => card(page).evaluate((el) => el.contains(document.activeElement))).toBe(true);

  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(status).toHaveText('Последняя оценка отменена.');
});

// The rated card unmounts with the focus in it; the finished heading takes the focus.
test('after the last card focus moves to the «Повторение завершено» heading', async ({ page }) => {
  await openLessons(page, [lessons[0]!.slug]);
  await openReview(page, `?lesson=${lessons[0]!.slug}`);
  await startNew(page).click();
  await finishByMouse(page);
  await expect(finished(page)).toBeFocused();
});

/** Fails with the offending elements when the page scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${el.getBoundingClientRect().right}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  expect(overflow.scrollWidth, `${label}: ${overflow.wide.join('; ')}`).toBeLessThanOrEqual(overflow.width);
}

/** The visible buttons in `scope`: how many, and those smaller than 44×44 CSS px as `selector «text» W×H`. */
async function measureButtons(scope: Locator): Promise<{ count: number; small: string[] }> {
  return scope.evaluateAll((roots) => {
    const shown = roots
      .flatMap((root) => [...root.querySelectorAll('button')])
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0);
    const small = shown
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(
        ({ b, r }) =>
          `button.${b.className || '(no class)'} «${b.textContent?.trim().slice(0, 20)}» ${r.width.toFixed(1)}×${r.height.toFixed(1)}`,
      );
    return { count: shown.length, small };
  });
}

/** Walks the review through each kind of button at 320 px: start, reveal, ratings, options, «Дальше», «Отменить». */
async function reviewStatesAt320(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLessons(page);
  await openReview(page);
  await check('/review/ before starting');
  await startNew(page).click();
  await expect(card(page)).toBeVisible();
  let done = 0;
  while (!(await isRecall(page))) {
    await answerRightByMouse(page);
    await waitDone(page, ++done);
  }
  await check('/review/ recall card');
  await card(page).locator('button.reveal').click();
  await check('/review/ ratings shown');
  await rating(card(page), 'Хорошо').click();
  await waitDone(page, ++done);
  while (questions.get((await card(page).getAttribute('data-question-id'))!)!.type !== 'choice') {
    await answerRightByMouse(page);
    await waitDone(page, ++done);
  }
  await check('/review/ choice card');
  await (await option(card(page), false)).click();
  await check('/review/ after a wrong pick');
}

async function lessonStatesAt320(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  // The last lesson: the review above started only the first lesson's questions, so these are all unanswered.
  await page.goto(`/lessons/${lessons.at(-1)!.slug}/`);
  // Questions sit in several checkpoints through the text; each hydrates when scrolled into view.
  const checkpoints = await page.locator('.checkpoint').all();
  expect(checkpoints.length).toBeGreaterThan(0);
  for (const checkpoint of checkpoints) {
    await checkpoint.scrollIntoViewIfNeeded();
    await expect(checkpoint.locator('button.reveal, button.option').first()).toBeVisible();
  }
  await check('lesson checkpoints hydrated');
  const recallId = await page
    .locator('.checkpoint [data-question-id]')
    .filter({ has: page.locator('button.reveal') })
    .first()
    .getAttribute('data-question-id');
  const recall = page.locator(`.checkpoint [data-question-id="${recallId}"]`);
  await recall.locator('button.reveal').click();
  await expect(rating(recall, 'Хорошо')).toBeVisible();
  await check('lesson checkpoint ratings shown');
}

test('at 320 px neither the review mid-session nor a lesson with its checkpoint scrolls sideways', async ({ page }) => {
  const check = (label: string) => expectNoSidewaysScroll(page, label);
  await reviewStatesAt320(page, check);
  await lessonStatesAt320(page, check);
});

test('at 320 px every button in the review and the inline quiz is at least 44×44 px', async ({ page }) => {
  const small: string[] = [];
  const collect = (scope: Locator) => async (label: string) => {
    const measured = await measureButtons(scope);
    expect(measured.count, `${label}: buttons measured`).toBeGreaterThan(0);
    for (const s of measured.small) small.push(`${label}: ${s}`);
  };
  await reviewStatesAt320(page, collect(page.locator('.review')));
  await lessonStatesAt320(page, collect(page.locator('.checkpoint')));
  expect(small).toEqual([]);
});
