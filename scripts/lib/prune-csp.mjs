/**
 * Trims each built page's CSP meta tag to the hashes that page needs.
 *
 * Astro writes the hash of every script and style of the whole site into every page, including
 * the hashes of bundled files, which `'self'` already allows. On a lesson that is about 0.6 KB of
 * incompressible text in the first 14 KB. A hash is only needed for an inline <script> or <style>
 * that is actually in the page, so this keeps exactly those (the intersection with Astro's list:
 * it never allows anything Astro did not). Runs before the service worker is written, so the
 * precache revisions match the final pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileForPath, pagePaths } from './built-site.mjs';

const META = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const HASH_SOURCE = /^'(sha256|sha384|sha512)-[^']+'$/;

/**
 * The CSP sources (`'sha256-…'`) of the given inline contents, in each algorithm.
 * @param {string[]} contents
 * @returns {Set<string>}
 */
function hashSources(contents) {
  const sources = new Set();
  for (const content of contents) {
    for (const algorithm of ['sha256', 'sha384', 'sha512']) {
      sources.add(`'${algorithm}-${createHash(algorithm).update(content, 'utf8').digest('base64')}'`);
    }
  }
  return sources;
}

/**
 * Returns the page with its CSP meta tag trimmed (unchanged when it has none).
 * @param {string} html
 * @returns {string}
 */
export function pruneCspMeta(html) {
  const scripts = hashSources([...html.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? ''));
  const styles = hashSources([...html.matchAll(INLINE_STYLE)].map((m) => m[1] ?? ''));
  return html.replace(META, (_, open, policy, close) => {
    const trimmed = policy
      .split(';')
      .map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        const inline = name.startsWith('script-src') ? scripts : name.startsWith('style-src') ? styles : undefined;
        if (!inline) return directive;
        return [name, ...sources.filter((s) => !HASH_SOURCE.test(s) || inline.has(s))].join(' ');
      })
      .join(';');
    return `${open}${trimmed}${close}`;
  });
}

/**
 * Trims the CSP meta tag of every built page in `dist`; returns the bytes saved.
 * @param {string} dist
 * @returns {number}
 */
export function pruneCspInBuild(dist) {
  let savedBytes = 0;
  for (const path of pagePaths(dist)) {
    const file = join(dist, fileForPath(path));
    const html = readFileSync(file, 'utf8');
    const pruned = pruneCspMeta(html);
    savedBytes += html.length - pruned.length;
    if (pruned !== html) writeFileSync(file, pruned);
  }
  return savedBytes;
}
