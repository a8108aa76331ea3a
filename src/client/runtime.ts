/**
 * One store and one progress per page, shared by every island. Opened lazily on first use.
 * No scheduling here: only calls to the domain and the storage layer.
 */
import './jitless';
import type { CardState } from '../domain/card';
import type { Progress } from '../domain/progress';
import type { Rating, Review } from '../domain/review';
import type { Settings } from '../domain/settings';
import type { SafeStore } from '../storage/safe-store';

// Schema modules load only after jitless.ts has set zod's config (a static import would run first).
const engine = () => import('./engine');

/** What islands render from. */
export interface ClientState {
  /** False until cards can be shown: first from the card cache (a preview), then from the checked log. */
  ready: boolean;
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
  progress: { reviewsByQuestion: new Map(), cards: new Map(), reviewCount: 0 },
  settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
  storageAlert: null,
  saveError: null,
});
let state: ClientState = INITIAL_STATE;
const listeners = new Set<(s: ClientState) => void>();
let started: Promise<SafeStore> | undefined;

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
    const { openStore, loadProgress, applyProgressMessage } = await engine();
    const { store, persistent, reason, channel } = await openStore();
    const settings = await store.getSettings();
    // A large deck's cached cards arrive long before the whole log is read and checked: show them
    // at once (counts, the first card); rating waits for `started`, so it always uses the checked log.
    const onCachedCards = (cards: ReadonlyMap<string, CardState>) => {
      if (!state.ready && cards.size > 0) set({ ready: true, settings, progress: { reviewsByQuestion: new Map(), cards, reviewCount: 0 } });
    };
    const { progress, alert } = await loadProgress(store, settings, { onCachedCards });
    channel.subscribe((message) => {
      const next = message.type === 'settings-changed' ? message.settings : state.settings;
      set({ settings: next, progress: applyProgressMessage(state.progress, message, next) });
    });
    store.subscribe(({ lastError }) => set({ saveError: lastError }));
    set({ ready: true, progress, settings, storageAlert: persistent ? alert : (reason ?? alert) });
    return store;
  })();
  return started;
}

/** Calls `listener` on every change; returns an unsubscribe function. */
export function subscribe(listener: (s: ClientState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a rating now, saves it (other tabs are told by the store) and returns the review. */
export async function rateQuestion(questionId: string, rating: Rating): Promise<Review> {
  const store = await start();
  const { rate } = await engine();
  const rated = rate(state.progress, { questionId, rating, nowMs: Date.now(), settings: state.settings });
  set({ progress: rated.progress });
  const result = await store.append(rated.review, rated.cacheEntry);
  if (!result.ok) set({ saveError: result.error });
  return rated.review;
}

/** Takes a review back (undo). */
export async function undoReview(reviewId: string): Promise<void> {
  const store = await start();
  const { withoutReviews } = await engine();
  set({ progress: withoutReviews(state.progress, [reviewId], state.settings) });
  const result = await store.remove(reviewId);
  if (!result.ok) set({ saveError: result.error });
}
