/**
 * The final check («Итоговая проверка»): ten choice and scenario questions drawn across every
 * lesson, answered without feedback and scored at the end against a mastery of 80 %. Retakes are
 * allowed; each finished attempt is kept as a record (final-check-record.ts: what every page's
 * runtime needs). Pure: the draw takes its random source, and attempts are plain data.
 */

import type { FinalCheckAttempt } from './final-check-record';

export { isPassed, MASTERY_SHARE, type FinalCheckAnswer, type FinalCheckAttempt } from './final-check-record';

/** Questions in one attempt. */
export const FINAL_CHECK_SIZE = 10;
/** At least this many of an attempt's questions are scenarios ("mostly scenarios"). */
export const MIN_SCENARIOS = 6;

/** A question as the draw needs it (a card view has these fields). */
export interface DrawableQuestion {
  id: string;
  /** The lesson the question belongs to (where its `source` section is). */
  lessonSlug: string;
  type: 'recall' | 'choice' | 'scenario';
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

/** Whole percent of right answers: 8 of 10 → 80. */
export function scorePercent({ score, total }: Pick<FinalCheckAttempt, 'score' | 'total'>): number {
  return total > 0 ? Math.round((score / total) * 100) : 0;
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
