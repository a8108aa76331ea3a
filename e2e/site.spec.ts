import { expect, test } from '@playwright/test';

test('home lists the lessons in order, each linking to its page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/.+/);
  const links = page.locator('.lesson-list a');
  expect(await links.count()).toBeGreaterThanOrEqual(1);
  const first = links.first();
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/lessons\/[a-z0-9-]+\/$/);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByText(/^Урок 1 из \d+$/)).toBeVisible();
});

test('a lesson has its heading, stable section anchors and its questions', async ({ page }) => {
  await page.goto('/');
  await page.locator('.lesson-list a').first().click();
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const checkYourself = page.locator('h2#check-yourself');
  await expect(checkYourself).toHaveText('Проверьте себя');
  await expect(page.locator('[data-question-id]').first()).toBeVisible();

  // A deep link to a section lands on that section.
  const url = new URL(page.url());
  await page.goto(`${url.pathname}#check-yourself`);
  await expect(checkYourself).toBeInViewport();

  // The table of contents links every h2 by its id.
  const tocLinks = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const h2Ids = await page.locator('.lesson-body h2').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
  expect(tocLinks).toEqual(h2Ids);
});

test('next and previous links walk the course', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('.lesson-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  test.skip(hrefs.length < 2, 'needs two lessons');
  await page.goto(hrefs[0]!);
  await page.getByRole('link', { name: /Следующий урок/ }).click();
  await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
  await page.getByRole('link', { name: /Предыдущий урок/ }).click();
  await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
});

test('header navigation reaches every page', async ({ page }) => {
  await page.goto('/');
  for (const [name, path] of [
    ['Повторение', '/review/'],
    ['Прогресс', '/progress/'],
    ['Настройки', '/settings/'],
    ['Тренерам', '/trainers/'],
    ['Уроки', '/'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('h1')).toBeVisible();
  }
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Страница не найдена');
  await page.getByRole('link', { name: 'Перейти к списку уроков' }).click();
  await expect(page).toHaveURL(/\/$/);
});

for (const width of [320, 390]) {
  test(`at ${width} px the header is one row, and «Ещё» reaches the other pages without JavaScript`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    const header = page.locator('.site-header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await expect(nav.getByRole('link', { name: 'Повторение' })).toBeVisible();
    await nav.getByText('Ещё').click();
    await nav.getByRole('link', { name: 'Настройки' }).click();
    await expect(page).toHaveURL(/\/settings\/$/);
    await context.close();
  });
}
