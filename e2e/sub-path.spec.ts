import { expect, test as base, type Page } from '@playwright/test';
import { readCourse } from '../tests/read-course';
import { buildSubPathSite, serveSubPathSite, SUB_PATH } from './sub-path-site';

// The site built with BASE_PATH=/academy/sales/ and served only there. Every page.goto takes a path
// relative to the folder; every request a page makes must stay in it, and no page logs an error.
const lessons = readCourse();
const first = lessons[0]!;
const titles = new Map(lessons.map((l) => [l.slug, l.data.title]));
const questions = new Map(lessons.flatMap((l) => l.data.questions).map((q) => [q.id, q]));
const choice = first.data.questions.find((q) => q.type === 'choice')!;
/** The text of a choice or scenario question's right option. */
const rightOption = (id: string): string => {
  const q = questions.get(id)!;
  if (q.type === 'recall') return q.answer;
  return q.type === 'choice' ? q.options.find((o) => o.correct)!.text : titles.get(q.answer)!;
};

/** The one address a test asks for knowing it is missing; the browser logs its 404 as an error. */
const MISSING_PAGE = 'lessons/no-such-lesson/';

const test = base.extend<{ outside: void }, { site: string }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      buildSubPathSite();
      const { url, server } = await serveSubPathSite();
      await use(url);
      server.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ site }, use) => use(site),
  outside: [
    async ({ page, site }, use) => {
      const strays: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(site) && !request.url().startsWith('data:')) strays.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && message.location().url !== `${site}${MISSING_PAGE}`) {
          errors.push(message.text());
        }
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(strays, 'requests outside the folder').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

async function openFirstLesson(page: Page): Promise<void> {
  await page.goto('./');
  const link = page.locator('.lesson-list a').first();
  await expect(link).toHaveAttribute('href', `${SUB_PATH}lessons/${first.slug}/`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${SUB_PATH}lessons/${first.slug}/$`));
  await expect(page.locator('.question-card').first()).toBeVisible();
}

test('home links every lesson inside the folder, and the header leads back home', async ({ page }) => {
  await page.goto('./');
  const hrefs = await page.locator('.lesson-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(lessons.map((l) => `${SUB_PATH}lessons/${l.slug}/`));
  await page.goto(`lessons/${first.slug}/`);
  await page
    .getByRole('link', { name: /^Маркетинг/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${SUB_PATH}$`));
});

test('a lesson is styled, its answers are saved and shown answered after a reload', async ({ page }) => {
  await openFirstLesson(page);
  await expect(page.locator('body')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  const question = page.locator(`.checkpoint [data-question-id="${choice.id}"]`);
  await question.locator('button.option', { hasText: rightOption(choice.id) }).click();
  await expect(question.getByText(/^Ответ сохранён с оценкой «Хорошо»/)).toBeVisible();
  await page.reload();
  await expect(page.locator(`.checkpoint [data-question-id="${choice.id}"]`)).toContainText(
    'Этот вопрос уже в ваших карточках.',
  );
});

test('the review shows a card from /cards.json in the folder, and rating it moves on', async ({ page }) => {
  await openFirstLesson(page);
  await page.goto('review/');
  await page.getByRole('button', { name: /^Начать новые вопросы/ }).click();
  const card = page.locator('.review [data-question-id]');
  await expect(card).toBeVisible();
  const id = (await card.getAttribute('data-question-id')) ?? '';
  if ((await card.locator('button.option').count()) === 0) {
    await card.getByRole('button', { name: 'Показать ответ' }).click();
  } else {
    await card.locator('button.option', { hasText: rightOption(id) }).click();
  }
  await card.getByRole('button', { name: /^Хорошо/ }).click();
  await expect(page.locator(`.review [data-question-id="${id}"]`)).toHaveCount(0);
  // The rating was saved: the settings page counts it.
  await page.goto('settings/');
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '1');
});

test('the service worker registers for the folder and precaches only files in it', async ({ page, site }) => {
  await page.goto('./');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
    // Workbox keys a file without a hash in its name by its URL plus `?__WB_REVISION__=…`.
    return keys.flat().map((request) => request.url.replace(/\?.*$/, ''));
  });
  expect(cached).toContain(`${site}review/index.html`);
  expect(cached.filter((url) => !url.startsWith(site))).toEqual([]);
});

test('the manifest starts the installed app in the folder', async ({ page, site }) => {
  const manifest = (await (await page.request.get('manifest.webmanifest')).json()) as {
    start_url: string;
    scope: string;
    icons: { src: string }[];
  };
  expect([manifest.start_url, manifest.scope]).toEqual([SUB_PATH, SUB_PATH]);
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, site).href)).ok()).toBe(true);
});

test('an unknown page in the folder shows the 404 page, styled, linking home', async ({ page }) => {
  const response = await page.goto(MISSING_PAGE);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Страница не найдена');
  await page.getByRole('link', { name: 'Перейти к списку уроков' }).click();
  await expect(page).toHaveURL(new RegExp(`${SUB_PATH}$`));
});
