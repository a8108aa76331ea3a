/**
 * The page's one runtime, shared by every island on it, made on first use with the browser's
 * dependencies: IndexedDB (or memory), BroadcastChannel, the clock and the course's replaced ids.
 *
 * In the LMS build (`__LMS_BUILD__`), inside the package's launch page, the store and the tab
 * channel are the LMS learner's own, and the page reports to the LMS (src/lms). The plain build
 * folds the flag to false, so none of that code is in its pages.
 */
import { findHost, lmsStoreName } from '../lms/host';
import { DEFAULT_CHANNEL_NAME, openProgressChannel } from '../storage/broadcast';
import { DEFAULT_DB_NAME } from '../storage/idb-store';
import { openStore } from '../storage/open-store';
import { readPageReplacements } from './replacements';
import { createRuntime, type Runtime } from './runtime';

let runtime: Runtime | undefined;

/** The page's runtime. Call it in the browser only (effects, handlers): it opens a tab channel. */
export function pageRuntime(): Runtime {
  if (runtime) return runtime;
  const host = __LMS_BUILD__ ? findHost() : null;
  const made = createRuntime({
    openStore: () => openStore(host ? { dbName: lmsStoreName(DEFAULT_DB_NAME, host) } : {}),
    channel: openProgressChannel(host ? lmsStoreName(DEFAULT_CHANNEL_NAME, host) : DEFAULT_CHANNEL_NAME),
    now: () => Date.now(),
    replacements: readPageReplacements(),
  });
  if (__LMS_BUILD__ && host) void import('../lms/connect-page').then(({ connectPage }) => connectPage(made, host));
  return (runtime = made);
}
