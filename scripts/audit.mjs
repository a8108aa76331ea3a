/**
 * `npm run audit`: Lighthouse 12 (mobile, default config) on the pages PRODUCT.md names, printing
 * the four category scores per page, then the page-weight report (scripts/page-weight.mjs).
 * Builds nothing: it serves the existing build with `astro preview` on a free port. It prints
 * figures and names missed budgets; it exits 1 only if something crashed.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { findBrowser, QUIET_BROWSER_ARGS } from '../e2e/find-browser.ts';
import { pagePaths } from './lib/built-site.mjs';
import { startPreview } from './lib/preview-server.mjs';
import { reportPageWeights } from './page-weight.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** PRODUCT.md: 100 in all four categories. */
const TARGET_SCORE = 100;
/**
 * Runs per page; the median run (by FCP and TTI, Lighthouse's own choice) is reported. One run
 * swings by several performance points on a busy machine.
 */
const RUNS = Number(process.env['AUDIT_RUNS'] ?? 3);

const lesson = pagePaths().find((path) => path.startsWith('/lessons/'));
const auditedPaths = ['/', ...(lesson ? [lesson] : []), '/review/', '/progress/', '/trainers/'];

/**
 * The Chromium the end-to-end tests use (CHROMIUM_PATH, a system Chromium, or Playwright's own),
 * headless and quiet: the network here reaches nothing but this machine.
 */
async function launchChrome() {
  const { executablePath } = findBrowser();
  const { chromium } = await import('@playwright/test');
  return chromeLauncher.launch({
    chromePath: executablePath ?? chromium.executablePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', ...QUIET_BROWSER_ARGS],
  });
}

/**
 * Runs Lighthouse RUNS times on one URL and returns the median run's scores (0–100), the audits
 * that cost points, and the machine's benchmark index (lower means a slower or busier CPU).
 * @param {string} url
 * @param {number} port
 */
async function audit(url, port) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    runs.push(result.lhr);
  }
  const lhr = computeMedianRun(runs);
  /** @type {Record<string, number | null>} */
  const scores = {};
  const lost = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    for (const ref of category?.auditRefs ?? []) {
      const auditResult = lhr.audits[ref.id];
      if (ref.weight > 0 && auditResult && auditResult.score !== null && auditResult.score < 1) {
        lost.push(`${id}: ${auditResult.title} (${auditResult.displayValue ?? `score ${auditResult.score}`})`);
      }
    }
  }
  const performanceScores = runs.map((run) => Math.round((run.categories['performance']?.score ?? 0) * 100));
  return { scores, lost, performanceScores, benchmarkIndex: lhr.environment.benchmarkIndex };
}

const preview = await startPreview();
const chrome = await launchChrome();
const misses = [];
try {
  const { version } = (await import('lighthouse/package.json', { with: { type: 'json' } })).default;
  console.log(`Lighthouse ${version}, mobile, default config, median of ${RUNS} run(s) per page, on ${preview.origin}`);
  const header = ['page', ...CATEGORIES];
  const widths = header.map((h, i) => (i === 0 ? Math.max(h.length, ...auditedPaths.map((p) => p.length)) : h.length));
  console.log(
    header
      .map((h, i) => h.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  for (const path of auditedPaths) {
    const { scores, lost, performanceScores, benchmarkIndex } = await audit(
      new URL(path, preview.origin).href,
      chrome.port,
    );
    const cells = [path, ...CATEGORIES.map((c) => String(scores[c] ?? 'n/a'))].map((cell, i) =>
      i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
    );
    console.log(
      `${cells.join('  ')}  (performance per run: ${performanceScores.join(', ')}; benchmark index ${benchmarkIndex})`,
    );
    for (const c of CATEGORIES) {
      if (scores[c] !== TARGET_SCORE) misses.push(`${path}: ${c} ${scores[c] ?? 'n/a'} < ${TARGET_SCORE}`);
    }
    for (const reason of lost) console.log(`    − ${reason}`);
  }
} finally {
  await chrome.kill();
}
try {
  misses.push(...(await reportPageWeights(preview.origin)));
} finally {
  preview.stop();
}
console.log(
  misses.length === 0 ? '\nEvery audited budget is met.' : `\nMissed (${misses.length}):\n  ${misses.join('\n  ')}`,
);
