import { createRuntime, type RuntimeDeps } from '../../src/runtime/runtime';
import { openProgressChannel, type ProgressChannel } from '../../src/storage/broadcast';
import { createMemoryBacking, createMemoryStore, type MemoryBacking } from '../../src/storage/memory-store';
import { at } from '../domain/fixtures';

/** The clock of a page that is given none: a Monday morning in Moscow. */
export const PAGE_NOW = at('2026-03-02T10:00+03:00');

/** A channel that hears nothing and sends nothing: one tab. */
export const quiet = (): ProgressChannel => openProgressChannel('unused', null);

/** A page over memory maps (shared by pages given the same backing), at `PAGE_NOW` unless `extra` says. */
export function memoryPage(backing: MemoryBacking = createMemoryBacking(), extra: Partial<RuntimeDeps> = {}) {
  const store = createMemoryStore(backing);
  return createRuntime({
    openStore: async () => ({ store, persistent: true, reason: null }),
    channel: quiet(),
    now: () => PAGE_NOW,
    ...extra,
  });
}
