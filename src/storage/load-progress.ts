/** Loading the learner's progress: the log, checked against the card cache, replayed where stale. */
import type { CardState } from '../domain/card';
import { buildProgress, type Progress, type QuestionReplacements } from '../domain/progress';
import type { Settings } from '../domain/settings';
import { STORAGE_MESSAGES } from '../i18n/messages';
import type { SafeStore } from './safe-store';
import type { LoadProblem } from './store';

/** The loaded progress and anything the learner should be told. */
export interface LoadedProgress {
  progress: Progress;
  /** Malformed records that were skipped (the rest loaded). */
  problems: LoadProblem[];
  /** A Russian message for `role="alert"` when something could not be read or was skipped; else null. */
  alert: string | null;
}

/** Options for `loadProgress`. */
export interface LoadOptions {
  /**
   * Called with the cached card states as soon as they are read, before the log has loaded and
   * been checked: enough to count due cards and show the first card of a large deck quickly.
   * Treat them as a preview: rate only once `loadProgress` has resolved, and render from its result.
   */
  onCachedCards?: (cards: ReadonlyMap<string, CardState>) => void;
  /** The course's replaced question ids (see `Progress.replacements`). */
  replacements?: QuestionReplacements;
}

/**
 * Loads the log and the card cache, builds progress (replaying only cards whose cache entry does
 * not match their reviews). In the background, without waiting: rewrites the cache snapshot if
 * anything was replayed or cached card by card, and packs single review records for faster loads.
 */
export async function loadProgress(store: SafeStore, settings: Settings, options: LoadOptions = {}): Promise<LoadedProgress> {
  const cachePromise = store.loadCardCache().then((cache) => {
    options.onCachedCards?.(new Map([...cache.cards].map(([id, entry]) => [id, entry.card])));
    return cache;
  });
  const [log, cache] = await Promise.all([store.loadAll(), cachePromise]);
  const built = buildProgress(log.reviews, settings, cache.cards, options.replacements);
  if (built.replayedCount > 0 || !cache.compact || cache.cards.size !== built.cache.length) {
    void store.replaceCardCache(built.cache);
  }
  void store.compact();
  const alert = log.error ?? (log.problems.length ? STORAGE_MESSAGES.skipped(log.problems.length) : null);
  return { progress: built.progress, problems: log.problems, alert };
}
