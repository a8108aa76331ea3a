import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const START = new Date('2026-03-02T10:00:00+03:00').getTime();
const DAY = 86_400_000;
test.describe.configure({ timeout: 240_000 });

/** The first lesson's URL, and each question's right answer as the page shows it without JavaScript. */
async function readFirstLesson(
  browser: Browser,
  baseURL: string,
): Promise<{ href: string; answers: Map<string, string> }> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  const href = (await page.locator('.lesson-list a').first().getAttribute('href'))!;
  await page.goto(href);
  const answers = new Map<string, string>();
  for (const q of await page.locator('.checkpoint [data-question-id]').all()) {
    answers.set(
      (await q.getAttribute('data-question-id'))!,
      (await q.locator('.question-answer strong').textContent())!.trim(),
    );
  }
  await context.close();
  return { href, answers };
}

/** Answers one inline question right («Хорошо»), by mouse. */
async function answerInline(q: Locator, answers: Map<string, string>): Promise<void> {
  await q.scrollIntoViewIfNeeded();
  const id = (await q.getAttribute('data-question-id'))!;
  const hydrated = q.locator('button.reveal, button.option');
  await expect(hydrated.first()).toBeVisible();
  if (await q.locator('button.reveal').count()) await q.locator('button.reveal').click();
  else
    await q
      .locator('button.option', { hasText: answers.get(id)! })
      .first()
      .click();
  await q.getByRole('button', { name: /^Хорошо/ }).click();
  await expect(q.getByText(/^Ответ сохранён с оценкой «Хорошо»\./)).toBeVisible();
}

async function answerLesson(page: Page, href: string, answers: Map<string, string>, only?: (i: number) => boolean) {
  await page.goto(href);
  // The lesson script replaces the static cards with live ones: answer those, once they are there.
  await expect(
    page.locator('.checkpoint [data-question-id]').locator('button.reveal, button.option').first(),
  ).toBeVisible();
  const questions = await page.locator('.checkpoint [data-question-id]').all();
  for (const [i, q] of questions.entries()) if (!only || only(i)) await answerInline(q, answers);
  return questions.length;
}

/** Reviews the current card by keyboard alone; returns false when the session is over. */
async function reviewOneByKeyboard(page: Page, answers: Map<string, string>): Promise<boolean> {
  const card = page.locator('.review [data-question-id]');
  const finished = page.getByRole('heading', { name: 'Повторение завершено' });
  await expect(card.or(finished)).toBeVisible();
  if (await finished.isVisible()) return false;
  const id = (await card.getAttribute('data-question-id'))!;
  if (await card.locator('button.reveal').count()) {
    await page.keyboard.press('Space');
  } else {
    const texts = await card.locator('button.option').allTextContents();
    const index = texts.findIndex((t) => t.includes(answers.get(id)!));
    await page.keyboard.press(String(index + 1));
  }
  await expect(card.getByRole('button', { name: /^Хорошо · / })).toBeVisible();
  await page.keyboard.press('3');
  return true;
}

test('the habit: answer a lesson, nothing due today, review three days later by keyboard, undo, reload, next day', async ({
  page,
  browser,
  baseURL,
}) => {
  const { href, answers } = await readFirstLesson(browser, baseURL!);
  await page.clock.install({ time: START });
  const total = await answerLesson(page, href, answers);
  expect(total).toBeGreaterThan(0);

  await page.goto('/');
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
  await expect(page.locator('.lesson-list li').first().locator('.lesson-status')).toHaveText(' · пройден');
  // The first lesson is done, so the home page points at the next one.
  const secondHref = await page.locator('.lesson-list a').nth(1).getAttribute('href');
  await expect(page.locator('.home-continue a', { hasText: /^Начать: / })).toHaveAttribute('href', secondHref!);

  await page.clock.setSystemTime(START + 3 * DAY);
  await page.goto('/review/');
  const count = page.locator('[data-due-count]');
  await expect(count).not.toHaveAttribute('data-due-count', '0');
  const due = Number(await count.getAttribute('data-due-count'));
  await expect(count).toHaveText(/К повторению: \d+ карточ(ка|ки|ек)/);

  // Undo: rate one card, take it back with Ctrl+Z, the same card returns.
  const progress = page.getByRole('progressbar');
  const firstId = await page.locator('.review [data-question-id]').getAttribute('data-question-id');
  await expectNoAxeViolations(page, '/review/ mid-session');
  await reviewOneByKeyboard(page, answers);
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await expect(page.locator('.review [data-question-id]')).toHaveAttribute('data-question-id', firstId!);
  await expect(count).toHaveAttribute('data-due-count', String(due));

  let reviewed = 0;
  while (await reviewOneByKeyboard(page, answers)) reviewed++;
  expect(reviewed).toBe(due);
  await expect(page.getByText(/Следующая карточка: /)).toBeVisible();
  await expect(count).toHaveAttribute('data-due-count', '0');
  // Every rating is written before the page is left.
  await expect(page.locator('[data-review]')).toHaveAttribute('data-saving', '0');

  await page.reload();
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
  // Nothing due and no new questions from the one lesson read: the page points to the next lesson.
  await expect(page.getByRole('link', { name: /^Открыть урок «/ })).toHaveAttribute('href', secondHref!);

  await page.clock.setSystemTime(START + 4 * DAY);
  await page.goto('/');
  const home = Number(await page.locator('[data-due-count]').getAttribute('data-due-count'));
  await page.goto('/review/');
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', String(home));
});

test('two tabs answering at once lose no review', async ({ context, browser, baseURL }) => {
  const { href, answers } = await readFirstLesson(browser, baseURL!);
  const a = await context.newPage();
  const b = await context.newPage();
  await a.clock.install({ time: START });
  await b.clock.install({ time: START });
  const [total] = await Promise.all([
    answerLesson(a, href, answers, (i) => i % 2 === 0),
    answerLesson(b, href, answers, (i) => i % 2 === 1),
  ]);
  const c = await context.newPage();
  await c.clock.install({ time: START });
  await c.goto(href);
  // Located afresh each time, and retried: the lesson script replaces the cards once it has loaded.
  const questions = c.locator('.checkpoint [data-question-id]');
  for (let i = 0, count = await questions.count(); i < count; i++) {
    await expect(async () => {
      await questions.nth(i).scrollIntoViewIfNeeded({ timeout: 2000 });
      await expect(questions.nth(i)).toHaveClass(/question-learned/, { timeout: 2000 });
    }).toPass();
  }
  expect(await c.locator('.question-learned').count()).toBe(total);
});

test('without IndexedDB the site works from memory and says so', async ({ page, browser, baseURL }) => {
  const { href, answers } = await readFirstLesson(browser, baseURL!);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new Error('blocked');
      },
    });
  });
  await page.goto('/review/');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
  await page.goto(href);
  const q = page.locator('.checkpoint [data-question-id]').first();
  await answerInline(q, answers);
  await expect(page.getByRole('alert').first()).toBeVisible();
});

test.describe('when the course’s cards cannot be fetched', () => {
  test.use({ serviceWorkers: 'block' });

  test('the review says so, and «Попробовать ещё раз» loads them', async ({ page }) => {
    let reachable = false;
    await page.route('**/cards.json', (route) => (reachable ? route.continue() : route.abort()));
    await page.goto('/review/');
    await expect(page.getByRole('alert')).toContainText('Не удалось загрузить вопросы курса');
    reachable = true;
    await page.getByRole('button', { name: 'Попробовать ещё раз' }).click();
    await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', '0');
    await expect(page.getByText('Не удалось загрузить вопросы курса')).toHaveCount(0);
  });
});
