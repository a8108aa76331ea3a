/**
 * The LMS's SCORM API, found the standard way and spoken to through one interface whichever
 * version the LMS offers: SCORM 2004 (`API_1484_11`: Initialize, GetValue, …) or SCORM 1.2
 * (`API`: LMSInitialize, LMSGetValue, …). The data model names differ between the versions; the
 * session maps what this course reports onto each.
 */

/** The SCORM 1.2 API object an LMS puts on a window. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string | number): string;
}

/** The SCORM 2004 API object an LMS puts on a window. */
export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string | number): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** A window as far as the API search needs it. */
export interface ApiWindow {
  API?: unknown;
  API_1484_11?: unknown;
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
}

/** How many parents the search climbs (ADL's reference search gives up after 500 for 2004, 7 for 1.2). */
const MAX_DEPTH = 500;

const isApi2004 = (x: unknown): x is Scorm2004Api =>
  typeof x === 'object' && x !== null && typeof (x as Scorm2004Api).Initialize === 'function';
const isApi12 = (x: unknown): x is Scorm12Api =>
  typeof x === 'object' && x !== null && typeof (x as Scorm12Api).LMSInitialize === 'function';

/** Reads a property of a window that may belong to another origin (then it is unreadable: undefined). */
function read<K extends keyof ApiWindow>(win: ApiWindow, key: K): ApiWindow[K] | undefined {
  try {
    return win[key];
  } catch {
    return undefined;
  }
}

