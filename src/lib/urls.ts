/** Site-relative URLs of the pages trainers link to. Kept in one place so links stay stable. */
export const urls = {
  lesson: (slug: string, sectionId?: string) => `/lessons/${slug}/${sectionId ? `#${sectionId}` : ''}`,
  review: (lessonSlug?: string) => (lessonSlug ? `/review/?lesson=${lessonSlug}` : '/review/'),
  summary: '/summary/',
  print: '/print/',
  glossary: (termId?: string) => `/glossary/${termId ? `#${termId}` : ''}`,
  finalCheck: '/final-check/',
  certificate: '/certificate/',
} as const;

/**
 * The public origin from SITE_URL at build time (`https://course.example.com`), or undefined when
 * it was not set. Astro defines `import.meta.env.SITE` for server and browser code alike.
 */
export const publicOrigin: string | undefined = import.meta.env.SITE ? new URL(import.meta.env.SITE).origin : undefined;

/**
 * Stands for the origin in text rendered at build time without SITE_URL (the trainer kit's links
 * and snippet). The page shows it as nothing (a site-relative path) and the browser puts its own
 * origin in its place; `.invalid` is reserved (RFC 2606), so it can never be a real address.
 */
export const ORIGIN_PLACEHOLDER = 'https://origin.invalid';

/** An absolute URL of a site path on `origin`: the public one, the placeholder, or `location.origin`. */
export function absoluteUrl(path: string, origin: string = publicOrigin ?? ORIGIN_PLACEHOLDER): string {
  return new URL(path, origin).href;
}
