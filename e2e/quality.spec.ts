import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loadEverything } from './axe';
import { distDir, fileForPath, pagePaths, parsePolicy, readCspMeta } from '../scripts/lib/built-site.mjs';

/*
 * Quality gates over every built page. Pages are read from the build folder, so a new lesson is
 * covered without touching this file. Service workers are blocked here: these tests look at the
 * pages themselves (e2e/offline.spec.ts tests the worker).
 */

const dist = distDir();
const builtPages = existsSync(dist) ? pagePaths(dist) : [];
const readBuilt = (path: string) => readFileSync(join(dist, fileForPath(path)), 'utf8');
const firstLesson = builtPages.find((path) => path.startsWith('/lessons/'));

/** Every page, plus states a URL alone reaches: the review of one lesson. */
const pagesToVisit = [
  ...new Set([
    ...builtPages,
    '/review/',
    '/settings/',
    ...(firstLesson ? [`/review/?lesson=${firstLesson.split('/')[2]}`] : []),
  ]),
];

test.use({ serviceWorkers: 'block' });

test('the build folder holds the site', () => {
  expect(builtPages, `no pages in ${dist}: run \`npm run build\` first`).toContain('/');
});

test.describe('accessibility', () => {
  for (const path of pagesToVisit) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no WCAG 2.2 AA violations on ${path} (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await loadEverything(page);
        await expectNoAxeViolations(page, `${path} (${colorScheme})`);
      });
    }
  }
});

/** Every URL an element points at, with where it came from (`link[rel=canonical] href`). */
async function linkedUrls(page: Page): Promise<{ url: string; where: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [srcset], [action], meta[property="og:url"]')].flatMap((element) => {
      const tag = element.tagName.toLowerCase();
      const rel = element.getAttribute('rel') ?? element.getAttribute('property');
      const label = rel ? `${tag}[${rel}]` : tag;
      const found: { url: string; where: string }[] = [];
      for (const name of ['href', 'src', 'action', 'content']) {
        const value = element.getAttribute(name);
        if (value && (name !== 'content' || tag === 'meta')) found.push({ url: value, where: `${label} ${name}` });
      }
      for (const candidate of element.getAttribute('srcset')?.split(',') ?? []) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ url, where: `${label} srcset` });
      }
      // Resolve against the page, as the browser would.
      return found.map(({ url, where }) => ({ url: new URL(url, document.baseURI).href, where }));
    }),
  );
}

/**
 * Why `url` does not resolve, or undefined when it does: it must name a built file, and its
 * fragment an element id (in the live page when it points at itself, else in the built file).
 */
function brokenReason(url: URL, page: Page, liveIds: ReadonlySet<string>): string | undefined {
  const file = fileForPath(url.pathname);
  if (!existsSync(join(dist, file))) {
    return url.pathname.endsWith('/') || url.pathname.includes('.')
      ? `no file ${file} in the build`
      : 'no trailing slash (the site uses /path/ URLs)';
  }
  const id = decodeURIComponent(url.hash.slice(1));
  if (id === '') return undefined;
  const samePage = url.pathname === new URL(page.url()).pathname;
  const found = samePage
    ? liveIds.has(id)
    : new RegExp(`\\sid=["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\\s>]`).test(readBuilt(url.pathname));
  return found ? undefined : `no element with id "${id}"`;
}

test.describe('links', () => {
  for (const path of pagesToVisit) {
    test(`every internal link and #anchor on ${path} resolves`, async ({ page, baseURL }) => {
      await page.goto(path);
      await loadEverything(page);
      const origins = new Set([new URL(baseURL ?? page.url()).origin]);
      // Canonical and Open Graph URLs name the public site; they must resolve too.
      const canonical = await page.evaluate(
        () => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
      );
      if (canonical) origins.add(new URL(canonical).origin);
      const liveIds = new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id)));
      const seen = new Set<string>();
      const broken = (await linkedUrls(page))
        .filter(({ url, where }) => !seen.has(url + where) && seen.add(url + where))
        .map(({ url, where }) => ({ url: new URL(url), where }))
        .filter(({ url }) => origins.has(url.origin))
        .flatMap(({ url, where }) => {
          const reason = brokenReason(url, page, liveIds);
          return reason ? [`${where} → ${url.pathname}${url.hash}: ${reason}`] : [];
        });
      expect(broken, `broken links on ${path}`).toEqual([]);
    });
  }
});

test.describe('security', () => {
  for (const path of pagesToVisit) {
    test(`${path} requests nothing from another origin and breaks no CSP rule`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const foreign: string[] = [];
      page.context().on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(url.href);
      });
      // The listener runs before any page script and outside the page's CSP.
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.defineProperty(window, '__cspViolations', { value: seen });
        document.addEventListener('securitypolicyviolation', (event) => {
          seen.push(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample || 'no sample'})`,
          );
        });
      });
      await page.goto(path);
      await loadEverything(page);
      const violations = await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      );
      expect(foreign, `requests to other origins from ${path}`).toEqual([]);
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    });
  }

  test('every built page carries a CSP meta tag with hashed scripts and no unsafe-inline', () => {
    const problems = builtPages.flatMap((path) => {
      const meta = readCspMeta(readBuilt(path));
      if (!meta) return [`${path}: no Content-Security-Policy meta tag`];
      const policy = parsePolicy(meta);
      const scriptSrc = policy.get('script-src') ?? [];
      return [
        ...(scriptSrc.length === 0 ? [`${path}: no script-src`] : []),
        ...(scriptSrc.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'")
          ? [`${path}: script-src allows unsafe-inline or unsafe-eval`]
          : []),
        ...(policy.get('default-src')?.join(' ') === "'self'" ? [] : [`${path}: default-src is not 'self'`]),
        ...(policy.get('object-src')?.join(' ') === "'none'" ? [] : [`${path}: object-src is not 'none'`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  test('_headers carries every page policy plus frame-ancestors', () => {
    const headersFile = join(dist, '_headers');
    expect(existsSync(headersFile), '_headers is written by `npm run build` (scripts/build-sw.mjs)').toBe(true);
    const line = /Content-Security-Policy: (.*)/.exec(readFileSync(headersFile, 'utf8'))?.[1] ?? '';
    const header = parsePolicy(line);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    const missing = builtPages.flatMap((path) =>
      [...parsePolicy(readCspMeta(readBuilt(path)) ?? '')].flatMap(([name, sources]) =>
        sources.filter((s) => !header.get(name)?.includes(s)).map((s) => `${path}: ${name} ${s}`),
      ),
    );
    expect(missing, 'sources in a page meta tag but not in _headers').toEqual([]);
  });
});
