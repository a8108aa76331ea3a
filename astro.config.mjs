// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { basePath } from './scripts/lib/base-path.mjs';

/**
 * The public origin (SITE_URL), for canonical and Open Graph URLs, the sitemap and absolute links
 * in the build's HTML. Unset, the build writes none of those rather than a wrong address, and
 * what the site copies or downloads (trainer links, the snippet, .ics files) uses the address the
 * page is served from.
 */
const site = process.env.SITE_URL?.trim() || undefined;

/**
 * Says once per build, in the build's log, that SITE_URL was not set and what that leaves out.
 * @type {import('astro').AstroIntegration}
 */
const siteUrlWarning = {
  name: 'site-url-warning',
  hooks: {
    'astro:build:start': ({ logger }) => {
      logger.warn(
        'SITE_URL is not set: the build leaves out canonical URLs, og:url and the sitemap, and links that ' +
          'pages copy or download use the address the site is served from. Set SITE_URL to the public origin ' +
          'when deploying (SITE_URL=https://course.example.com npm run build).',
      );
    },
  },
};

/**
 * The LMS build (`LMS_BUILD=1`, used by scripts/package-lms.ts): pages report to an LMS through the
 * package's launch page. The flag is a compile-time constant, so the plain build carries none of it.
 */
const lmsBuild = process.env.LMS_BUILD === '1';

const CORE_MODULE =
  /\/src\/(runtime|storage|i18n|domain)\/|\/src\/ui\/(dom|question-card|course-cards)\.ts|\/src\/lib\/(card-dom|card-view|urls)\.ts|\/idb-keyval\//;
// Also kept out of `core`: what loads later, and what only some pages use (the review's queue and
// session, the settings page's backup file and persistence, the final check, the certificate,
// progress). A lesson loads `core` first of all, so whatever sits in it weighs on every lesson.
const LAZY_MODULE =
  /\/src\/runtime\/(tab-sync|use-runtime|final-check-records|load)\.ts|\/src\/storage\/(memory-store|persist|idb-log|idb-chunks|log-records|review-columns)\.ts|\/src\/i18n\/(backup-messages|final-check)\.ts|\/src\/domain\/(queue|review-session|backup-file|deck|deck-log|grading|scheduler|schemas|backup-import|final-check|final-check-attempts|completion|measured-recall|fsrs)\.ts/;

export default defineConfig({
  ...(site ? { site } : {}),
  // The folder the site is served from (BASE_PATH=/academy/sales/), `/` by default. Pages make
  // every internal URL with src/lib/urls.ts, which reads it as import.meta.env.BASE_URL.
  base: basePath(),
  // Tests build fixture courses into their own folders so they never touch the real build.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Scoped styles by class: shorter than an attribute on every element (and the same specificity).
  scopedStyleStrategy: 'class',
  integrations: [mdx(), preact(), ...(site ? [sitemap()] : [siteUrlWarning])],
  build: { format: 'directory' },
  vite: {
    define: { __LMS_BUILD__: JSON.stringify(lmsBuild) },
    // In the LMS build, scripts find the files they load (lazy chunks, the backup worker) relative
    // to themselves: the package is served from a folder nobody knows at build time.
    ...(lmsBuild ? { experimental: { renderBuiltUrl: () => ({ relative: true }) } } : {}),
    build: {
      // `SOURCEMAP=1` writes source maps, to see which modules a chunk's bytes come from.
      sourcemap: process.env.SOURCEMAP === '1',
      rolldownOptions: {
        output: {
          // What every interactive page needs at once (the runtime, storage, the quiz) as one file:
          // a dozen small chunks would each cost a request and its own compression overhead. What
          // loads later stays apart: grading (deck.ts with ts-fsrs), another tab's changes, the
          // memory fallback, backup files. Vite's helper for lazy imports stays its own file, so
          // pages without the quiz do not load `core` for it.
          codeSplitting: {
            groups: [
              { name: 'preload-helper', test: /preload-helper/, priority: 2 },
              { name: 'core', test: (id) => CORE_MODULE.test(id) && !LAZY_MODULE.test(id), priority: 1 },
            ],
          },
        },
      },
    },
  },
  // Content-Security-Policy as a <meta> tag on every page. Astro adds `script-src` and `style-src`
  // itself, with 'self' and the hash of every script and style it emits, so no 'unsafe-inline' is
  // needed. The rest allows nothing but this origin. `frame-ancestors` is ignored (and warned
  // about) in a meta tag, so it lives only in public/_headers, written by scripts/build-sw.mjs.
  // Shiki colours code with inline style attributes, which this CSP blocks. The lessons have no
  // code; an author who adds some gets plain <pre><code>.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
    },
  },
});
