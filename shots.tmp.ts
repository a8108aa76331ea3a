import { chromium } from '@playwright/test';
import { findBrowser, QUIET_BROWSER_ARGS } from './e2e/find-browser';
import { seedBackup, SEED_LESSON } from './e2e/seed';
import { startPreview } from './scripts/lib/preview-server.mjs';

const preview = await startPreview();
const browser = await chromium.launch({ ...findBrowser(), args: QUIET_BROWSER_ARGS });
const NOW = new Date('2026-03-10T09:00:00+03:00');
for (const width of [320, 390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, serviceWorkers: 'block', baseURL: preview.origin });
    const page = await context.newPage();
    await page.clock.install({ time: NOW });
    const tag = `${width}-${scheme}`;
    // Lesson mid-question: the first checkpoint, one answered wrong.
    await page.goto(`/lessons/${SEED_LESSON}/`);
    const q = page.locator('.checkpoint .question-card').nth(1);
    await q.scrollIntoViewIfNeeded();
    const options = q.locator('button.option');
    if (await options.count()) await options.first().click(); else await q.getByRole('button', { name: 'Показать ответ' }).click();
    await page.waitForTimeout(300);
    await q.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `/tmp/shots/lesson-${tag}.png` });
    // Settings after a restore of a week of data.
    const ids = await page.locator('.checkpoint [data-question-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id')!));
    await page.goto('/settings/');
    await page.getByLabel('Восстановить из файла').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(seedBackup([...new Set(ids)])) });
    const said = page.getByText(/Добавлено|уже были|Файл|Не удалось/).first();
    await said.waitFor({ timeout: 20000 }).catch(async () => console.log(tag, await page.locator('main').innerText()));
    await said.evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => undefined);
    await page.screenshot({ path: `/tmp/shots/settings-${tag}.png` });
    await page.goto('/progress/');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/progress-${tag}.png`, fullPage: true });
    await page.goto('/review/');
    const start = page.getByRole('button', { name: /^Начать новые вопросы/ });
    await page.waitForTimeout(500);
    if (await start.count()) await start.click();
    const card = page.locator('.review [data-question-id]');
    if (await card.count()) {
      if (await card.getByRole('button', { name: 'Показать ответ' }).count()) await card.getByRole('button', { name: 'Показать ответ' }).click();
      else await card.locator('button.option').first().click();
    }
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/shots/review-${tag}.png` });
    await context.close();
  }
}
await browser.close();
preview.stop();
