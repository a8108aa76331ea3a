/**
 * Absolute URLs, for what is copied or downloaded (trainer links, the snippet, `.ics` files).
 * The path always comes from src/lib/urls.ts; this adds only the origin. Kept apart from urls.ts
 * so the trainer kit's scripts do not load the bundle that urls.ts travels in.
 */

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

/**
 * An absolute URL of a URL path from urls.ts (base included) on `origin`: the public one, the
 * placeholder, or `location.origin`.
 */
export function absoluteUrl(path: string, origin: string = publicOrigin ?? ORIGIN_PLACEHOLDER): string {
  return new URL(path, origin).href;
}