/** Looks for an API on `win` and its parents: 2004 first on each window, then 1.2. */
function searchUp(start: ApiWindow): FoundApi | null {
  let win: ApiWindow | null | undefined = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api2004 = read(win, 'API_1484_11');
    if (isApi2004(api2004)) return { version: '2004', api: api2004 };
    const api12 = read(win, 'API');
    if (isApi12(api12)) return { version: '1.2', api: api12 };
    const parent: ApiWindow | null | undefined = read(win, 'parent');
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

/**
 * Finds the LMS's API: in `win`'s chain of parents, then in the chain of the window that opened
 * the top one (an LMS that launches the course in a pop-up). Null when there is none.
 */
export function findApi(win: ApiWindow): FoundApi | null {
  const found = searchUp(win);
  if (found) return found;
  let top: ApiWindow = win;
  for (let parent = read(top, 'parent'); parent && parent !== top; parent = read(top, 'parent')) top = parent;
  const opener = read(top, 'opener');
  return opener ? searchUp(opener) : null;
}

/** What the course reads from and writes to the LMS, in its own words. */
export type Element =
  'learnerId' | 'learnerName' | 'location' | 'suspendData' | 'scaledPassingScore' | 'interactionCount';

const ELEMENTS: Record<FoundApi['version'], Record<Element, string>> = {
  '1.2': {
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    scaledPassingScore: '',
    interactionCount: 'cmi.interactions._count',
  },
  '2004': {
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    scaledPassingScore: 'cmi.scaled_passing_score',
    interactionCount: 'cmi.interactions._count',
  },
};

/** The most `suspend_data` may hold, in characters (SCORM 1.2: CMIString4096; 2004: 64,000). */
export const SUSPEND_DATA_LIMIT: Record<FoundApi['version'], number> = { '1.2': 4096, '2004': 64_000 };

/** One answer, as an LMS interaction: which question, right or wrong, when. */
export interface Interaction {
  /** The question's id. */
  id: string;
  /** A choice (or scenario) question, or a recall card the learner graded themself. */
  kind: 'choice' | 'recall';
  correct: boolean;
  atMs: number;
}

/** What the course reports about the learner's standing. */
export interface Standing {
  /** Every lesson's questions answered once. */
  completed: boolean;
  /** The final check's best result, 0..1, or null before the first attempt. */
  bestScore: number | null;
  /** The share needed to pass, 0..1. */
  passingScore: number;
}

/** A failed call: which and the LMS's own error text. */
export class LmsError extends Error {
  constructor(
    readonly call: string,
    readonly code: string,
    detail: string,
  ) {
    super(`${call}: ${code} ${detail}`.trim());
    this.name = 'LmsError';
  }
}

/** The LMS session, one per launch. Every call throws `LmsError` when the LMS says it failed. */
export interface LmsSession {
  readonly version: FoundApi['version'];
  initialize(): void;
  get(element: Element): string;
  setLocation(location: string): void;
  setSuspendData(data: string): void;
  setStanding(standing: Standing): void;
  addInteraction(interaction: Interaction): void;
  commit(): void;
  /** Records the session's time and that the learner may come back, then ends the session. */
  terminate(sessionMs: number): void;
}

const ok = (result: string | boolean) => result === true || result === 'true';

/** SCORM 1.2 time, `HHHH:MM:SS.SS` for a duration and `HH:MM:SS` for a time of day. */
export function scorm12Duration(ms: number): string {
  const totalCs = Math.max(0, Math.round(ms / 10));
  const cs = totalCs % 100;
  const s = Math.floor(totalCs / 100) % 60;
  const m = Math.floor(totalCs / 6000) % 60;
  const h = Math.min(9999, Math.floor(totalCs / 360_000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs)}`;
}

/** SCORM 2004 duration (ISO 8601): `PT1H2M3.45S`. */
export function scorm2004Duration(ms: number): string {
  const totalCs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(totalCs / 360_000);
  const m = Math.floor(totalCs / 6000) % 60;
  const s = (totalCs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

/** A local time of day for SCORM 1.2 interactions, `HH:MM:SS`. */
function timeOfDay(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * A SCORM 2004 timestamp, UTC to a tenth of a second: `2026-03-02T07:00:00.5Z` (ISO 8601 allows
 * at most two decimals here, and some runtimes accept the zone only after a decimal).
 */
function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 21)}Z`;
}

/** The session over a found API. */
export function createLmsSession(found: FoundApi): LmsSession {
  const names = ELEMENTS[found.version];
  const v12 = found.version === '1.2' ? found.api : null;
  const v2004 = found.version === '2004' ? found.api : null;

  const fail = (call: string): never => {
    const code = String(v12 ? v12.LMSGetLastError() : v2004!.GetLastError());
    const detail = v12 ? v12.LMSGetErrorString(code) : v2004!.GetErrorString(code);
    throw new LmsError(call, code, detail);
  };
  const set = (element: string, value: string) => {
    const done = v12 ? v12.LMSSetValue(element, value) : v2004!.SetValue(element, value);
    if (!ok(done)) fail(`SetValue(${element})`);
  };
  const get = (element: string): string => {
    if (!element) return '';
    const value = v12 ? v12.LMSGetValue(element) : v2004!.GetValue(element);
    const code = String(v12 ? v12.LMSGetLastError() : v2004!.GetLastError());
    // 0: fine; 403 (2004) / 403-like "not initialized" values are failures; an unset optional
    // element (2004: 403 "Data Model Element Value Not Initialized") reads as empty.
    if (code !== '0' && code !== '403') fail(`GetValue(${element})`);
    return String(value ?? '');
  };

  return {
    version: found.version,
    initialize() {
      if (!ok(v12 ? v12.LMSInitialize('') : v2004!.Initialize(''))) fail('Initialize');
    },
    get: (element) => get(names[element]),
    setLocation: (location) => set(names.location, location),
    setSuspendData: (data) => set(names.suspendData, data),
    setStanding({ completed, bestScore, passingScore }) {
      const passed = bestScore !== null ? bestScore >= passingScore : null;
      if (v12) {
        // One status: passed/failed (the final check) take precedence over completed/incomplete.
        set(
          'cmi.core.lesson_status',
          passed === null ? (completed ? 'completed' : 'incomplete') : passed ? 'passed' : 'failed',
        );
        if (bestScore !== null) {
          set('cmi.core.score.min', '0');
          set('cmi.core.score.max', '100');
          set('cmi.core.score.raw', String(Math.round(bestScore * 100)));
        }
        return;
      }
      set('cmi.completion_status', completed ? 'completed' : 'incomplete');
      if (bestScore === null) return;
      set('cmi.success_status', passed ? 'passed' : 'failed');
      set('cmi.score.min', '0');
      set('cmi.score.max', '100');
      set('cmi.score.raw', String(Math.round(bestScore * 100)));
      set('cmi.score.scaled', String(Math.round(bestScore * 100) / 100));
    },
    addInteraction({ id, kind, correct, atMs }) {
      const n = Number(get(names.interactionCount)) || 0;
      const at = `cmi.interactions.${n}`;
      set(`${at}.id`, id);
      // SCORM 1.2 has no "other" type; a self-graded recall is closest to "performance".
      set(`${at}.type`, kind === 'choice' ? 'choice' : v12 ? 'performance' : 'other');
      if (v12) {
        set(`${at}.time`, timeOfDay(atMs));
        set(`${at}.result`, correct ? 'correct' : 'wrong');
      } else {
        set(`${at}.timestamp`, timestamp(atMs));
        set(`${at}.result`, correct ? 'correct' : 'incorrect');
      }
    },
    commit() {
      if (!ok(v12 ? v12.LMSCommit('') : v2004!.Commit(''))) fail('Commit');
    },
    terminate(sessionMs) {
      if (v12) {
        set('cmi.core.session_time', scorm12Duration(sessionMs));
        set('cmi.core.exit', 'suspend');
        if (!ok(v12.LMSFinish(''))) fail('Terminate');
      } else {
        set('cmi.session_time', scorm2004Duration(sessionMs));
        set('cmi.exit', 'suspend');
        if (!ok(v2004!.Terminate(''))) fail('Terminate');
      }
    },
  };
}
