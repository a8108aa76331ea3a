/**
 * Every internal URL the site writes is made here: in pages at build time, in scripts in the
 * browser, in what the trainer kit copies or downloads. The site may be served from a folder
 * (`BASE_PATH=/academy/sales/ npm run build`), so a URL is a site path under that base.
 */

/** In the browser, in the LMS build: the package's folder wherever the LMS serves it. */
const lmsPage = __LMS_BUILD__ && !import.meta.env.SSR && typeof document !== 'undefined';

/**
 * The package's folder in the LMS build, read from the page: the build is made for a placeholder
 * base, and each page says where the root is relative to itself (`<meta name="course-root">`,
 * written by scripts/lib/lms-relative.mjs as a relative URL).
 */
function lmsRoot(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="course-root"]');
  return new URL(meta?.content ?? './', location.href).pathname.replace(/[^/]*$/, '');
}

/** The folder the site is built for (`/`, `/academy/sales/`): Astro's `base`, slashes at both ends. */
export const BASE: string = lmsPage ? lmsRoot() : import.meta.env.BASE_URL;

/**
 * A folder URL as the URL of its index file (`…/review/?x` → `…/review/index.html?x`): an LMS's
 * file server may not map a folder to its index. The LMS build's pages get the same from
 * scripts/lib/lms-relative.mjs.
 */
function namingFile(url: string): string {
  return url.replace(/^([^?#]*\/)(?=[?#]|$)/, '$1index.html');
}

/**
 * A site path (`/review/`, `/cards.json`, `/lessons/x/#y`, always from the site's root) as a URL
 * path under `base`: `sitePath('/review/', '/academy/sales/')` is `/academy/sales/review/`.
 */
export function sitePath(path: string, base: string = BASE): string {
  const url = base + path.replace(/^\//, '');
  return lmsPage ? namingFile(url) : url;
}

/**
 * A URL written at build time into data the browser reads (cards.json): in the LMS build it names
 * the placeholder base, which becomes the package's folder here; elsewhere it is already right.
 */
export function builtHref(href: string): string {
  const built = import.meta.env.BASE_URL;
  return lmsPage && href.startsWith(built) ? sitePath(href.slice(built.length - 1)) : href;
}

/**
 * A link as an author writes it in a lesson's Markdown: a site path (`/glossary/#lead`) gets the
 * base; another site, an `#anchor` or a relative link is left as written.
 */
export function siteHref(href: string, base: string = BASE): string {
  return href.startsWith('/') && !href.startsWith('//') ? sitePath(href, base) : href;
}

/** The site's pages and files under `base`. Kept in one place so links stay stable. */
export function siteUrls(base: string) {
  const at = (path: string, id?: string) => sitePath(id ? `${path}#${id}` : path, base);
  return {
    home: at('/'),
    lesson: (slug: string, sectionId?: string) => at(`/lessons/${slug}/`, sectionId),
    review: (lessonSlug?: string) => at(lessonSlug ? `/review/?lesson=${lessonSlug}` : '/review/'),
    progress: at('/progress/'),
    settings: at('/settings/'),
    trainers: (sectionId?: string) => at('/trainers/', sectionId),
    summary: at('/summary/'),
    print: at('/print/'),
    glossary: (termId?: string) => at('/glossary/', termId),
    finalCheck: at('/final-check/'),
    certificate: at('/certificate/'),
    /** Every card, for the review and the lessons' explanations (src/pages/cards.json.ts). */
    cards: at('/cards.json'),
    /** A lesson chart drawn at build time (src/pages/charts). */
    chart: (name: string) => at(`/charts/${name}.svg`),
    /** Written by scripts/build-sw.mjs; its scope is `home`. */
    serviceWorker: at('/sw.js'),
  } as const;
}

/** The site's pages and files under the base the site was built for. */
export const urls = siteUrls(BASE);
