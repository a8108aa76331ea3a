// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';

/** The public origin, used for the sitemap and Open Graph URLs. Set SITE_URL when deploying. */
const site = process.env.SITE_URL ?? 'https://course.example.org';

export default defineConfig({
  site,
  // Tests build fixture courses into their own folders so they never touch the real build.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [mdx(), preact(), sitemap()],
  build: { format: 'directory' },
  // Pages load their few modules themselves; Vite's preload helper (about 1 KB of JavaScript on
  // every page with a lazy import) would cost more than the round trip it saves.
  vite: { build: { modulePreload: false } },
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
