/**
 * The LMS build's URLs. The site is built for a placeholder base path (LMS_ROOT); this turns every
 * URL under it in the pages and style sheets into a URL relative to the file that holds it, naming
 * a file (`../review/index.html`, `../../_astro/x.css`): an LMS serves a package from a folder of
 * its choosing, often from a file server that does not map a folder to its index. A changed inline
 * script or style gets its new hash in the page's Content-Security-Policy.
 *
 * Scripts and data files (cards.json) keep the placeholder: the pages resolve it at run time
 * against the folder they are in (src/lib/urls.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The placeholder base path the LMS build is made for. */
export const LMS_ROOT = '/__lms_root__/';

const ROOT_URL = /\/__lms_root__\/([^"'\s)<>&`]*)/g;
const INLINE = /(<script\b(?![^>]*\bsrc=)[^>]*>)([\s\S]*?)(<\/script>)|(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;

/**
 * A site path (without the base) as a URL relative to a file `depth` folders below the root,
 * naming a file: `review/?lesson=x` at depth 2 is `../../review/index.html?lesson=x`.
 * @param {string} path
 * @param {number} depth
 */
export function relativeUrl(path, depth) {
  const [, pathname = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(path) ?? [];
  const file = pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  return `${depth ? '../'.repeat(depth) : './'}${file}${suffix}`;
}

/** @param {string} content */
const sha256 = (content) => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

/**
 * Rewrites one page: URLs relative to it, and the CSP hash of any inline script or style that changed.
 * @param {string} html
 * @param {number} depth
 */
export function relativePage(html, depth) {
  const swaps = new Map();
  const rewrite = (/** @type {string} */ text) => text.replace(ROOT_URL, (_, path) => relativeUrl(path, depth));
  let page = html.replace(INLINE, (whole, open, script, close, styleOpen, style, styleClose) => {
    const [start, content, end] = open ? [open, script, close] : [styleOpen, style, styleClose];
    const changed = rewrite(content);
    if (changed === content) return whole;
    swaps.set(sha256(content), sha256(changed));
    return `${start}${changed}${end}`;
  });
  page = page.replace(/(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i, (_, a, policy, b) => {
    let next = policy;
    for (const [before, after] of swaps) next = next.replaceAll(before, after);
    return `${a}${next}${b}`;
  });
  // Everything outside inline scripts and styles (which were done above, so they no longer match).
  return rewrite(page);
}

/**
 * Rewrites the pages and style sheets under `dir`; returns how many files changed.
 * @param {string} dir
 */
export function makeRelative(dir) {
  let changed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|css)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const depth = relative(dir, file).split(sep).length - 1;
    const before = readFileSync(file, 'utf8');
    const after = entry.name.endsWith('.html')
      ? relativePage(before, depth)
      : before.replace(ROOT_URL, (_, path) => relativeUrl(path, depth));
    if (after !== before) {
      writeFileSync(file, after);
      changed++;
    }
  }
  return changed;
}
