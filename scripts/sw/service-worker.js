/**
 * The service worker's source. scripts/lib/service-worker.mjs bundles it (esbuild) and Workbox
 * puts the list of files to precache in place of `self.__WB_MANIFEST`: every page and asset of
 * the build, each with a revision hash, so a deploy re-downloads exactly what changed.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

/*
 * A new deploy's worker installs, then waits until a page asks it to take over; that page then
 * reloads, so no page runs with scripts from two deploys (see src/components/ServiceWorker.astro).
 */
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// On the first install, control the open page at once, so it works offline without a reload.
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST, {
  // A page is the same whatever its query (`/review/?lesson=x` is `/review/` plus a filter its
  // script reads), so every parameter is ignored; `/review/` then finds `review/index.html`.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
});

// Caches of Workbox versions before this one.
cleanupOutdatedCaches();
