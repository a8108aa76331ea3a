/**
 * `npm run bench`: 10,000 cards with 100,000 reviews. Runs the benchmark in Node on
 * fake-indexeddb, then in Chromium on real IndexedDB when a Chromium is available (set
 * CHROMIUM_PATH, or pass --node-only to skip it). PRODUCT.md's budgets are for Chromium.
 */
import { IDBFactory } from 'fake-indexeddb';
import { CARDS, REVIEWS_PER_CARD, measureLoad, printRows, seed } from './bench-lib';
import { runInChromium } from './bench-browser';

console.log(`Benchmark: ${CARDS} cards, ${CARDS * REVIEWS_PER_CARD} reviews`);
const factory = new IDBFactory();
const rows = [...(await seed(factory, 'bench')), ...(await measureLoad(factory, 'bench', true)), ...(await measureLoad(factory, 'bench', false))];
printRows(`Node ${process.version}, fake-indexeddb (in-memory JS implementation, much slower than a browser's):`, rows);

if (!process.argv.includes('--node-only')) {
  const browser = await runInChromium();
  if (browser.ok) printRows(`Chromium ${browser.version}, real IndexedDB, each step after a page reload:`, browser.rows);
  else console.log(`\nChromium run skipped: ${browser.reason}`);
}
