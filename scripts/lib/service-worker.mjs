/**
 * Writes the service worker of a build, for `npm run build` (scripts/build-sw.mjs) and for the test
 * that simulates a new deploy (e2e/offline.spec.ts).
 *
 * Workbox's injectManifest, with our own small source (scripts/sw/service-worker.js) bundled by
 * esbuild: generateSW would bundle the same Workbox modules with Rollup, Babel and Terser, which
 * took 1.5 to 4 s of a 10 s build budget; esbuild takes a few tens of milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'sw', 'service-worker.js');

/**
 * Writes `sw.js` into the build folder `dist`, precaching every page and asset found there.
 * @param {string} dist
 * @returns {Promise<{ count: number, sizeBytes: number, warnings: string[] }>}
 */
export async function writeServiceWorker(dist) {
  const scratch = mkdtempSync(join(tmpdir(), 'sw-'));
  try {
    const bundled = join(scratch, 'sw.js');
    await build({
      entryPoints: [SOURCE],
      outfile: bundled,
      bundle: true,
      format: 'iife',
      minify: true,
      legalComments: 'none',
      // Workbox leaves out its development checks and logging in production.
      define: { 'process.env.NODE_ENV': '"production"' },
      target: ['es2020'],
      logLevel: 'warning',
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: join(dist, 'sw.js'),
      globDirectory: dist,
      globPatterns: ['**/*'],
      // Not pages a learner opens: host configuration, the sitemap, and the worker itself.
      // The SCORM packages are downloads for trainers, not part of the course a learner uses offline.
      globIgnores: ['sw.js', '_headers', '_redirects', 'sitemap*.xml', '404.html', 'robots.txt', 'downloads/**'],
      // Bundled files have a content hash in their names and need no revision of their own.
      dontCacheBustURLsMatching: /^_astro\//,
    });
    return { count, sizeBytes: size, warnings };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
