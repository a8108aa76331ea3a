/**
 * The page's use-cases, in one object made from its dependencies: load, rate, undo, import,
 * reset, settings, and applying another tab's change. Scheduling rules live in src/domain and
 * records in src/storage; this layer calls them in order, keeps the state islands render from,
 * and queues writes with retries (saving.ts). Every page makes one runtime (page.ts); tests make
 * as many as they like, with memory stores and fixed clocks.
 *
 * What a page needs before the learner does anything (the store, the cached cards) loads at once;
 * grading (deck.ts with the scheduler) loads at the first rating, preview or change that needs it,
 * applying another tab's change (tab-sync.ts) when one arrives, and what only the final check, the
 * certificate and an import do (final-check-records.ts) when one of them is used.
 */
import { createBackup, takenBackForImport, withoutTakenBack, type Backup, type FileTakenBack } from '../domain/backup';
import type { CardState } from '../domain/card';
import type { IntervalPreview } from '../domain/card';
import type { CachedCard } from '../domain/card-cache';
import {
  allReviews,
  cardsOnlyDeck,
  EMPTY_DECK,
  emptyDeck,
  trustStamp,
  type Deck,
  type QuestionReplacements,
} from '../domain/deck-model';
import type { FinalCheckAnswer, FinalCheckAttempt } from '../domain/final-check-record';
import { parseLearnerName } from '../domain/learner-name';
import type { Rating, Review } from '../domain/review';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { ProgressChannel } from '../storage/broadcast';
import type { OpenedStore } from '../storage/open-store';
import { DEFAULT_META, type ReviewStore, type StoredMeta } from '../storage/store';
import { isTrusted, trustedStart } from './trusted';
import { STORAGE_MESSAGES } from '../i18n/messages';
import type { RuntimeParts } from './final-check-records';
import { createSaver, type Change } from './saving';
import { recordTakenBack, type LocalTakenBack } from './taken-back';
import type { RetryOptions, WriteQueue, WriteResult } from './write-queue';

export type { RetryOptions, WriteResult } from './write-queue';

/** What islands render from. */
export interface RuntimeState {
  /** False until cards can be shown: first from the card cache (a preview), then from the checked log. */
  ready: boolean;
  /**
   * True once loaded and `deck` holds the whole log (`ready && deck.complete`; before that, cards
   * come from the card cache and reviews are not read).
   */
  checked: boolean;
  deck: Deck;
  settings: Settings;
  /** Lessons the learner has opened (slug → first visit, epoch ms): new questions come only from these. */
  openedLessons: ReadonlyMap<string, number>;
  /** Finished final-check attempts, in the order they became known. */
  finalChecks: readonly FinalCheckAttempt[];
  /** The learner's name for the certificate ('' when none). */
  learnerName: string;
  /** Storage unavailable or unreadable (Russian, for `role="alert"`). */
  storageAlert: string | null;
  /** The last failed save (Russian, for `role="alert"`). */
  saveError: string | null;
}

/** The state before loading, as on the server: islands render this first so hydration matches. */
export const INITIAL_STATE: RuntimeState = Object.freeze({
  ready: false,
  checked: false,
  deck: EMPTY_DECK,
  settings: DEFAULT_SETTINGS,
  openedLessons: new Map(),
  finalChecks: [],
  learnerName: '',
  storageAlert: null,
  saveError: null,
});

/** What a runtime is made from. */
export interface RuntimeDeps {
  /** Opens the learner's store (IndexedDB, or memory with a reason); called once, on first use. */
  openStore: () => Promise<OpenedStore>;
  /** The other tabs: their saved changes arrive here, this tab's saved changes go out. */
  channel: ProgressChannel;
  /** The clock, epoch ms. */
  now: () => number;
  /** The course's replaced question ids (see `Deck.replacements`); none by default. */
  replacements?: QuestionReplacements;
  /** Retry timing of failed writes. */
  retry?: RetryOptions;
}

