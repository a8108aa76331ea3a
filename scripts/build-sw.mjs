/**
 * Runs after `astro build` (see the `build` script in package.json):
 * 0. trims each page's CSP meta tag to the hashes it needs (scripts/lib/prune-csp.mjs), and copies
 *    the SCORM packages into `downloads/` when `npm run package:lms` has made them;
 * 1. writes the service worker `sw.js` with Workbox, precaching every page and asset, so that after
 *    one visit the whole course works offline;
 * 2. writes `_headers` from public/_headers, with the Content-Security-Policy read from the built
 *    pages, so the header never drifts from the hashes in the pages' meta tags.
 * Reads and writes the build folder (ASTRO_OUT_DIR or ./dist), built for the folder BASE_PATH.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePath } from './lib/base-path.mjs';
import { distDir, formatPolicy, pagePaths, unionPolicy } from './lib/built-site.mjs';
import { copyLmsDownloads } from './lib/lms-downloads.mjs';
import { pruneCspInBuild } from './lib/prune-csp.mjs';
import { writeServiceWorker } from './lib/service-worker.mjs';

const dist = distDir();

console.log(`CSP: unused hashes dropped from the pages' meta tags, ${pruneCspInBuild(dist)} bytes`);

const packages = copyLmsDownloads(dist);
if (packages) console.log(`downloads/: ${packages} SCORM packages from npm run package:lms, linked on /trainers/`);

const { count, sizeBytes, warnings } = await writeServiceWorker(dist);
for (const warning of warnings) console.warn(`workbox: ${warning}`);
console.log(`sw.js: precaches ${count} files, ${(sizeBytes / 1024).toFixed(1)} KiB`);

const policy = unionPolicy(dist);
// A meta tag cannot carry frame-ancestors; the header can.
policy.set('frame-ancestors', new Set(["'none'"]));
const pageRules = pagePaths(dist)
  .map((path) => `${path}\n  Cache-Control: no-cache`)
  .join('\n\n');
const template = readFileSync(join(process.cwd(), 'public', '_headers'), 'utf8');
// The template's opening comment explains the placeholders; the written file says where it came from.
const body = template
  .replace(/^(#.*\n)+\n/, '')
  .replace('__CSP__', formatPolicy(policy))
  .replace('__PAGES__', pageRules)
  // Rules name paths from the build folder's root; served from a folder, they start with its path.
  .replace(/^\//gm, basePath());
const headers = `# Written by scripts/build-sw.mjs from public/_headers; edit that file.\n\n${body}`;
writeFileSync(join(dist, '_headers'), headers);
console.log(
  `_headers: CSP with ${policy.get('script-src')?.size ?? 0} script sources, ${pagePaths(dist).length} page rules`,
);
