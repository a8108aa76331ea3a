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

/** `path` with `#id` when an id is given. */
const withId = (path: string, id: string | undefined): string => (id ? `${path}#${id}` : path);

// The site's pages and files, one function each (so a script's bundle carries only the routes it
// links), under the base the site was built for; `base` is there for tests of another folder.
// Kept in one place so links stay stable.

/** The course's home page (the lessons). */
export const homeUrl = (base = BASE): string => sitePath('/', base);
/** A lesson, or one of its sections. */
export const lessonUrl = (slug: string, sectionId?: string, base = BASE): string =>
  sitePath(withId(`/lessons/${slug}/`, sectionId), base);
/** The review of every lesson, or of one lesson's cards. */
export const reviewUrl = (lessonSlug?: string, base = BASE): string =>
  sitePath(lessonSlug ? `/review/?lesson=${lessonSlug}` : '/review/', base);
/** The progress page. */
export const progressUrl = (base = BASE): string => sitePath('/progress/', base);
/** The settings page. */
export const settingsUrl = (base = BASE): string => sitePath('/settings/', base);
/** The trainer kit, or one of its sections. */
export const trainersUrl = (sectionId?: string, base = BASE): string => sitePath(withId('/trainers/', sectionId), base);
/** The one-page summary. */
export const summaryUrl = (base = BASE): string => sitePath('/summary/', base);
/** The whole course for printing. */
export const printUrl = (base = BASE): string => sitePath('/print/', base);
/** The glossary, or one of its terms. */
export const glossaryUrl = (termId?: string, base = BASE): string => sitePath(withId('/glossary/', termId), base);
/** The final check. */
export const finalCheckUrl = (base = BASE): string => sitePath('/final-check/', base);
/** The certificate. */
export const certificateUrl = (base = BASE): string => sitePath('/certificate/', base);
/** Every card, for the review and the lessons' explanations (src/pages/cards.json.ts). */
export const cardsUrl = (base = BASE): string => sitePath('/cards.json', base);
/** A lesson chart drawn at build time (src/pages/charts). */
export const chartUrl = (name: string, base = BASE): string => sitePath(`/charts/${name}.svg`, base);
/** Written by scripts/build-sw.mjs; its scope is `homeUrl()`. */
export const serviceWorkerUrl = (base = BASE): string => sitePath('/sw.js', base);
