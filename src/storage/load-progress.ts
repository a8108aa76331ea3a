/** Loading the learner's progress: the log, checked against the card cache, replayed where stale. */
import { buildProgress, type Progress } from '../domain/progress';
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

/**
 * Loads the log and the card cache, builds progress (replaying only cards whose cache entry does
 * not match their reviews) and refreshes the cache in the background without waiting for it.
 */
export async function loadProgress(store: SafeStore, settings: Settings): Promise<LoadedProgress> {
  const [log, cache] = await Promise.all([store.loadAll(), store.loadCardCache()]);
  const { progress, refreshedCache } = buildProgress(log.reviews, settings, cache);
  void store.saveCardCache(refreshedCache);
  const alert = log.error ?? (log.problems.length ? STORAGE_MESSAGES.skipped(log.problems.length) : null);
  return { progress, problems: log.problems, alert };
}
