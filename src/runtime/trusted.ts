/**
 * Starting a page from a trusted card cache (see `StoredCardCache` in src/storage/store.ts),
 * without reading the log; load.ts reads it when a use-case needs reviews.
 */
import { emptyDeck, trustedDeck, trustStamp, type Deck, type QuestionReplacements } from '../domain/deck-model';
import type { Settings } from '../domain/settings';
import { MIN_REVIEWS_TO_PACK, type ReviewStore, type StoredCardCache } from '../storage/store';

/** Whether a stored card cache may be used without reading the log, under these settings. */
export const isTrusted = (cache: StoredCardCache, settings: Settings, replacements?: QuestionReplacements): boolean =>
  cache.logEmpty ||
  (cache.trust !== null &&
    cache.trust.stamp === trustStamp(settings, replacements) &&
    cache.trust.undone === cache.undone);

/**
 * A trusted cache as the page's deck. In the background, packs per-card cache records into the
 * snapshot (if nothing has been written since they were read) and, once enough reviews wait one by
 * one, packs those too.
 */
export function trustedStart(
  store: ReviewStore,
  settings: Settings,
  cache: StoredCardCache,
  replacements?: QuestionReplacements,
): Deck {
  // An empty log is its own trusted cache: an empty deck, whole (the trust record follows).
  if (cache.logEmpty || !cache.compact)
    store
      .replaceCardCache(
        { entries: cache.logEmpty ? [] : [...cache.cards.values()], stamp: trustStamp(settings, replacements) },
        cache.generation,
      )
      .catch(() => false);
  // Packing loads its code: worth it only once enough reviews are stored one by one.
  if (cache.singles >= MIN_REVIEWS_TO_PACK) store.compact().catch(() => 0);
  return cache.logEmpty ? emptyDeck(replacements ?? new Map()) : trustedDeck(cache.cards, replacements);
}
