/**
 * The benchmark on the real built site, in Chromium: 10,000 cards and 100,000 reviews written into
 * the site's own IndexedDB (bench-lib's `seed`, the layout the site reads), then the time until
 * /review/ shows its first card (a first visit with no card cache yet, and the next visit; after a
 * scheduler change, the old cache at once and every card replayed behind it), until
 * /progress/ has drawn its charts, and from the export click on /settings/ to the download.
 * Uses the build in BENCH_DIST, or builds the site into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { QuestionRef } from '../src/domain/queue';
import type { BenchRow } from './bench-lib';
import { installedBrowser, QUIET_BROWSER_ARGS } from '../e2e/find-browser';
import { bundleForBrowser, NO_BROWSER } from './bench-browser';
import { startPreview } from './lib/preview-server.mjs';

/** The site run's rows and what it saw, or why it could not run. */
export type SiteBench =
  { ok: true; version: string; rows: BenchRow[]; notes: string[] } | { ok: false; reason: string };

/** PRODUCT.md, "Performance budgets". */
const FIRST_CARD_MS = 300;
const PROGRESS_DRAWN_MS = 500;
const EXPORT_MS = 1000;
const FIRST_CARD_AFTER_IMPORT_MS = 600;
/** The issue that set the budgets: after a scheduler change, the replay behind the old cache. */
const REPLAY_AFTER_SCHEDULER_CHANGE_MS = 1500;

/** What the page marks, by the selector whose first visible match marks it. */
const SIGNALS = {
  firstCard: '.review [data-question-id]',
  // The review's cards checked against the whole log (after a scheduler change: every card replayed).
  checked: '[data-checked="true"] .review [data-question-id]',
  // The table, forecast and curve are drawn from the cached cards; the activity heatmap needs the whole log.
  progressDrawn: '[data-chart="curve"] path.curve-own',
  progressComplete: '[data-chart="activity"]',
};

/*
 * Runs in every page before its own scripts: records `performance.now()` (milliseconds since
 * navigation start) in the first animation frame after each signal's element is on the page.
 */