/** What importing reviews did. */
export interface Imported {
  /** Reviews whose ids were new to the deck. */
  added: number;
  /** Reviews already in the deck: importing the same file twice adds nothing. */
  alreadyPresent: number;
  /** Reviews left out because the learner took them back (undone, or before a reset that counts). */
  takenBack: number;
  /** Whether the added reviews were saved (else they are queued for a retry). */
  saved: WriteResult;
}

/** A finished final-check attempt and whether it was saved. */
export interface FinishedFinalCheck {
  attempt: FinalCheckAttempt;
  /** Whether the attempt and its reviews were saved (else they are queued for a retry). */
  saved: WriteResult;
}

/** The page's use-cases. Every method waits for the first load, and changes the state before it saves. */
export interface Runtime {
  /** The current state. */
  getState(): RuntimeState;
  /** Calls `listener` on every change; returns an unsubscribe function. */
  subscribe(listener: (state: RuntimeState) => void): () => void;
  /** The runtime's clock, epoch ms. */
  now(): number;
  /**
   * Reads the whole log, if the deck came from the trusted card cache without it (pages that show
   * or export reviews call it; use-cases that need reviews call it themselves). Never rejects: an
   * unreadable log leaves the deck as it is, with an alert.
   */
  loadLog(): Promise<void>;
  /**
   * Opens the store and loads the deck, once; later calls share the same promise. Never rejects.
   * `priority`: the questions the page shows (given by the first call). When cached cards must be
   * replayed (none cached yet, or a new scheduler), these are replayed first and shown before the rest.
   */
  load(priority?: ReadonlySet<string>): Promise<void>;
  /**
   * Records a rating now. Once loaded, the deck changes before any wait (so the rated card never
   * shows again while saving) and `onRecorded` gets the review at once (undo can take it back even
   * while its save is queued: writes run in order). Resolves when the save is done or has failed
   * and been queued for retry (then `saveError` says so).
   */
  rate(questionId: string, rating: Rating, onRecorded?: (review: Review) => void): Promise<Review>;
  /**
   * Takes a review back (undo); the page changes at once, the store follows, recording the id so
   * that no merge brings the review back.
   */
  undo(reviewId: string): Promise<WriteResult>;
  /**
   * Adds reviews, skipping ids the deck already holds and what was taken back. `file` is the
   * backup file they came from, if any: its undone ids and reset count too, and this browser's
   * reset counts only if the file was exported after it (see `takenBackForImport`). Without a file
   * (a merge nobody chose, such as an LMS's) every local tombstone and reset counts.
   */
  importReviews(reviews: readonly Review[], file?: FileTakenBack): Promise<Imported>;
  /** Deletes every review («Сбросить прогресс») and records when; settings and meta stay. */
  reset(): Promise<WriteResult>;
  /** The backup document of everything saved now, with what the learner took back. Call once the log is loaded (`loadLog`). */
  backup(): Backup;
  /** Saves new settings; every card is rescheduled under them. */
  saveSettings(settings: Settings): Promise<WriteResult>;
  /** Meta such as the last backup date; defaults when none or unreadable. */
  getMeta(): Promise<StoredMeta>;
  /** Saves meta (e.g. after a backup download). */
  saveMeta(meta: StoredMeta): Promise<WriteResult>;
  /** Tries the queued writes again now. */
  retryPending(): Promise<WriteResult>;
  /** Records that the learner opened a lesson (its first visit counts; later ones change nothing). */
  openLesson(slug: string): Promise<WriteResult>;
  /**
   * Finishes a final-check attempt: every answer is a review of its card (right «Хорошо», wrong
   * «Снова»; the questions are in the deck already, so no new-per-day limit applies), and the
   * attempt's record (score, total, the review ids) is saved with them in one write.
   */
  finishFinalCheck(answers: readonly FinalCheckAnswer[]): Promise<FinishedFinalCheck>;
  /** Saves the learner's name for the certificate (cleaned up by `parseLearnerName`). */
  saveLearnerName(name: string): Promise<WriteResult>;
  /** What each rating of the question would set now, for the rating buttons (loads the scheduler). */
  previews(questionId: string): Promise<Record<Rating, IntervalPreview>>;
}

