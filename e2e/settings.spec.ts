import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/*
 * Settings and backup against the built site, at a fixed date (10 March 2026, Moscow). History is
 * seeded by importing a backup file generated here, through the same file input a learner uses.
 */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-03-10T09:00:00+03:00');
const QUESTIONS = ['expect-recall-revenue-lags', 'expect-choice-adoption-dip'];

/** A backup with three reviews of two questions on 8 and 9 March. */
function seedBackup(): string {
  const review = (id: string, questionId: string, iso: string) => ({
    id, questionId, rating: 3, reviewedAt: Date.parse(iso), utcOffsetMinutes: 180, dayStartHour: 4,
  });
  return JSON.stringify({
    format: 'seven-reasons-progress',
    version: 1,
    exportedAt: '2026-03-09T12:00:00.000Z',
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
    reviews: [
      review('seed-1', QUESTIONS[0]!, '2026-03-08T12:00:00+03:00'),
      review('seed-2', QUESTIONS[0]!, '2026-03-09T12:00:00+03:00'),
      review('seed-3', QUESTIONS[1]!, '2026-03-09T12:05:00+03:00'),
    ],
  });
}

const fileInput = (page: Page) => page.getByLabel('Восстановить из файла');
const reviewCount = (page: Page) => page.locator('[data-review-count]');
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });
const info = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

async function openSettings(page: Page) {
  await page.clock.install({ time: NOW });
  await page.goto('/settings/');
  await expect(reviewCount(page)).toBeVisible();
}

async function importText(page: Page, text: string | Buffer, name = 'progress.json') {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

test('importing a backup says what it added, and importing it again changes nothing', async ({ page }) => {
  await openSettings(page);
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');
  await importText(page, seedBackup());
  await expect(info(page)).toContainText('Добавлено 3 повторения');
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
  await importText(page, seedBackup());
  await expect(info(page)).toContainText('уже были сохранены');
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
  await expectNoAxeViolations(page, '/settings/ with data');
});

test('export, reset and import restore the same progress', async ({ page }) => {
  await openSettings(page);
  await importText(page, seedBackup());
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать резервную копию' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('progress-2026-03-10.json');
  const exported = await readFile(await download.path());
  await expect(page.locator('[data-last-backup]')).toHaveText('10 марта 2026 г.');

  await page.goto('/progress/');
  const rowBefore = page.locator('[data-lesson="expecting-instant-results"]');
  await expect(rowBefore.locator('[data-met]')).toHaveText('2 из 8');
  const recallBefore = (await rowBefore.textContent()) ?? '';

  await page.goto('/settings/');
  await page.getByRole('button', { name: 'Сбросить прогресс' }).click();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3'); // nothing deleted before confirming
  await page.getByRole('button', { name: 'Да, удалить прогресс' }).click();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '0');

  await importText(page, exported, 'progress-2026-03-10.json');
  await expect(info(page)).toContainText('Добавлено 3 повторения');
  await page.goto('/progress/');
  await expect(page.locator('[data-lesson="expecting-instant-results"]')).toHaveText(recallBefore);
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');
});

test('cancelling the reset keeps the progress', async ({ page }) => {
  await openSettings(page);
  await importText(page, seedBackup());
  await page.getByRole('button', { name: 'Сбросить прогресс' }).click();
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.reload();
  await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
});

for (const [label, makeFile] of [
  ['a garbage file', () => Buffer.from('это не резервная копия {{{')],
  ['a 6 MB file', () => Buffer.alloc(6 * 1024 * 1024, 0x20)],
  ['a file with __proto__ keys', () => Buffer.from(seedBackup().replace('"format"', '"__proto__": {"polluted": true}, "format"'))],
] as const) {
  test(`${label} is refused with an alert and changes nothing`, async ({ page }) => {
    await openSettings(page);
    await importText(page, seedBackup());
    await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
    await importText(page, makeFile());
    await expect(problem(page)).toBeVisible();
    await expect(info(page)).toHaveCount(0);
    await page.reload();
    await expect(reviewCount(page)).toHaveAttribute('data-review-count', '3');
    expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
  });
}

test('settings are validated, saved and kept', async ({ page }) => {
  await openSettings(page);
  const retention = page.getByLabel('Желаемое запоминание');
  await retention.fill('0.5');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(problem(page)).toContainText('не может быть меньше 0,80');
  await retention.fill('0.85');
  await page.getByLabel('Новых вопросов в день').fill('5');
  await page.getByLabel('Час начала учебного дня').fill('6');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(info(page)).toContainText('Настройки сохранены');
  await page.reload();
  await expect(page.getByLabel('Желаемое запоминание')).toHaveValue('0.85');
  await expect(page.getByLabel('Новых вопросов в день')).toHaveValue('5');
  await expect(page.getByLabel('Час начала учебного дня')).toHaveValue('6');
});