const OBSERVER = `(() => {
  const signals = ${JSON.stringify(SIGNALS)};
  const marks = (window.__benchMarks = {});
  const check = () => {
    for (const [name, selector] of Object.entries(signals)) {
      if (name in marks) continue;
      const element = document.querySelector(selector);
      if (element && element.getClientRects().length) {
        marks[name] = null;
        requestAnimationFrame(() => (marks[name] = performance.now()));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Builds the site into a new temporary folder; returns it, and a function that removes it. */
async function buildSite(): Promise<{ dist: string; cleanup: () => Promise<void> } | { error: string }> {
  const root = await mkdtemp(join(tmpdir(), 'bench-site-'));
  const dist = join(root, 'dist');
  console.log(`\nBuilding the site into ${dist} (set BENCH_DIST to reuse a build)…`);
  const build = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: join(root, 'cache') },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const cleanup = () => rm(root, { recursive: true, force: true });
  if (build.status !== 0) {
    await cleanup();
    return { error: `the build failed:\n${`${build.stdout}${build.stderr}`.split('\n').slice(-15).join('\n')}` };
  }
  return { dist, cleanup };
}

/** The course's real questions, as the built lesson pages list them. */
async function realQuestions(dist: string): Promise<QuestionRef[]> {
  const questions = new Map<string, QuestionRef>();
  for (const lessonSlug of await readdir(join(dist, 'lessons'))) {
    const html = await readFile(join(dist, 'lessons', lessonSlug, 'index.html'), 'utf8').catch(() => '');
    for (const [, id] of html.matchAll(/data-question-id="([^"]+)"/g))
      if (id && !questions.has(id)) questions.set(id, { id, lessonSlug });
  }
  return [...questions.values()];
}

/** Loads `path` and waits for `signal`; milliseconds from navigation start, and from the load event. */
async function timeSignal(
  page: Page,
  path: string,
  signal: keyof typeof SIGNALS,
): Promise<{ fromStartMs: number; afterLoadMs: number }> {
  await page.goto(path);
  await page.waitForFunction(
    (name) =>
      typeof (window as unknown as { __benchMarks: Record<string, number | null> }).__benchMarks[name] === 'number',
    signal,
    { timeout: 120_000 },
  );
  return page.evaluate((name) => {
    const mark = (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks[name]!;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { fromStartMs: mark, afterLoadMs: navigation?.loadEventEnd ? mark - navigation.loadEventEnd : Number.NaN };
  }, signal);
}

/**
 * Waits until the work a page leaves to the background after loading (writing the card cache
 * snapshot, packing single review records) has finished, so it does not slow the next page down.
 */
async function waitForBackgroundWrites(page: Page): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const settled = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('seven-reasons-progress');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const tx = open.result.transaction(['reviews', 'cards'], 'readonly');
            const singles = tx.objectStore('reviews').count();
            const cached = tx.objectStore('cards').count();
            tx.oncomplete = () => {
              open.result.close();
              resolve(singles.result === 0 && cached.result > 0);
            };
          };
        }),
    );
    if (settled) return;
    await page.waitForTimeout(250);
  }
  throw new Error('the card cache was not written within 2 minutes');
}

/** What a new scheduler version looks like to the stored card cache: every fingerprint differs. */
const STALE_MARK = 'older-scheduler:';

/**
 * Makes the stored cache look computed by another scheduler version (the version is part of each
 * fingerprint and of the trust record's stamp), as after an update of the scheduler; or, with
 * `check`, tells whether the cache has been rewritten since.
 */
function staleCache(page: Page, check: boolean): Promise<boolean> {
  return page.evaluate(
    ([mark, onlyCheck]) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('seven-reasons-progress');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['cards'], onlyCheck ? 'readonly' : 'readwrite');
          const cards = tx.objectStore('cards');
          const cursor = cards.openCursor();
          let stale = false;
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            const value = at.value as { fingerprints?: string[]; fingerprint?: string; stamp?: string };
            const prints = value.fingerprints ?? (value.fingerprint ? [value.fingerprint] : []);
            stale ||= prints.some((f) => f.startsWith(mark));
            if (!onlyCheck) {
              if (value.fingerprints) value.fingerprints = value.fingerprints.map((f) => mark + f);
              else if (value.fingerprint) value.fingerprint = mark + value.fingerprint;
              // The trust record's stamp names the scheduler too.
              else if (value.stamp) value.stamp = mark + value.stamp;
              at.update(value);
            }
            at.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(stale);
          };
          tx.onerror = () => reject(tx.error ?? new Error('cache write failed'));
        };
      }),
    [STALE_MARK, check] as const,
  );
}

/** Runs the site benchmark; never throws. */
export async function runOnSite(): Promise<SiteBench> {
  let cleanup = async () => {};
  try {
    const { chromium } = await import('@playwright/test');
    const found = installedBrowser();
    if (!found) return { ok: false, reason: NO_BROWSER };
    let dist = process.env['BENCH_DIST'];
    if (!dist) {
      const built = await buildSite();
      if ('error' in built) return { ok: false, reason: built.error };
      ({ dist, cleanup } = built);
    }
    if (!existsSync(join(dist, 'review', 'index.html')))
      return { ok: false, reason: `${dist} holds no built site (review/index.html is missing)` };
    const questions = await realQuestions(dist);
    if (questions.length === 0) return { ok: false, reason: `no [data-question-id] in ${dist}/lessons/*/index.html` };

    // The seed page is served from the site's origin so that it writes the site's database.
    const seedScript = await bundleForBrowser(`
      import { seed } from './bench-lib';
      import { DEFAULT_DB_NAME } from '../src/storage/idb-store';
      seed(indexedDB, DEFAULT_DB_NAME, { nowMs: Date.now(), realQuestions: ${JSON.stringify(questions)} })
        .then((rows) => { window.benchRows = rows; }, (error) => { window.benchError = String(error && error.stack || error); });
    `);
    // `astro preview` serves the build the way the tests do; the seed page is routed into its origin.
    process.env['ASTRO_OUT_DIR'] = dist;
    const server = await startPreview();
    const browser = await chromium.launch({ ...found, args: QUIET_BROWSER_ARGS });
    try {
      // The service worker is blocked: its first-visit precaching would compete with the page.
      const context = await browser.newContext({
        baseURL: server.origin,
        serviceWorkers: 'block',
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        acceptDownloads: true,
      });
      await context.route('**/__bench/seed.html', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><title>seed</title><script src="/__bench/seed.js"></script>',
        }),
      );
      await context.route('**/__bench/seed.js', (route) =>
        route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: seedScript }),
      );
      await context.addInitScript(OBSERVER);
      const page = await context.newPage();
      const rows: BenchRow[] = [];

      await page.goto('/__bench/seed.html');
      await page.waitForFunction(() => 'benchRows' in window || 'benchError' in window, null, { timeout: 300_000 });
      const seedError = await page.evaluate(() => (window as { benchError?: string }).benchError);
      if (seedError) return { ok: false, reason: seedError };
      rows.push(...(await page.evaluate(() => (window as unknown as { benchRows: BenchRow[] }).benchRows)));

      const cold = await timeSignal(page, '/review/', 'firstCard');
      const dueCount = await page.locator('.review [data-due-count]').getAttribute('data-due-count');
      rows.push(['/review/ first card, first visit (no cache): from navigation start', cold.fromStartMs, '']);
      rows.push([
        '/review/ first card, first visit: after the load event',
        cold.afterLoadMs,
        `≤ ${FIRST_CARD_MS} ms after load`,
        FIRST_CARD_MS,
      ]);
      await waitForBackgroundWrites(page);

      const warm = await timeSignal(page, '/review/', 'firstCard');
      rows.push(['/review/ first card, next visit (cache written): from navigation start', warm.fromStartMs, '']);
      rows.push([
        '/review/ first card, next visit: after the load event',
        warm.afterLoadMs,
        `≤ ${FIRST_CARD_MS} ms after load`,
        FIRST_CARD_MS,
      ]);

      // A scheduler update: the old cache is shown while every card is replayed behind it.
      await staleCache(page, false);
      const changed = await timeSignal(page, '/review/', 'firstCard');
      rows.push([
        '/review/ after a scheduler change: first card (old cache): after the load event',
        changed.afterLoadMs,
        `≤ ${FIRST_CARD_MS} ms after load`,
        FIRST_CARD_MS,
      ]);
      const replayed = await page.waitForFunction(
        () => (window as unknown as { __benchMarks: Record<string, number | null> }).__benchMarks['checked'],
        null,
        { timeout: 120_000 },
      );
      rows.push([
        '/review/ after a scheduler change: every card replayed: after the load event',
        Number(await replayed.jsonValue()) - changed.fromStartMs + changed.afterLoadMs,
        `≤ ${REPLAY_AFTER_SCHEDULER_CHANGE_MS} ms after load`,
        REPLAY_AFTER_SCHEDULER_CHANGE_MS,
      ]);
      const rewriteDeadline = Date.now() + 120_000;
      while ((await staleCache(page, true)) && Date.now() < rewriteDeadline) await page.waitForTimeout(250);

      const progress = await timeSignal(page, '/progress/', 'progressDrawn');
      rows.push(['/progress/ charts drawn: from navigation start', progress.fromStartMs, '']);
      rows.push([
        '/progress/ charts drawn: after the load event',
        progress.afterLoadMs,
        `≤ ${PROGRESS_DRAWN_MS} ms after load`,
        PROGRESS_DRAWN_MS,
      ]);
      const complete = await page.waitForFunction(
        () => (window as unknown as { __benchMarks: Record<string, number | null> }).__benchMarks['progressComplete'],
        null,
        { timeout: 120_000 },
      );
      const completeMs = Number(await complete.jsonValue()) - progress.fromStartMs + progress.afterLoadMs;
      rows.push(['/progress/ activity heatmap (whole log read): after the load event', completeMs, '']);

      await page.goto('/settings/');
      const button = page.getByRole('button', { name: 'Скачать резервную копию' });
      await button.waitFor({ timeout: 120_000 });
      const clickedAt = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
      const exportMs = performance.now() - clickedAt;
      const sizeBytes = (await readFile(await download.path())).length;
      rows.push([
        `/settings/ export: click → download (${(sizeBytes / 1024 / 1024).toFixed(1)} MB file)`,
        exportMs,
        `≤ ${EXPORT_MS} ms`,
        EXPORT_MS,
      ]);

      // The exported file, imported into a fresh browser (another context: its own, empty IndexedDB).
      const fresh = await browser.newContext({
        baseURL: server.origin,
        serviceWorkers: 'block',
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
      });
      await fresh.addInitScript(OBSERVER);
      const restorer = await fresh.newPage();
      await restorer.goto('/settings/');
      const input = restorer.getByLabel('Восстановить из файла');
      await input.waitFor({ timeout: 120_000 });
      const chosenAt = performance.now();
      await input.setInputFiles(await download.path());
      await restorer.getByText(/^Добавлено /).waitFor({ timeout: 300_000 });
      rows.push([
        '/settings/ import of that file into a fresh browser: choose → saved',
        performance.now() - chosenAt,
        '',
      ]);
      const restored = await timeSignal(restorer, '/review/', 'firstCard');
      rows.push([
        '/review/ first card after that import: after the load event',
        restored.afterLoadMs,
        `≤ ${FIRST_CARD_AFTER_IMPORT_MS} ms after load`,
        FIRST_CARD_AFTER_IMPORT_MS,
      ]);
      await fresh.close();

      const notes = [
        `${questions.length} real questions among the 10,000 cards (the others are kept but never queued); /review/ counted ${dueCount ?? '?'} due`,
      ];
      return { ok: true, version: browser.version(), rows, notes };
    } finally {
      await browser.close();
      server.stop();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await cleanup();
  }
}