/** Reading the whole log (load.ts), loaded when the card cache is not trusted or a use-case needs reviews. */
const loadLogReading = () => import('./load');
/** Deck operations and the scheduler, loaded on first need. */
const loadGrading = () => import('../domain/deck');
/** What a rating and the rating buttons' intervals need (a part of the above), loaded at the first of them. */
const loadRating = () => import('../domain/grading');
/**
 * The final check's, the certificate's and the import's use-cases (recording and merging attempts,
 * the learner's name; with the scheduler), loaded on first need.
 */
const loadRecords = () => import('./final-check-records');

interface Loaded {
  store: ReviewStore;
  saver: WriteQueue<Change>;
}

/** Makes a runtime; nothing is opened or read until the first `load` (or any use-case). */
export function createRuntime(deps: RuntimeDeps): Runtime {
  const replacements = deps.replacements ?? new Map<string, readonly string[]>();
  let state: RuntimeState = replacements.size ? { ...INITIAL_STATE, deck: emptyDeck(replacements) } : INITIAL_STATE;
  const listeners = new Set<(s: RuntimeState) => void>();
  let loading: Promise<Loaded> | undefined;
  /** Set once loaded, so a rating changes the page at once, before any wait. */
  let loaded: Loaded | null = null;
  /** Undone review ids and the last reset: loaded with the log, kept current by this tab and others. */
  const takenBack: LocalTakenBack = { undone: new Set(), resetAt: null };
  let grading: Awaited<ReturnType<typeof loadGrading>> | undefined;
  const grade = async () => (grading ??= await loadGrading());
  let rater: Awaited<ReturnType<typeof loadRating>> | undefined;
  const rateLoaded = async () => (rater ??= await loadRating());
  /** Another tab's changes, applied in the order they arrive. */
  let messages = Promise.resolve();
  /** Ratings made on this page while the deck came from the trusted cache: what undo restores. */
  const ratedHere = new Map<string, { review: Review; before: CachedCard | undefined }>();

  const set = (patch: Partial<Omit<RuntimeState, 'checked'>>): void => {
    const next = { ...state, ...patch };
    state = { ...next, checked: next.ready && next.deck.complete };
    for (const listener of listeners) listener(state);
  };

  const start = (priority?: ReadonlySet<string>): Promise<Loaded> =>
    (loading ??= (async () => {
      const { store, persistent, reason } = await deps.openStore();
      const [settings, cache, kept] = await Promise.all([
        store.getSettings().catch(() => ({ ...DEFAULT_SETTINGS })),
        store.loadCardCache().catch(() => undefined),
        store.loadKept().catch(() => null),
      ]);
      // A trusted cache is the deck at once, without the log (read later if a use-case needs it).
      const trusted =
        cache && kept && isTrusted(cache, settings, replacements)
          ? { ...kept, alert: null, deck: trustedStart(store, settings, cache, replacements) }
          : null;
      // Otherwise the log is read and checked. A large deck's cached cards arrive long before: show
      // them at once (counts, the first card); use-cases wait for the load, so they use the checked log.
      const onCachedCards = (cards: ReadonlyMap<string, CardState>) => {
        if (!state.ready && cards.size > 0) set({ ready: true, settings, deck: cardsOnlyDeck(cards, replacements) });
      };
      const {
        deck,
        alert,
        takenBack: stored,
        openedLessons,
        finalChecks,
        learnerName,
      } = trusted ??
      (await (await loadLogReading()).loadDeck(store, settings, { onCachedCards, replacements, priority, cache }));
      for (const id of stored.undone) takenBack.undone.add(id);
      takenBack.resetAt = stored.resetAt;
      deps.channel.subscribe((message) => {
        if (message.type === 'lesson-opened') return set({ openedLessons: opened(message.slug, message.atMs) });
        if (message.type === 'name-changed') return set({ learnerName: message.name });
        if (message.type === 'progress-cleared') set({ finalChecks: [] });
        recordTakenBack(takenBack, message, deps.now());
        messages = messages.then(async () => {
          if (message.type === 'final-check-saved') {
            const { mergeFinalChecks } = await loadRecords();
            set({ finalChecks: mergeFinalChecks(state.finalChecks, message.attempts).attempts });
          }
          const next = message.type === 'settings-changed' ? message.settings : state.settings;
          // Another tab's reviews: the log (already holding them) makes the deck current. Without
          // it the deck is left as it is; the next load reads the store anew.
          if (message.type !== 'progress-cleared' && !(await ensureLog())) return set({ settings: next });
          const { applyProgressMessage } = await import('./tab-sync');
          set({ settings: next, deck: applyProgressMessage(state.deck, message, next, takenBack.undone) });
        });
      });
      const saver = createSaver(store, deps.channel, deps.retry);
      saver.subscribe(({ lastError }) => set({ saveError: lastError }));
      set({
        ready: true,
        deck,
        settings,
        openedLessons: new Map([...openedLessons, ...state.openedLessons]),
        // Other tabs' messages are heard only from here on, so the store's records are the whole story.
        finalChecks,
        learnerName,
        storageAlert: persistent ? alert : (reason ?? alert),
      });
      return (loaded = { store, saver });
    })());

  /**
   * The log, read once for a trusted deck when a use-case needs reviews. Resolves with whether the
   * deck now holds it; when the log cannot be read it says so in the state, and use-cases that
   * would change cards from a partial deck leave them alone.
   */
  let logRead: Promise<void> | undefined;
  const ensureLog = async (): Promise<boolean> => {
    const { store } = loaded ?? (await start());
    if (state.deck.complete) return true;
    await (logRead ??= (async () => {
      try {
        const log = await (await loadLogReading()).readLogFor(store, state.settings, replacements);
        set({ deck: log.complete(state.deck, takenBack.undone), ...(log.alert ? { storageAlert: log.alert } : {}) });
      } catch {
        logRead = undefined;
        set({ storageAlert: STORAGE_MESSAGES.readFailed });
      }
    })());
    return state.deck.complete;
  };

  /** The opened lessons with `slug` opened at `atMs` (an earlier first visit stays). */
  const opened = (slug: string, atMs: number): ReadonlyMap<string, number> => {
    const before = state.openedLessons.get(slug);
    return before !== undefined && before <= atMs ? state.openedLessons : new Map(state.openedLessons).set(slug, atMs);
  };

  /** Saves a change; a failure is reported in the state (the write stays queued for a retry). */
  const save = async (change: Change): Promise<WriteResult> => {
    const { saver } = loaded ?? (await start());
    const result = await saver.write(change);
    if (!result.ok) set({ saveError: result.error });
    return result;
  };

  /** What the lazily loaded use-cases (final-check-records.ts) work with. */
  const parts: RuntimeParts = { getState: () => state, set, save, now: deps.now };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now: deps.now,
    load: async (priority) => void (await start(priority)),
    loadLog: async () => void (await ensureLog()),
    async rate(questionId, rating, onRecorded) {
      if (!loaded) await start();
      const { rate } = rater ?? (await rateLoaded());
      const before = state.deck.entries?.get(questionId);
      const rated = rate(state.deck, { questionId, rating, nowMs: deps.now(), settings: state.settings });
      if (!state.deck.complete) ratedHere.set(rated.review.id, { review: rated.review, before });
      set({ deck: rated.deck });
      onRecorded?.(rated.review);
      await save({ kind: 'put', reviews: [rated.review], cacheEntry: rated.cacheEntry });
      return rated.review;
    },
    async undo(reviewId) {
      if (!loaded) await start();
      const { undoTrusted, undoReview } = grading ?? (await grade());
      takenBack.undone.add(reviewId);
      // A rating made on this page, still its card's latest: its card goes back without the log.
      const here = ratedHere.get(reviewId);
      const quick = here && undoTrusted(state.deck, here.review, here.before);
      if (quick) {
        set({ deck: quick.deck });
        return save({ kind: 'delete', reviewId, card: quick.change });
      }
      await ensureLog();
      // The card's new cache entry goes with the deletion, so the cache stays trusted.
      const undone = undoReview(state.deck, reviewId, state.settings);
      set({ deck: undone.deck });
      return save({ kind: 'delete', reviewId, card: undone.change });
    },
    async importReviews(reviews, file) {
      if (!loaded) await start();
      // Merging needs the whole log: without it nothing is added (the alert says the log is unreadable).
      if (!(await ensureLog()))
        return {
          added: 0,
          alreadyPresent: 0,
          takenBack: 0,
          saved: { ok: false, error: STORAGE_MESSAGES.readFailed, pendingCount: 0 },
        };
      const { withReviews, cacheSnapshot } = await grade();
      const taken = file ? takenBackForImport(takenBack, file) : takenBack;
      const { kept, takenBack: left } = withoutTakenBack(reviews, taken);
      const { deck, added } = withReviews(state.deck, kept, state.settings);
      set({ deck });
      (await loadRecords()).mergeFileRecords(parts, file, taken.resetAt ?? null);
      for (const [slug, atMs] of Object.entries(file?.openedLessons ?? {})) {
        if ((state.openedLessons.get(slug) ?? Infinity) <= atMs) continue;
        set({ openedLessons: opened(slug, atMs) });
        void save({ kind: 'opened', slug, atMs });
      }
      // The whole card cache goes with the reviews, so the next page trusts it instead of replaying.
      const saved = added.length
        ? await save({
            kind: 'put',
            reviews: added,
            snapshot: { entries: cacheSnapshot(deck, state.settings), stamp: trustStamp(state.settings, replacements) },
          })
        : ({ ok: true } as const);
      return { added: added.length, alreadyPresent: kept.length - added.length, takenBack: left, saved };
    },
    async reset() {
      if (!loaded) await start();
      const resetAt = deps.now();
      takenBack.resetAt = resetAt;
      set({ deck: emptyDeck(replacements), finalChecks: [] });
      return save({ kind: 'clear', resetAt });
    },
    backup() {
      if (!state.deck.complete) throw new Error('backup() needs the whole log: call loadLog() first');
      return createBackup({
        settings: state.settings,
        reviews: allReviews(state.deck),
        nowMs: deps.now(),
        undone: takenBack.undone,
        resetAt: takenBack.resetAt,
        openedLessons: state.openedLessons,
        finalChecks: state.finalChecks,
        learnerName: state.learnerName,
      });
    },
    async saveSettings(settings) {
      if (!loaded) await start();
      // Rescheduling needs the whole log; without it the settings are saved and the next load,
      // which no longer trusts the cache under them, replays the cards.
      const whole = await ensureLog();
      const { rescheduleAll, cacheSnapshot } = await grade();
      const deck = whole ? rescheduleAll(state.deck, settings) : state.deck;
      set({ settings, deck });
      const saved = await save({ kind: 'settings', settings: { ...settings } });
      // The rescheduled cards, trusted under the new settings.
      if (whole)
        void save({
          kind: 'cache',
          snapshot: { entries: cacheSnapshot(deck, settings), stamp: trustStamp(settings, replacements) },
        });
      return saved;
    },
    async getMeta() {
      const { store } = loaded ?? (await start());
      return store.getMeta().catch(() => ({ ...DEFAULT_META }));
    },
    saveMeta: (meta) => save({ kind: 'meta', meta: { ...meta } }),
    retryPending: async () => (await start()).saver.write(null),
    async openLesson(slug) {
      if (!loaded) await start();
      if (state.openedLessons.has(slug)) return { ok: true };
      const atMs = deps.now();
      set({ openedLessons: opened(slug, atMs) });
      return save({ kind: 'opened', slug, atMs });
    },
    async finishFinalCheck(answers) {
      if (!loaded) await start();
      return (await loadRecords()).finishFinalCheck(parts, answers);
    },
    async saveLearnerName(name) {
      if (!loaded) await start();
      // Written at once (no module to load first): a learner may leave the page right after typing.
      const learnerName = parseLearnerName(name);
      if (learnerName === state.learnerName) return { ok: true };
      set({ learnerName });
      return save({ kind: 'name', name: learnerName });
    },
    async previews(questionId) {
      const { createScheduler } = await rateLoaded();
      return createScheduler(state.settings).preview(questionId, state.deck.cards.get(questionId), deps.now());
    },
  };
}
