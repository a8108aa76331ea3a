/**
 * `npm run bench`: 10,000 cards with 100,000 reviews. Runs the benchmark in Node on
 * fake-indexeddb, then in Chromium on real IndexedDB when a Chromium is available (set
 * CHROMIUM_PATH; --node-only or --browser-only runs just one). PRODUCT.md's budgets are for Chromium.
 */
import { IDBFactory } from 'fake-indexeddb';
import { CARDS, REVIEWS_PER_CARD, measureLoad, printRows, seed } from './bench-lib';
import { runInChromium } from './bench-browser';

console.log(`Benchmark: ${CARDS} cards, ${CARDS * REVIEWS_PER_CARD} reviews`);
if (!process.argv.includes('--browser-only')) {
  const factory = new IDBFactory();
  const rows = [...(await seed(factory, 'bench')), ...(await measureLoad(factory, 'bench', true)), ...(await measureLoad(factory, 'bench', false))];
  printRows(`Node ${process.version}, fake-indexeddb (a JavaScript IndexedDB in memory):`, rows);
}

if (!process.argv.includes('--node-only')) {
  const browser = await runInChromium();
  const load = await import('node:os').then((os) => os.loadavg()[0]?.toFixed(1) ?? '?');
  if (browser.ok) printRows(`Chromium ${browser.version}, real IndexedDB, each phase a fresh page load (load average ${load}):`, browser.rows);
  else console.log(`\nChromium run skipped: ${browser.reason}`);
}
