/**
 * The final check («Итоговая проверка»): ten choice and scenario questions drawn across every
 * lesson, answered without feedback and scored at the end against a mastery of 80 %. Retakes are
 * allowed; each finished attempt is kept as a record (its score and the ids of the reviews it
 * wrote). Pure: the draw takes its random source, and attempts are plain data.
 */

/** Questions in one attempt. */
export const FINAL_CHECK_SIZE = 10;
/** The share of right answers that passes (SCORM's mastery score, 80 %). */
export const MASTERY_SHARE = 0.8;
/** At least this many of an attempt's questions are scenarios ("mostly scenarios"). */
export const MIN_SCENARIOS = 6;

/** A question as the draw needs it (a card view has these fields). */
export interface DrawableQuestion {
  id: string;
  /** The lesson the question belongs to (where its `source` section is). */
  lessonSlug: string;
  type: 'recall' | 'choice' | 'scenario';
}

/** One finished attempt, as stored (kv `final-check:<attemptId>`) and in backups. */
export interface FinalCheckAttempt {
  /** Unique id (a UUID); merging goes by it. */
  attemptId: string;
  /** When the learner finished, epoch ms. */
  finishedAt: number;
  /** Right answers. */
  score: number;
  /** Questions asked. */
  total: number;
  /** The reviews the attempt wrote, one per question (left out of the measured recall). */
  reviewIds: string[];
}

/** One answer of an attempt. */
export interface FinalCheckAnswer {
  questionId: string;
  correct: boolean;
}

/** A copy of `items` in random order (Fisher–Yates) with `random` in [0, 1). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draws an attempt's questions, in a fresh random order: one from every lesson (a scenario where
 * the lesson has one), then scenarios until at least `MIN_SCENARIOS` (or all there are), then any
 * choice or scenario question, up to `size`. Recall questions are never drawn: they grade themselves.
 */
export function drawFinalCheck<Q extends DrawableQuestion>(
  questions: readonly Q[],
  random: () => number = Math.random,
  size: number = FINAL_CHECK_SIZE,
): Q[] {
  const pool = shuffle(
    questions.filter((q) => q.type !== 'recall'),
    random,
  );
  const picked: Q[] = [];
  const take = (q: Q) => {
    if (picked.length < size && !picked.includes(q)) picked.push(q);
  };
  for (const slug of shuffle([...new Set(pool.map((q) => q.lessonSlug))], random)) {
    const own = pool.filter((q) => q.lessonSlug === slug);
    const first = own.find((q) => q.type === 'scenario') ?? own[0];
    if (first) take(first);
  }
  const minScenarios = Math.min(size, MIN_SCENARIOS);
  for (const q of pool) {
    if (picked.filter((p) => p.type === 'scenario').length >= minScenarios) break;
    if (q.type === 'scenario') take(q);
  }
  for (const q of pool) take(q);
  return shuffle(picked, random);
}

/** The rating an answer gives its card: right «Хорошо» (3), wrong «Снова» (1). */
export const finalCheckRating = (correct: boolean): 1 | 3 => (correct ? 3 : 1);

/** Whole percent of right answers: 8 of 10 → 80. */
export function scorePercent({ score, total }: Pick<FinalCheckAttempt, 'score' | 'total'>): number {
  return total > 0 ? Math.round((score / total) * 100) : 0;
}

/** Whether an attempt passed: at least `MASTERY_SHARE` of its answers right. */
export function isPassed({ score, total }: Pick<FinalCheckAttempt, 'score' | 'total'>): boolean {
  // Compared in whole answers, so 8 of 10 passes despite floating point.
  return total > 0 && score >= Math.ceil(total * MASTERY_SHARE - 1e-9);
}

/** Latest first: by finish time, then id, so equal times still sort the same everywhere. */
const later = (a: FinalCheckAttempt, b: FinalCheckAttempt) =>
  b.finishedAt - a.finishedAt || (a.attemptId < b.attemptId ? 1 : a.attemptId > b.attemptId ? -1 : 0);

/**
 * The best attempt (highest share right; of equals, the first to reach it) and the latest one; null
 * before any attempt.
 */
export function bestAndLatest(
  attempts: readonly FinalCheckAttempt[],
): { best: FinalCheckAttempt; latest: FinalCheckAttempt } | null {
  const byTime = [...attempts].sort(later);
  const latest = byTime[0];
  if (!latest) return null;
  let best = latest;
  for (const attempt of byTime) if (attempt.score / attempt.total >= best.score / best.total) best = attempt;
  return { best, latest };
}

/**
 * Attempts from elsewhere (a backup, another tab) joined to these: each id once (a known id is never
 * replaced), and none finished before `resetAt` (a reset clears attempts as it clears reviews).
 */
export function mergeFinalChecks(
  known: readonly FinalCheckAttempt[],
  incoming: readonly FinalCheckAttempt[],
  resetAt: number | null = null,
): { attempts: FinalCheckAttempt[]; added: FinalCheckAttempt[] } {
  const ids = new Set(known.map((a) => a.attemptId));
  const added: FinalCheckAttempt[] = [];
  for (const attempt of incoming) {
    if (ids.has(attempt.attemptId) || (resetAt !== null && attempt.finishedAt < resetAt)) continue;
    ids.add(attempt.attemptId);
    added.push(attempt);
  }
  return { attempts: added.length ? [...known, ...added] : [...known], added };
}

const isId = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= 100;
const isIntIn = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

/**
 * Reads an attempt from storage or a message (`unknown` until parsed); null when malformed. The
 * same rules as `finalCheckAttemptSchema` (schemas.ts), by hand: pages need no zod.
 */
export function parseFinalCheckAttempt(x: unknown): FinalCheckAttempt | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const a = x as Record<string, unknown>;
  const { attemptId, finishedAt, score, total, reviewIds } = a;
  if (!isId(attemptId) || !isIntIn(finishedAt, 0, Date.UTC(2200, 0, 1))) return null;
  if (!isIntIn(total, 1, 100) || !isIntIn(score, 0, total)) return null;
  if (!Array.isArray(reviewIds) || reviewIds.length > 100 || !reviewIds.every(isId)) return null;
  return { attemptId, finishedAt, score, total, reviewIds: [...reviewIds] };
}
