import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { importBackup, lessonQuestionIds, SEED_LESSON, seedBackup } from './seed';

/*
 * Settings and backup against the built site, at a fixed date (10 March 2026, Moscow). History is
 * seeded by importing a backup file generated here, through the same file input a learner uses.
 */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-03-10T09:00:00+03:00');
/** A month after the seeded reviews: every seeded card is due by then. */
const MONTH_LATER = new Date('2026-04-10T09:00:00+03:00');

/** The seeded lesson's real question ids, read once from the built lesson page. */
let questionIds: string[] = [];
const seed = () => seedBackup(questionIds);

test.beforeAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL ?? '', serviceWorkers: 'block' });
  questionIds = await lessonQuestionIds(page);
  await page.context().close();
});

const reviewCount = (page: Page) => page.locator('[data-review-count]');
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });
const info = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

async function openSettings(page: Page) {
  await page.clock.install({ time: NOW });
  await page.goto('/settings/');
  await expect(reviewCount(page)).toBeVisible();
}

test('importing a backup says what it added, and importing it again changes nothing', async ({ page }) => {
  await openSettings(page);
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');
  await importBackup(page, seed());
  await expect(info(page)).toContainText('Добавлено 3 повторения');
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
  await importBackup(page, seed());
  await expect(info(page)).toContainText('уже были сохранены');
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
  await expectNoAxeViolations(page, '/settings/ with data');
});

test('export, reset and import restore the same progress and the same due cards', async ({ page }) => {
  const dueCount = page.locator('.review [data-due-count]');
  await openSettings(page);
  await importBackup(page, seed());
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');

  // A month after the seeded reviews, the cards have come due.
  await page.clock.setSystemTime(MONTH_LATER);
  await page.goto('/review/');
  await expect(dueCount).toBeVisible();
  const due = Number(await dueCount.getAttribute('data-due-count'));
  expect(due).toBeGreaterThan(0);

  await page.goto('/settings/');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать резервную копию' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('progress-2026-04-10.json');
  const exported = await readFile(await download.path());
  await expect(page.locator('[data-last-backup]')).toHaveText('10 апреля 2026 г.');

  await page.goto('/progress/');
  const rowBefore = page.locator(`[data-lesson="${SEED_LESSON}"]`);
  await expect(rowBefore.locator('[data-met]')).toHaveText(`2 из ${questionIds.length}`);
  const recallBefore = (await rowBefore.textContent()) ?? '';

  await page.goto('/settings/');
  await page.getByRole('button', { name: 'Сбросить прогресс' }).click();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3'); // nothing deleted before confirming
  await page.getByRole('button', { name: 'Да, удалить прогресс' }).click();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');
  await page.goto('/review/');
  await expect(dueCount).toHaveAttribute('data-due-count', '0');

  await page.goto('/settings/');
  await importBackup(page, exported, 'progress-2026-04-10.json');
  await expect(info(page)).toContainText('Добавлено 3 повторения');
  await page.goto('/review/');
  await expect(dueCount).toHaveAttribute('data-due-count', String(due));
  await page.goto('/');
  await expect(page.locator('[data-due-count]')).toHaveAttribute('data-due-count', String(due));
  await page.goto('/progress/');
  await expect(page.locator(`[data-lesson="${SEED_LESSON}"]`)).toHaveText(recallBefore);
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');
});

test('cancelling the reset keeps the progress', async ({ page }) => {
  await openSettings(page);
  await importBackup(page, seed());
  await page.getByRole('button', { name: 'Сбросить прогресс' }).click();
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
});

for (const [label, makeFile] of [
  ['a garbage file', () => Buffer.from('это не резервная копия {{{')],
  ['a 6 MB file', () => Buffer.alloc(6 * 1024 * 1024, 0x20)],
  [
    'a file with __proto__ keys',
    () => Buffer.from(seed().replace('"format"', '"__proto__": {"polluted": true}, "format"')),
  ],
] as const) {
  test(`${label} is refused with an alert and changes nothing`, async ({ page }) => {
    await openSettings(page);
    await importBackup(page, seed());
    await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
    await importBackup(page, makeFile());
    await expect(problem(page)).toBeVisible();
    await expect(info(page)).toHaveCount(0);
    await page.reload();
    await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  });
}

test('settings are validated, saved and kept', async ({ page }) => {
  await openSettings(page);
  const often = (name: RegExp) => page.getByRole('radio', { name });
  const perDay = page.getByLabel('Новых вопросов в день');
  const dayStart = page.getByLabel('Новый учебный день начинается в');
  // How often to review is a choice now, so an out-of-range retention cannot be entered; a typed field still can.
  await perDay.fill('500');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(problem(page)).toContainText('не может быть больше 100');
  await page.reload();
  await expect(perDay).toHaveValue('10');
  await often(/^Реже/).check();
  await perDay.fill('5');
  await dayStart.selectOption({ label: '06:00' });
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(info(page)).toContainText('Настройки сохранены');
  await page.reload();
  await expect(often(/^Реже/)).toBeChecked();
  await expect(often(/^Обычно/)).not.toBeChecked();
  await expect(perDay).toHaveValue('5');
  await expect(dayStart).toHaveValue('6');
  await expect(dayStart.locator('option:checked')).toHaveText('06:00');
});
