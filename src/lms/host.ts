/**
 * What the LMS package's launch page (launch.ts) offers the course pages it shows in its frame:
 * the one SCORM session, held by the launch page for the whole visit, and what the LMS said about
 * the learner. Pages reach it as `parent.courseLms` (same origin: the package is one folder).
 */
import type { Interaction, Standing } from './scorm';

/** A question of the course, as the LMS reporting needs it. */
export interface LmsQuestion {
  id: string;
  type: 'recall' | 'choice' | 'scenario';
  lesson: string;
}

/** The course as the package was built (written by scripts/package-lms.mjs into lms/course.json). */
export interface LmsCourse {
  title: string;
  /** The package version; the local database is keyed by it and the learner id. */
  version: string;
  questions: LmsQuestion[];
  /** The lessons in course order, for the launch page's words («вы остановились на уроке …»). */
  lessons: { slug: string; title: string }[];
  /** The final check's share to pass unless the LMS sets one (SCORM 2004 `scaled_passing_score`). */
  passingScore: number;
}

/** One report from a page: every field is optional; the launch page commits after applying it. */
export interface LmsUpdate {
  standing?: Standing;
  suspendData?: string;
  /** Reviews left out of `suspendData` because the LMS's room for it is full. */
  droppedReviews?: number;
  interactions?: Interaction[];
}

/** `parent.courseLms`. */
export interface LmsHost {
  /** The SCORM version found, or null when no LMS answered (then nothing is reported). */
  readonly version: '1.2' | '2004' | null;
  /** The LMS's learner id, or null without an LMS. */
  readonly learnerId: string | null;
  /** The learner's name as the LMS gives it («Иванова, Анна»), or null. */
  readonly learnerName: string | null;
  /** The last state written to `suspend_data` (at launch: what the LMS held). */
  readonly suspendData: string;
  /** The most `suspend_data` may hold, in characters. */
  readonly suspendLimit: number;
  /** The final check's share to pass: the LMS's when it sets one, else the course's. */
  readonly passingScore: number;
  readonly course: LmsCourse;
  /** Applies an update and commits; failures are shown on the launch page, never thrown. */
  report(update: LmsUpdate): void;
  /** Calls `flush` just before the session ends (the learner leaves), so a last report gets in. */
  beforeEnd(flush: () => void): () => void;
}

/** The host of the page's frame, or null outside the LMS package's launch page. */
export function findHost(win: Window = window): LmsHost | null {
  try {
    const host = (win.parent as Window & { courseLms?: LmsHost }).courseLms;
    return win.parent !== win && host ? host : null;
  } catch {
    return null;
  }
}

/**
 * The name of the learner's local database inside an LMS: one per learner and course version, so
 * two people on one shared computer never merge into each other.
 */
export function lmsStoreName(base: string, host: Pick<LmsHost, 'learnerId' | 'course'>): string {
  return `${base}:lms:${host.course.version}:${host.learnerId ?? 'anonymous'}`;
}

/** «Иванова, Анна» (SCORM's "last, first") as «Анна Иванова»; other forms as given. */
export function displayName(lmsName: string | null): string {
  const name = lmsName?.trim() ?? '';
  const parts = name.split(',').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name;
}
