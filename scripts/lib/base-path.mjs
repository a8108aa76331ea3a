/**
 * The folder the site is built to be served from, read from BASE_PATH, for astro.config.mjs (its
 * `base`) and the post-build step. Page code never reads this: it gets the same value as
 * `import.meta.env.BASE_URL` and makes every URL with src/lib/urls.ts.
 */

/**
 * BASE_PATH with one slash at each end (`academy/sales` → `/academy/sales/`); `/` when unset or blank.
 * @param {string | undefined} [value]
 * @returns {string}
 */
export function basePath(value = process.env.BASE_PATH) {
  const inner = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}
