/**
 * One store and one progress per page, shared by every island. Opened lazily on first use.
 * No scheduling here: only calls to the domain and the storage layer.
 */
import type { CardState } from '../domain/card';
import { cardsOnlyProgress, EMPTY_PROGRESS, rate, withoutReviews, type Progress } from '../domain/progress';
import type { Rating, Review } from '../domain/review';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { applyProgressMessage } from '../storage/broadcast';
import { loadProgress } from '../storage/load-progress';
import { openStore } from '../storage/open-store';
import { readPageReplacements } from './replacements';
import type { SafeStore } from '../storage/safe-store';

/** What islands render from. */
export interface ClientState {
  /** False until cards can be shown: first from the card cache (a preview), then from the checked log. */
  ready: boolean;
  /** True once `progress` is built from the whole log (before that, from cached cards: no reviews). */
  checked: boolean;
  progress: Progress;
  settings: Settings;
  /** Storage unavailable or unreadable (Russian, for `role="alert"`). */
  storageAlert: string | null;
  /** The last failed save (Russian, for `role="alert"`). */
  saveError: string | null;
}

/** The state before loading, as on the server: islands render this first so hydration matches. */
export const INITIAL_STATE: ClientState = Object.freeze({
  ready: false,
  checked: false,
  progress: EMPTY_PROGRESS,
  settings: DEFAULT_SETTINGS,
  storageAlert: null,
  saveError: null,
});
let state: ClientState = INITIAL_STATE;
const listeners = new Set<(s: ClientState) => void>();
let started: Promise<SafeStore> | undefined;
/** Set once loaded, so a rating changes the page at once, before any wait. */
let loaded: SafeStore | null = null;

function set(patch: Partial<ClientState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

/** The current state. */
export function getState(): ClientState {
  return state;
}

/** Opens the store and loads progress once per page; later calls share the same promise. */
export function start(): Promise<SafeStore> {
  started ??= (async () => {
    const { store, persistent, reason, channel } = await openStore();
    const settings = await store.getSettings();
    const replacements = readPageReplacements();
    // A large deck's cached cards arrive long before the whole log is read and checked: show them
    // at once (counts, the first card); rating waits for `started`, so it always uses the checked log.
    const onCachedCards = (cards: ReadonlyMap<string, CardState>) => {
      if (!state.ready && cards.size > 0) set({ ready: true, settings, progress: cardsOnlyProgress(cards, replacements) });
    };
    const { progress, alert } = await loadProgress(store, settings, { onCachedCards, replacements });
    channel.subscribe((message) => {
      const next = message.type === 'settings-changed' ? message.settings : state.settings;
      set({ settings: next, progress: applyProgressMessage(state.progress, message, next) });
    });
    store.subscribe(({ lastError }) => set({ saveError: lastError }));
    set({ ready: true, checked: true, progress, settings, storageAlert: persistent ? alert : (reason ?? alert) });
    loaded = store;
    return store;
  })();
  return started;
}

/** Calls `listener` on every change; returns an unsubscribe function. */
export function subscribe(listener: (s: ClientState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Records a rating now. Once the page has loaded, the progress changes before any wait (so the
 * rated card never shows again while saving) and `onRecorded` gets the review at once (undo can
 * take it back even while its save is queued: writes run in order). Resolves when the save is done
 * or has failed and been queued for retry (then `saveError` says so).
 */
export async function rateQuestion(questionId: string, rating: Rating, onRecorded?: (review: Review) => void): Promise<Review> {
  const store = loaded ?? (await start());
  const rated = rate(state.progress, { questionId, rating, nowMs: Date.now(), settings: state.settings });
  set({ progress: rated.progress });
  onRecorded?.(rated.review);
  const result = await store.append(rated.review, rated.cacheEntry);
  if (!result.ok) set({ saveError: result.error });
  return rated.review;
}

/** Takes a review back (undo); the page changes at once, the store follows. */
export async function undoReview(reviewId: string): Promise<void> {
  const store = loaded ?? (await start());
  set({ progress: withoutReviews(state.progress, [reviewId], state.settings) });
  const result = await store.remove(reviewId);
  if (!result.ok) set({ saveError: result.error });
}
