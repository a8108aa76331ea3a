/**
 * `npm run bench`: 10,000 cards with 100,000 reviews. Runs the engine benchmark in Node on
 * fake-indexeddb, then in Chromium on real IndexedDB, then the real built site in Chromium (built
 * into a temporary folder, or BENCH_DIST) when a Chromium is available (set CHROMIUM_PATH).
 * --node-only or --browser-only runs just one side; --no-site skips the site. PRODUCT.md's budgets
 * are for Chromium, and are judged on the site's figures: they are printed, never asserted.
 */
import { loadavg } from 'node:os';
import { IDBFactory } from 'fake-indexeddb';
import { CARDS, REVIEWS_PER_CARD, measureLoad, printRows, seed, withinBudget } from './bench-lib';
import { runInChromium } from './bench-browser';
import { runOnSite } from './bench-site';

const load = () => loadavg()[0]?.toFixed(1) ?? '?';

console.log(`Benchmark: ${CARDS} cards, ${CARDS * REVIEWS_PER_CARD} reviews`);
if (!process.argv.includes('--browser-only')) {
  const factory = new IDBFactory();
  const rows = [
    ...(await seed(factory, 'bench')),
    ...(await measureLoad(factory, 'bench', true)),
    ...(await measureLoad(factory, 'bench', false)),
  ];
  printRows(`Node ${process.version}, fake-indexeddb (a JavaScript IndexedDB in memory):`, rows);
}

if (!process.argv.includes('--node-only')) {
  const browser = await runInChromium();
  if (browser.ok)
    printRows(
      `Chromium ${browser.version}, real IndexedDB, each phase a fresh page load (load average ${load()}):`,
      browser.rows,
    );
  else console.log(`\nChromium run skipped: ${browser.reason}`);
}

if (!process.argv.includes('--node-only') && !process.argv.includes('--no-site')) {
  const site = await runOnSite();
  if (site.ok) {
    printRows(`The built site in Chromium ${site.version}, real IndexedDB (load average ${load()}):`, site.rows);
    for (const note of site.notes) console.log(`  (${note})`);
    const missed = site.rows.filter((row) => withinBudget(row) === false);
    console.log(missed.length ? '\nBudgets missed:' : '\nAll site budgets met.');
    for (const [what, ms, budget] of missed) console.log(`  ${what}: ${ms.toFixed(0)} ms, budget ${budget}`);
  } else console.log(`\nSite run skipped: ${site.reason}`);
}
