/**
 * Facts about a built site (the `dist/` folder), shared by the post-build step, the audit scripts
 * and the end-to-end tests: where it is, which pages it has, and the CSP each page carries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The build folder: ASTRO_OUT_DIR when set (as astro.config.mjs reads it), else ./dist.
 * @returns {string}
 */
export function distDir() {
  return process.env.ASTRO_OUT_DIR ?? join(process.cwd(), 'dist');
}

/**
 * Every file under `dir`, as paths relative to it with forward slashes.
 * @param {string} dir
 * @returns {string[]}
 */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The URL path each built HTML page is served at ("/", "/lessons/x/", "/404.html"), sorted.
 * With `build.format: 'directory'`, `a/b/index.html` is served at `/a/b/`.
 * @param {string} [dir]
 * @returns {string[]}
 */
export function pagePaths(dir = distDir()) {
  return listFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => (file === 'index.html' ? '/' : `/${file.replace(/(^|\/)index\.html$/, '$1')}`))
    .sort();
}

/**
 * The file that serves a URL path ("/lessons/x/?a=b#c" → "lessons/x/index.html"), relative to
 * the build folder.
 * @param {string} path
 * @returns {string}
 */
export function fileForPath(path) {
  const clean = decodeURIComponent(path.replace(/[?#].*$/, ''));
  return clean.endsWith('/') ? `${clean.slice(1)}index.html` : clean.slice(1);
}

const CSP_META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

/**
 * The content of a page's CSP meta tag, or undefined when it has none.
 * @param {string} html
 * @returns {string | undefined}
 */
export function readCspMeta(html) {
  return CSP_META.exec(html)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

/**
 * A policy as a map from directive name to its sources, in order.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parsePolicy(policy) {
  /** @type {Map<string, string[]>} */
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * One policy that every page's own policy fits in: each directive with the union of its sources
 * over all pages (the pages differ only in the hashes of their own scripts and styles).
 * @param {string} [dir]
 * @returns {Map<string, Set<string>>}
 */
export function unionPolicy(dir = distDir()) {
  /** @type {Map<string, Set<string>>} */
  const union = new Map();
  for (const path of pagePaths(dir)) {
    const meta = readCspMeta(readFileSync(join(dir, fileForPath(path)), 'utf8'));
    if (!meta) throw new Error(`${fileForPath(path)} has no Content-Security-Policy meta tag`);
    for (const [name, sources] of parsePolicy(meta)) {
      const all = union.get(name) ?? new Set();
      for (const source of sources) all.add(source);
      union.set(name, all);
    }
  }
  return union;
}

/**
 * A policy map written out as a header value.
 * @param {Map<string, Iterable<string>>} directives
 * @returns {string}
 */
export function formatPolicy(directives) {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}
