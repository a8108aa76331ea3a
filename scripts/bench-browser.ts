/**
 * Runs the benchmark in Chromium with real IndexedDB: bundles bench-lib with esbuild, serves it
 * from a routed origin (IndexedDB needs one), and reloads the page between steps as a learner's
 * browser would: seed, first load (cold), second load (warm, with the card cache).
 */
import { fileURLToPath } from 'node:url';
import { installedBrowser, QUIET_BROWSER_ARGS } from '../e2e/find-browser';
import type { BenchRow } from './bench-lib';

/** Why a Chromium run was skipped. */
export const NO_BROWSER = 'no Chromium found (install one, or set CHROMIUM_PATH)';

/** The Chromium run's rows, or why it could not run. */
export type BrowserBench = { ok: true; version: string; rows: BenchRow[] } | { ok: false; reason: string };

const ENTRY = `
import { measureLoad, seed } from './bench-lib';
const phase = new URLSearchParams(location.search).get('phase');
const run = phase === 'seed' ? seed(indexedDB, 'bench') : measureLoad(indexedDB, 'bench', phase === 'cold');
run.then((rows) => { window.benchRows = rows; }, (error) => { window.benchError = String(error && error.stack || error); });
`;

/** Bundles an entry module (TypeScript source, imports relative to scripts/) into one browser script. */
export async function bundleForBrowser(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const bundle = await esbuild.build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: true,
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/** Bundles and runs the benchmark in Chromium; never throws. */
export async function runInChromium(): Promise<BrowserBench> {
  try {
    const { chromium } = await import('@playwright/test');
    const found = installedBrowser();
    if (!found) return { ok: false, reason: NO_BROWSER };
    const script = await bundleForBrowser(ENTRY);
    const browser = await chromium.launch({ ...found, args: QUIET_BROWSER_ARGS });
    try {
      const page = await browser.newPage();
      await page.route('http://bench.test/**', (route) =>
        route.request().url().endsWith('.js')
          ? route.fulfill({ contentType: 'text/javascript', body: script })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/bench.js"></script>' }),
      );
      const rows: BenchRow[] = [];
      for (const phase of ['seed', 'cold', 'warm']) {
        await page.goto(`http://bench.test/?phase=${phase}`);
        await page.waitForFunction(() => 'benchRows' in window || 'benchError' in window, null, { timeout: 300_000 });
        const error = await page.evaluate(() => (window as { benchError?: string }).benchError);
        if (error) return { ok: false, reason: error };
        rows.push(...(await page.evaluate(() => (window as unknown as { benchRows: BenchRow[] }).benchRows)));
      }
      return { ok: true, version: browser.version(), rows };
    } finally {
      await browser.close();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
