/**
 * Absolute URLs in the browser. With SITE_URL set at build time they use the public origin;
 * without it, the origin the page is served from, read when the learner copies or downloads.
 */
import { absoluteUrl, publicOrigin } from '../lib/absolute-url';

/** Marks an empty slot, in text rendered at build time, where the page's origin goes. */
export const ORIGIN_SLOT_ATTRIBUTE = 'data-page-origin';

/** An absolute URL of a site path, for what the page copies or downloads. Browser only. */
export function pageUrl(path: string): string {
  return absoluteUrl(path, publicOrigin ?? location.origin);
}

/** Puts this page's origin into every origin slot under `root`. Idempotent; browser only. */
export function fillOriginSlots(root: ParentNode = document): void {
  for (const slot of root.querySelectorAll(`[${ORIGIN_SLOT_ATTRIBUTE}]`)) slot.textContent = location.origin;
}
