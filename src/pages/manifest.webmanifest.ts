/**
 * `/manifest.webmanifest`: the web app manifest. Written at build time so that its start URL,
 * scope, id and icons follow the folder the site is served from (src/lib/urls.ts).
 */
import { site } from '../lib/site';
import { sitePath, homeUrl } from '../lib/urls';

const icon = (path: string, sizes: string, type: string, purpose: 'any' | 'maskable') => ({
  src: sitePath(path),
  sizes,
  type,
  purpose,
});

export function GET(): Response {
  const manifest = {
    id: homeUrl(),
    name: site.name,
    short_name: 'Семь ошибок',
    description:
      'Курс из семи коротких уроков о том, почему маркетинг и продажи не могут договориться, с интервальным повторением.',
    lang: 'ru',
    dir: 'ltr',
    start_url: homeUrl(),
    scope: homeUrl(),
    display: 'standalone',
    theme_color: '#1d4ed8',
    background_color: '#fbfaf7',
    categories: ['education', 'business'],
    icons: [
      icon('/icons/icon-192.png', '192x192', 'image/png', 'any'),
      icon('/icons/icon-512.png', '512x512', 'image/png', 'any'),
      icon('/icons/maskable-512.png', '512x512', 'image/png', 'maskable'),
      icon('/favicon.svg', 'any', 'image/svg+xml', 'any'),
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
}
