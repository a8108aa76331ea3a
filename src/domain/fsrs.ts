/**
 * The FSRS-6 memory model with its default parameters: stability and difficulty after a review,
 * the forgetting curve, and the interval (with fuzz) for a desired retention.
 *
 * Why our own: ts-fsrs' `FSRSAlgorithm` carries its parameter migration, validation, a proxy and
 * patches of `Date.prototype` into the page (5 KB gzip of the review page's 20 KB budget); the
 * formulas themselves are a screenful. This file repeats them operation for operation, in ts-fsrs'
 * order and with its rounding, so results are identical to the last bit:
 * tests/domain/fsrs.test.ts checks every function against ts-fsrs (the pinned version named in
 * scheduler-version.ts), and tests/domain/scheduler-reference.test.ts checks whole histories
 * against its full scheduler. ts-fsrs stays a development dependency, as that reference.
 *
 * Formulas: https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm (FSRS-6).
 */

/** FSRS-6 default parameters w0…w20 (ts-fsrs' `default_w`; all inside its clamping ranges). */
export const FSRS6_WEIGHTS = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
  0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
] as const;

const w = FSRS6_WEIGHTS;
const S_MIN = 0.001;
const S_MAX = 36500;

/** A card's memory: both 0 before its first review. */
export interface Memory {
  difficulty: number;
  stability: number;
}

/** 1 «Снова», 2 «Трудно», 3 «Хорошо», 4 «Легко». */
type Grade = 1 | 2 | 3 | 4;

const roundTo8 = (x: number): number => Math.round(x * 1e8) / 1e8;
const clamp = (x: number, min: number, max: number): number => Math.min(Math.max(x, min), max);

const DECAY = -w[20];
const FACTOR = roundTo8(Math.exp(Math.pow(DECAY, -1) * Math.log(0.9)) - 1);

/** Probability of recall `elapsedDays` after the last review of a memory of `stability` days. */
export function forgettingCurve(elapsedDays: number, stability: number): number {
  return roundTo8(Math.pow(1 + (FACTOR * elapsedDays) / stability, DECAY));
}

const initDifficulty = (g: Grade): number => roundTo8(w[4] - Math.exp((g - 1) * w[5]) + 1);

function nextDifficulty(d: number, g: Grade): number {
  const nextD = d + roundTo8((-w[6] * (g - 3) * (10 - d)) / 9);
  return clamp(roundTo8(w[7] * initDifficulty(4) + (1 - w[7]) * nextD), 1, 10);
}

/**
 * The memory after a review `elapsedDays` whole days after the previous one (0: the same day,
 * which FSRS-6 models as short-term). `r`: the recall probability at the review, if already known
 * (`forgettingCurve(elapsedDays, stability)`; the same for every grade).
 */
export function nextMemory({ difficulty: d, stability: s }: Memory, elapsedDays: number, g: Grade, r?: number): Memory {
  if (d === 0 && s === 0)
    return { difficulty: clamp(initDifficulty(g), 1, 10), stability: Math.max(w[g - 1] as number, 0.1) };
  r ??= forgettingCurve(elapsedDays, s);
  let stability: number;
  if (elapsedDays === 0) {
    const sinc = Math.pow(s, -w[19]) * Math.exp(w[17] * (g - 3 + w[18]));
    stability = roundTo8(clamp(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
  } else if (g === 1) {
    const afterFail = roundTo8(
      clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]), S_MIN, S_MAX),
    );
    stability = clamp(roundTo8(s / Math.exp(w[17] * w[18])), S_MIN, afterFail);
  } else {
    const hardPenalty = g === 2 ? w[15] : 1;
    const easyBonus = g === 4 ? w[16] : 1;
    stability = roundTo8(
      clamp(
        s *
          (1 +
            Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus),
        S_MIN,
        S_MAX,
      ),
    );
  }
  return { difficulty: nextDifficulty(d, g), stability };
}

/** Alea's `Mash`: the hash state `n` after taking in `data`. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
const MASH_START = 0xefc8249d;
const AFTER_FIRST_SPACE = mash(MASH_START, ' ');
const AFTER_THREE_SPACES = mash(mash(AFTER_FIRST_SPACE, ' '), ' ');

/**
 * The first number of Johannes Baagøe's Alea generator seeded with `seed`, in [0, 1): what ts-fsrs
 * draws for one interval's fuzz. Only the first of Alea's three seeded words feeds it.
 */
export function aleaFirst(seed: string): number {
  let s0 = (AFTER_FIRST_SPACE >>> 0) * TWO_TO_MINUS_32 - (mash(AFTER_THREE_SPACES, seed) >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + TWO_TO_MINUS_32;
  return t - (t | 0);
}

/** ts-fsrs' fuzz ranges: ±1 day, plus a share of the interval above 2.5, 7 and 20 days. */
const FUZZ_RANGES = [
  [2.5, 7, 0.15],
  [7, 20, 0.1],
  [20, Infinity, 0.05],
] as const;

/** An interval calculator for a desired retention and a longest interval. */
export function intervals(desiredRetention: number, maximumDays: number) {
  const modifier = roundTo8((Math.pow(desiredRetention, 1 / DECAY) - 1) / FACTOR);
  /**
   * Whole days until the next review of a memory of `stability`, `elapsedDays` after the last
   * one, fuzzed by `fuzz` in [0, 1) (ts-fsrs draws it with `aleaFirst(seed)`).
   */
  return (stability: number, elapsedDays: number, fuzz: number): number => {
    const ivl = Math.min(Math.max(1, Math.round(stability * modifier)), maximumDays);
    if (ivl < 2.5) return Math.round(ivl);
    let delta = 1;
    for (const [start, end, factor] of FUZZ_RANGES) delta += factor * Math.max(Math.min(ivl, end) - start, 0);
    const interval = Math.min(ivl, maximumDays);
    let min = Math.max(2, Math.round(interval - delta));
    const max = Math.min(Math.round(interval + delta), maximumDays);
    if (interval > elapsedDays) min = Math.max(min, elapsedDays + 1);
    min = Math.min(min, max);
    return Math.floor(fuzz * (max - min + 1) + min);
  };
}
