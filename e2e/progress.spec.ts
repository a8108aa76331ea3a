import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { importBackup, lessonQuestionIds, SEED_LESSON, seedBackup } from './seed';

/* The progress page against the built site at a fixed date, seeded by importing a backup. */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-03-10T09:00:00+03:00');

test('a new learner sees an encouraging empty state', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.goto('/progress/');
  await expect(page.locator('[data-progress-empty]')).toContainText('всё начинается с первого вопроса');
});

test('with a history, shows per-lesson numbers and charts with text alternatives', async ({ page }) => {
  await page.clock.install({ time: NOW });
  // The lesson's real questions, so adding or removing one there does not silently break this test.
  const questionIds = await lessonQuestionIds(page);
  await page.goto('/settings/');
  await importBackup(page, seedBackup(questionIds));
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');

  await page.goto('/progress/');
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');
  await expect(page.locator('[data-met-total]')).toHaveText('2');
  // Reviews on 8 and 9 March, none yet on the 10th: a streak of two study days.
  await expect(page.locator('[data-streak]')).toHaveAttribute('data-streak', '2');
  const row = page.locator(`[data-lesson="${SEED_LESSON}"]`);
  await expect(row.locator('[data-met]')).toHaveText(`2 из ${questionIds.length}`);
  await expect(row.locator('[data-recall]')).toHaveText(/^\d{2,3}\u00a0%$/);
  await expect(row.locator('[data-next-due]')).toHaveText(/2026/);
  await expect(page.locator('[data-lesson="hasty-decisions"] [data-met]')).toHaveText(/^0 из \d+$/);

  // Forecast: both cards due within 30 days, listed in the table beside the chart.
  await expect(page.locator('[data-chart="forecast"]')).toHaveAttribute('aria-label', 'Прогноз: 2 карточки за 30 дней');
  const rows = page.locator('[data-forecast-table] tbody tr');
  expect(
    await rows
      .locator('td:nth-child(2)')
      .allInnerTexts()
      .then((t) => t.reduce((a, b) => a + Number(b), 0)),
  ).toBe(2);
  await expect(page.locator('[data-activity-summary]')).toContainText('3 повторения, дней с занятиями: 2');
  // One wording for the streak on the page (it was «Серия дней» in one place and «Серия учебных дней подряд» in another).
  await expect(page.getByText(/Серия/)).toHaveCount(0);
  await expect(page.getByText(/подряд/)).toHaveCount(2);
  await expect(page.locator('[data-chart="activity"] rect')).toHaveCount(112);
  await expect(page.locator('[data-curve-summary]')).toContainText('через неделю');
  await expect(page.locator('[data-chart="curve"] path.curve-own')).toHaveAttribute('d', /^M/);
  await expectNoAxeViolations(page, '/progress/ with data');
});

for (const width of [320, 390]) {
  test(`at ${width} px the per-lesson table becomes cards and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.clock.install({ time: NOW });
    const questionIds = await lessonQuestionIds(page);
    await page.goto('/settings/');
    await importBackup(page, seedBackup(questionIds));
    // The import is done (the file is read in a worker) before the page is left.
    await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');
    await page.goto('/progress/');
    const row = page.locator(`[data-lesson="${SEED_LESSON}"]`);
    await expect(row.locator('[data-met]')).toHaveText(`2 из ${questionIds.length}`);
    // Every figure is inside the screen, and the page is no wider than it.
    for (const cell of await row.locator('td').all()) {
      const box = await cell.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The column's name shows beside each figure.
    expect(await row.locator('[data-recall]').evaluate((td) => getComputedStyle(td, '::before').content)).toBe(
      '"Вероятность вспомнить сегодня"',
    );
  });
}
