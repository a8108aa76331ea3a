/**
 * Runs after `astro build` (see the `build` script in package.json):
 * 1. writes the service worker `sw.js` with Workbox, precaching every page and asset, so that after
 *    one visit the whole course works offline;
 * 2. writes `_headers` from public/_headers, with the Content-Security-Policy read from the built
 *    pages, so the header never drifts from the hashes in the pages' meta tags.
 * Reads and writes the build folder (ASTRO_OUT_DIR or ./dist).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import { distDir, formatPolicy, pagePaths, unionPolicy } from './lib/built-site.mjs';

const dist = distDir();

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*'],
  // Not pages a learner opens: host configuration, the sitemap, and the worker itself.
  globIgnores: ['sw.js', '_headers', '_redirects', 'sitemap*.xml', '404.html', 'robots.txt'],
  swDest: join(dist, 'sw.js'),
  // Bundled files have a content hash in their names; everything else gets a revision hash, so a
  // deploy re-downloads exactly the files that changed.
  dontCacheBustURLsMatching: /^_astro\//,
  // A page is the same whatever its query (`/review/?lesson=x` is `/review/` plus a filter read by
  // the page's script), so the precache ignores every query parameter; `/review/` then finds
  // `review/index.html` through `directoryIndex`.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  // The worker waits after installing until a page asks it to take over (SKIP_WAITING); the page
  // then reloads, so no page runs with scripts from two deploys. See src/components/ServiceWorker.astro.
  skipWaiting: false,
  // On the first install, take control of the open page at once, so it works offline without a
  // reload.
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // One file, no runtime loaded from elsewhere.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
});
for (const warning of warnings) console.warn(`workbox: ${warning}`);
console.log(`sw.js: precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);

const policy = unionPolicy(dist);
// A meta tag cannot carry frame-ancestors; the header can.
policy.set('frame-ancestors', new Set(["'none'"]));
const pageRules = pagePaths(dist)
  .map((path) => `${path}\n  Cache-Control: no-cache`)
  .join('\n\n');
const template = readFileSync(join(process.cwd(), 'public', '_headers'), 'utf8');
// The template's opening comment explains the placeholders; the written file says where it came from.
const body = template.replace(/^(#.*\n)+\n/, '');
const headers = `# Written by scripts/build-sw.mjs from public/_headers; edit that file.\n\n${body}`
  .replace('__CSP__', formatPolicy(policy))
  .replace('__PAGES__', pageRules);
writeFileSync(join(dist, '_headers'), headers);
console.log(`_headers: CSP with ${policy.get('script-src')?.size ?? 0} script sources, ${pagePaths(dist).length} page rules`);
