/**
 * The Workbox configuration of the service worker, in one place for the build
 * (scripts/build-sw.mjs) and for the test that simulates a new deploy (e2e/offline.spec.ts).
 */
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

/**
 * Writes `sw.js` into the build folder `dist`, precaching every page and asset found there.
 * @param {string} dist
 * @returns {Promise<{ count: number, sizeBytes: number, warnings: string[] }>}
 */
export async function writeServiceWorker(dist) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*'],
    // Not pages a learner opens: host configuration, the sitemap, and the worker itself.
    globIgnores: ['sw.js', '_headers', '_redirects', 'sitemap*.xml', '404.html', 'robots.txt'],
    swDest: join(dist, 'sw.js'),
    // Bundled files have a content hash in their names; everything else gets a revision hash, so
    // a deploy re-downloads exactly the files that changed.
    dontCacheBustURLsMatching: /^_astro\//,
    // A page is the same whatever its query (`/review/?lesson=x` is `/review/` plus a filter read
    // by the page's script), so the precache ignores every query parameter; `/review/` then finds
    // `review/index.html` through `directoryIndex`.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // After installing, the worker waits until a page asks it to take over (SKIP_WAITING); that
    // page then reloads, so no page runs with scripts from two deploys. The reasons are in
    // src/components/ServiceWorker.astro.
    skipWaiting: false,
    // On the first install, take control of the open page at once, so it works offline without a
    // reload.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // One file: no Workbox runtime loaded from a second URL.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  });
  return { count, sizeBytes: size, warnings };
}
