/**
 * Page-weight report: loads every built page in Chromium (as Playwright drives it), scrolls to the
 * bottom so islands hydrated on sight load too, and sums the gzip size of what came over the
 * network per page: HTML + CSS, and JavaScript. Compares them with the budgets in PRODUCT.md and
 * names every miss. It reports; it does not fail on a miss (exit code 1 only if it crashed).
 *
 * Run: `node scripts/page-weight.mjs` (after `npm run build`); `npm run audit` runs it too.
 */
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findBrowser, QUIET_BROWSER_ARGS } from '../e2e/find-browser.ts';
import { pagePaths } from './lib/built-site.mjs';
import { startPreview } from './lib/preview-server.mjs';

const KB = 1024;

/** PRODUCT.md "Performance budgets", in bytes after gzip. */
export const BUDGETS = [
  {
    label: 'lesson HTML + CSS',
    applies: (path) => path.startsWith('/lessons/'),
    kind: 'htmlCssBytes',
    maxBytes: 14 * KB,
  },
  { label: 'lesson JS', applies: (path) => path.startsWith('/lessons/'), kind: 'jsBytes', maxBytes: 16 * KB },
  {
    label: 'lesson JS after an answer',
    applies: (path) => path.startsWith('/lessons/'),
    kind: 'jsAfterAnswerBytes',
    maxBytes: 24 * KB,
  },
  {
    label: 'review HTML + CSS',
    applies: (path) => path.startsWith('/review/'),
    kind: 'htmlCssBytes',
    maxBytes: 14 * KB,
  },
  // «All JavaScript»: what the review has loaded once the learner rated a card (the scheduler too).
  {
    label: 'review JS (all, after an answer)',
    applies: (path) => path.startsWith('/review/'),
    kind: 'jsAfterAnswerBytes',
    maxBytes: 20 * KB,
  },
  { label: 'CLS', applies: () => true, kind: 'cls', max: 0.02 },
];

/**
 * Each response is compressed on its own, as a server sends it; level 6 is what servers use when
 * they compress on the fly (precompressed or brotli files come out a little smaller).
 * @param {Buffer} body
 */
const gzipBytes = (body) => gzipSync(body, { level: 6 }).length;

/**
 * Loads one page in a fresh context (empty cache, no service worker) and sums what it fetched.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
export async function measurePage(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // The review offers new questions from lessons the learner has opened: open one first, as a
  // learner would (its requests are not counted, and the review's own files are not cached by it).
  if (new URL(url).pathname.startsWith('/review/')) {
    await page.goto(new URL(pagePaths().find((path) => path.startsWith('/lessons/')) ?? '/', url).href);
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  /** @type {import('@playwright/test').Response[]} */
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  // Classic scripts in <head> without async or defer stop the first render.
  const blockingScripts = await page.evaluate(
    () => document.querySelectorAll('head script[src]:not([type="module"]):not([async]):not([defer])').length,
  );
  // Layout shifts not caused by input, as CLS counts them (one session window is enough for pages this short).
  const cls = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 100);
      }),
  );
  // Inline scripts run like any other: their bytes count as JavaScript (they stay in the HTML too).
  const inlineScripts = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
      .map((script) => script.textContent ?? ''),
  );
  const inlineJsBytes = inlineScripts
    .filter((text) => text.trim())
    .reduce((sum, text) => sum + gzipBytes(Buffer.from(text)), 0);
  const totals = {
    htmlCssBytes: 0,
    jsBytes: inlineJsBytes,
    jsAfterAnswerBytes: inlineJsBytes,
    otherBytes: 0,
    requests: 0,
    blockingScripts,
    cls,
  };
  const responsesBeforeAnswer = responses.length;
  // The scheduler loads at the first answer (a lesson's question; the review's first card, started
  // as a new learner would): answer one and count again.
  const { pathname } = new URL(url);
  const startNew = page.getByRole('button', { name: /^Начать новые вопросы/ });
  if (pathname.startsWith('/review/') && (await startNew.count()) > 0) await startNew.click();
  const option = page.locator('[data-question-id] button').first();
  if ((pathname.startsWith('/lessons/') || pathname.startsWith('/review/')) && (await option.count()) > 0) {
    await option.scrollIntoViewIfNeeded();
    await option.click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  }
  for (const [index, response] of responses.entries()) {
    const body = await response.body().catch(() => undefined);
    if (!body) continue;
    if (index < responsesBeforeAnswer) totals.requests += 1;
    const type = response.request().resourceType();
    const size = gzipBytes(body);
    if (type === 'script') {
      totals.jsAfterAnswerBytes += size;
      if (index < responsesBeforeAnswer) totals.jsBytes += size;
    } else if (index >= responsesBeforeAnswer) continue;
    else if (type === 'document' || type === 'stylesheet') totals.htmlCssBytes += size;
    else totals.otherBytes += size;
  }
  await context.close();
  return totals;
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/**
 * Measures every built page served at `origin`, prints a table and the budgets missed, and returns
 * the misses (as sentences).
 * @param {string} origin
 * @returns {Promise<string[]>}
 */
export async function reportPageWeights(origin) {
  const browser = await chromium.launch({ ...findBrowser(), args: QUIET_BROWSER_ARGS });
  const paths = [...pagePaths().filter((path) => path !== '/404.html')];
  const lesson = paths.find((path) => path.startsWith('/lessons/'));
  if (lesson) paths.push(`/review/?lesson=${lesson.split('/')[2]}`);
  const rows = [];
  const misses = [];
  try {
    for (const path of paths) {
      const totals = await measurePage(browser, new URL(path, origin).href);
      const verdicts = BUDGETS.filter((budget) => budget.applies(path))
        .map((budget) => {
          const value = totals[budget.kind];
          const limit = budget.maxBytes ?? budget.max;
          const show = (n) => (budget.maxBytes === undefined ? n.toFixed(3) : kb(n));
          const ok = value <= limit;
          if (!ok) misses.push(`${path}: ${budget.label} ${show(value)} > ${show(limit)}`);
          return ok ? null : `${budget.label} MISSED (${show(value)} > ${show(limit)})`;
        })
        .filter(Boolean);
      if (totals.blockingScripts > 0) misses.push(`${path}: ${totals.blockingScripts} render-blocking script(s)`);
      rows.push([
        path,
        kb(totals.htmlCssBytes),
        kb(totals.jsBytes),
        path.startsWith('/lessons/') || path.startsWith('/review/') ? kb(totals.jsAfterAnswerBytes) : '',
        totals.cls.toFixed(3),
        String(totals.requests),
        verdicts.join('; ') || 'ok',
      ]);
    }
  } finally {
    await browser.close();
  }
  const header = ['page', 'HTML+CSS', 'JS', 'JS answered', 'CLS', 'requests', 'budgets'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  /** @param {string[]} cells */
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : i < 6 ? cell.padStart(widths[i] ?? 0) : cell))
      .join('  ');
  console.log(
    '\nPage weight (gzip level 6 per response; inline scripts count as JS; 1 KB = 1024 bytes; service worker off, cache empty;' +
      ' «JS answered»: after the first question on a lesson, or the first new card of the review, is answered; CLS: layout shifts while loading and scrolling)',
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(misses.length === 0 ? 'All page-weight budgets met.' : `Budgets missed:\n  ${misses.join('\n  ')}`);
  return misses;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const preview = await startPreview();
  try {
    await reportPageWeights(preview.origin);
  } finally {
    preview.stop();
  }
}
