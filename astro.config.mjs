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
});
