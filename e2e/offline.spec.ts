import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { distDir, fileForPath, pagePaths } from '../scripts/lib/built-site.mjs';
import { writeServiceWorker } from '../scripts/lib/service-worker.mjs';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

/** Serves `root` the way a static host does, without HTTP caching, on a free port. */
async function serveFolder(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = join(root, fileForPath(new URL(request.url ?? '/', 'http://x').pathname));
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('a new deploy takes over open pages, which reload onto it', async ({ page }) => {
  // A copy of the build, served by its own server, so this test can deploy a new version of it.
  const root = mkdtempSync(join(tmpdir(), 'next-deploy-'));
  cpSync(dist, root, { recursive: true });
  const { server, origin } = await serveFolder(root);
  try {
    await page.goto(`${origin}/`);
    await waitForServiceWorker(page);

    // The next deploy: the home page changes, and the build writes a new sw.js.
    const home = join(root, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p id="next-deploy">v2</p></main>'));
    await writeServiceWorker(root);

    // Opening a page checks for the update; the page then reloads once the new worker has taken over.
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await page.goto(`${origin}/review/`);
    // The new worker first precaches the changed files; on a busy machine that takes more than 5 s.
    await expect
      .poll(() => loads.length, { message: 'the open page reloads onto the new deploy', timeout: 30_000 })
      .toBe(2);
    await page.goto(`${origin}/`);
    await expect(page.locator('#next-deploy')).toHaveText('v2');
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
