/**
 * The page's one runtime, shared by every island on it, made on first use with the browser's
 * dependencies: IndexedDB (or memory), BroadcastChannel, the clock and the course's replaced ids.
 */
import { openProgressChannel } from '../storage/broadcast';
import { openStore } from '../storage/open-store';
import { readPageReplacements } from './replacements';
import { createRuntime, type Runtime } from './runtime';

let runtime: Runtime | undefined;

/** The page's runtime. Call it in the browser only (effects, handlers): it opens a tab channel. */
export function pageRuntime(): Runtime {
  runtime ??= createRuntime({
    openStore: () => openStore(),
    channel: openProgressChannel(),
    now: () => Date.now(),
    replacements: readPageReplacements(),
  });
  return runtime;
}
