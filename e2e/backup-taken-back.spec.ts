import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { importBackup, largeBackup, lessonQuestionIds, seedBackup } from './seed';

/*
 * What the learner took back stays taken back through a backup, and a backup at the benchmark's
 * scale (100,000 reviews) exports and imports into a fresh browser. Dates as in settings.spec.ts:
 * the seeded reviews are of 8 and 9 March 2026; a month later their cards are due.
 */

test.use({ serviceWorkers: 'block' });

const MONTH_LATER = new Date('2026-04-10T09:00:00+03:00');

let questionIds: string[] = [];

test.beforeAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL ?? '', serviceWorkers: 'block' });
  questionIds = await lessonQuestionIds(page);
  await page.context().close();
});

const reviewCount = (page: Page) => page.locator('[data-review-count]');
const info = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

/** A new browser profile (its own IndexedDB), at `time`, as the project's pages are. */
async function freshContext(browser: Browser, baseURL: string, time: Date): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  await context.clock.install({ time });
  return context;
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/settings/');
  await expect(reviewCount(page)).toBeVisible();
}

/** Clicks «Скачать резервную копию» and returns the file's text. */
async function exportBackup(page: Page): Promise<string> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать резервную копию' }).click();
  const download = await downloadPromise;
  return readFile(await download.path(), 'utf-8');
}

/** Review ids in a version 2 file: the first value of each row. */
const idsIn = (file: string) => (JSON.parse(file) as { reviews: [string, ...unknown[]][] }).reviews.map(([id]) => id);

/** Answers the review page's current card once (right pick or «Хорошо»), as a learner would. */
async function rateCurrentCard(page: Page): Promise<void> {
  const card = page.locator('.review [data-question-id]');
  await expect(card.locator('button.reveal, button.option').first()).toBeVisible();
  if (await card.locator('button.reveal').count()) await card.locator('button.reveal').click();
  else await card.locator('button.option').first().click();
  // A recall card, or a right pick, shows the ratings; a wrong pick is already saved («Снова»).
  const good = card.getByRole('button', { name: /^Хорошо/ });
  const next = card.getByRole('button', { name: 'Дальше' });
  await expect(good.or(next).first()).toBeVisible();
  await ((await good.count()) ? good : next).click();
}

test('an undone review does not come back from a backup that holds it, and the backup lists it as undone', async ({
  browser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL ?? '';
  const context = await freshContext(browser, baseURL, MONTH_LATER);
  const settings = await context.newPage();
  await openSettings(settings);
  await importBackup(settings, seedBackup(questionIds));
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '3');

  // Rate a due card in one tab; the settings tab hears of it and its backup holds the review.
  const review = await context.newPage();
  await review.goto('/review/');
  await rateCurrentCard(review);
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '4');
  const before = await exportBackup(settings);
  const [ratedId] = idsIn(before).filter((id) => !id.startsWith('seed-'));
  expect(ratedId).toBeDefined();

  await review.getByRole('button', { name: 'Отменить' }).click();
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '3');
  const after = await exportBackup(settings);
  expect(JSON.parse(after)).toMatchObject({ undone: [ratedId] });
  expect(idsIn(after)).not.toContain(ratedId);

  // The backup taken before the undo does not bring the review back, not even after a reload.
  await importBackup(settings, before, 'before-undo.json');
  await expect(info(settings)).toContainText('Не вернулись отменённые или сброшенные: 1 повторение');
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '3');
  await settings.reload();
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '3');

  // Reset, then the backup taken after the undo: the three seeded reviews, not the undone one.
  await settings.getByRole('button', { name: 'Сбросить прогресс' }).click();
  await settings.getByRole('button', { name: 'Да, удалить прогресс' }).click();
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '0');
  await importBackup(settings, after, 'after-undo.json');
  await expect(info(settings)).toContainText('Добавлено 3 повторения');
  await expect(reviewCount(settings)).toHaveAttribute('data-review-count', '3');
  await context.close();

  // A fresh browser: the file alone keeps the undone review out, and lists it as undone again.
  const fresh = await freshContext(browser, baseURL, MONTH_LATER);
  const page = await fresh.newPage();
  await openSettings(page);
  await importBackup(page, after, 'after-undo.json');
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
  expect(idsIn(await exportBackup(page))).not.toContain(ratedId);
  await fresh.close();
});

test('100,000 reviews export through the settings page and import into a fresh browser', async ({
  browser,
}, testInfo) => {
  // A 6 MB file written and read twice by a page on a slow 2-core machine.
  test.setTimeout(600_000);
  const COUNT = 100_000;
  const baseURL = testInfo.project.use.baseURL ?? '';
  const seconds = (startMs: number) => ((Date.now() - startMs) / 1000).toFixed(1);
  const timings: string[] = [];

  const source = await freshContext(browser, baseURL, MONTH_LATER);
  const page = await source.newPage();
  await openSettings(page);
  let startMs = Date.now();
  await importBackup(page, largeBackup(COUNT, questionIds, MONTH_LATER.getTime() - 86_400_000), 'large.json');
  // The count changes at once; the status says so once the reviews are saved.
  await expect(info(page)).toContainText(/Добавлено 100\s000 повторений/, { timeout: 300_000 });
  timings.push(`seed (import a generated file): ${seconds(startMs)} s`);

  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', String(COUNT), { timeout: 300_000 });
  startMs = Date.now();
  const exported = await exportBackup(page);
  timings.push(`export (click to file): ${seconds(startMs)} s, ${(exported.length / 1024 / 1024).toFixed(1)} MB`);
  expect(idsIn(exported)).toHaveLength(COUNT);
  await source.close();

  const fresh = await freshContext(browser, baseURL, MONTH_LATER);
  const target = await fresh.newPage();
  await openSettings(target);
  await expect(reviewCount(target)).toHaveAttribute('data-review-count', '0');
  startMs = Date.now();
  await importBackup(target, exported, 'progress-2026-04-10.json');
  await expect(info(target)).toContainText(/Добавлено 100\s000 повторений/, { timeout: 300_000 });
  await expect(reviewCount(target)).toHaveAttribute('data-review-count', String(COUNT));
  timings.push(`import into a fresh browser: ${seconds(startMs)} s`);

  startMs = Date.now();
  await target.reload();
  await expect(reviewCount(target)).toHaveAttribute('data-review-count', String(COUNT), { timeout: 300_000 });
  timings.push(`reload with 100,000 reviews stored: ${seconds(startMs)} s`);
  await fresh.close();
  testInfo.annotations.push({ type: 'timings', description: timings.join('; ') });
  console.log(`100k backup: ${timings.join('; ')}`);
});
