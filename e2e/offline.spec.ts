import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { distDir, pagePaths } from '../scripts/lib/built-site.mjs';

const dist = distDir();
const lessons = existsSync(dist) ? pagePaths(dist).filter((path) => path.startsWith('/lessons/')) : [];

/** Resolves once a service worker controls the page (after its precache is complete). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function expectPageShown(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.ok(), `${path} offline`).toBe(true);
  await expect(page.locator('h1'), `${path} offline`).toBeVisible();
  await expect(page).toHaveTitle(/\S/);
}

test.beforeEach(() => {
  expect(existsSync(join(dist, 'sw.js')), 'sw.js is written by `npm run build`').toBe(true);
  expect(lessons.length, 'the build has lessons').toBeGreaterThan(0);
});

test('after one visit to the home page, lessons, the review and settings open offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);

  const otherLesson = lessons.at(-1) ?? '/';
  const slug = otherLesson.split('/')[2] ?? '';
  for (const path of [otherLesson, '/review/', `/review/?lesson=${slug}`, '/settings/', lessons[0] ?? '/']) {
    await expectPageShown(page, path);
  }
  // The page's own scripts and styles came from the precache too: a lesson is styled offline.
  await expect(page.locator('body')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
});

test('the service worker precaches every built page', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    return urls;
  });
  const expected = pagePaths(dist)
    .filter((path) => path !== '/404.html')
    .map((path) => `${path}index.html`);
  expect(cached).toEqual(expect.arrayContaining(expected));
});
