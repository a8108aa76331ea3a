// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';

/** The public origin, used for the sitemap and Open Graph URLs. Set SITE_URL when deploying. */
const site = process.env.SITE_URL ?? 'https://course.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [mdx(), preact(), sitemap()],
  build: { format: 'directory' },
});
