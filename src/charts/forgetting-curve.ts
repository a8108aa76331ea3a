/**
 * Points of forgetting curves for the chart in the lesson on hasty decisions.
 *
 * The curves are ILLUSTRATIVE, not Ebbinghaus's data. They use the simplest model,
 * R(t) = exp(-t / S): recall R falls with the days t since the last review, the slower the
 * greater the stability S. Ebbinghaus (1885) measured something else: "savings", how much faster
 * he relearned lists of nonsense syllables, with himself as the only subject. What the model keeps
 * from his work is the shape (fast forgetting at first, slower later) and the observation that
 * repetitions spread over days hold material better than the same repetitions in one sitting.
 *
 * Pure functions, no DOM: the chart component renders their output to SVG at build time.
 */

/** One point of a curve: days since first learning and predicted recall from 0 to 1. */
export interface CurvePoint {
  readonly day: number;
  readonly recall: number;
}

/** Options of the curve without reviews. */
export interface CurveOptions {
  /** Length of the curve in days (default 30). */
  readonly days?: number;
  /** Stability S in days after first learning: recall falls to 1/e ≈ 37% after S days (default 3). */
  readonly stability?: number;
  /** Distance between sampled days (default 0.5). */
  readonly step?: number;
}

/** Options of the curve with spaced reviews. */
export interface ReviewedCurveOptions extends CurveOptions {
  /** Days on which the material is reviewed (default 1, 3, 7, 16). */
  readonly reviewDays?: readonly number[];
  /** Factor by which each review multiplies stability (default 2.5). */
  readonly growth?: number;
}

/** Days covered by the chart. */
export const DEFAULT_DAYS = 30;
/** Stability after first learning, in days. */
export const DEFAULT_STABILITY = 3;
/** How much each review multiplies stability. */
export const DEFAULT_GROWTH = 2.5;
/** Sampling step, in days: smooth enough for a chart a few hundred pixels wide. */
export const DEFAULT_STEP = 0.5;
/** The review schedule the lesson shows: each interval roughly twice the previous one. */
export const REVIEW_DAYS: readonly number[] = [1, 3, 7, 16];

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/**
 * Predicted recall `elapsedDays` after the last review, for a memory of the given stability:
 * exp(-elapsedDays / stability). Equals 1 at the moment of review.
 */
export function recallAfter(elapsedDays: number, stability: number): number {
  if (!Number.isFinite(elapsedDays) || elapsedDays < 0) {
    throw new RangeError(`elapsedDays must be a non-negative number, got ${elapsedDays}`);
  }
  return Math.exp(-elapsedDays / positive('stability', stability));
}

/** Sampled days from 0 to `days`, every `step`, plus any `extra` days inside the range; sorted, unique. */
function sampleDays(days: number, step: number, extra: readonly number[]): number[] {
  const count = Math.floor(days / step + 1e-9);
  const set = new Set<number>();
  for (let i = 0; i <= count; i++) set.add(Math.round(i * step * 1e6) / 1e6);
  set.add(days);
  for (const d of extra) if (d > 0 && d <= days) set.add(d);
  return [...set].sort((a, b) => a - b);
}

/**
 * The curve with no reviews: recall from day 0 (where it is 1) to `days`, falling exponentially.
 * Illustrative, not Ebbinghaus's data.
 */
export function unreviewedCurve(options: CurveOptions = {}): CurvePoint[] {
  const days = positive('days', options.days ?? DEFAULT_DAYS);
  const stability = positive('stability', options.stability ?? DEFAULT_STABILITY);
  const step = positive('step', options.step ?? DEFAULT_STEP);
  return sampleDays(days, step, []).map((day) => ({ day, recall: recallAfter(day, stability) }));
}

/**
 * The curve with spaced reviews. Between reviews recall falls as exp(-t / S); on a review day the
 * curve has two points: recall just before the review, then 1 (the review restores it), after
 * which S is multiplied by `growth`, so the next decline is slower. Illustrative only.
 */
export function reviewedCurve(options: ReviewedCurveOptions = {}): CurvePoint[] {
  const days = positive('days', options.days ?? DEFAULT_DAYS);
  const step = positive('step', options.step ?? DEFAULT_STEP);
  const growth = positive('growth', options.growth ?? DEFAULT_GROWTH);
  let stability = positive('stability', options.stability ?? DEFAULT_STABILITY);
  const reviews = new Set((options.reviewDays ?? REVIEW_DAYS).filter((d) => d > 0 && d <= days));

  const points: CurvePoint[] = [];
  let lastReview = 0;
  for (const day of sampleDays(days, step, [...reviews])) {
    points.push({ day, recall: recallAfter(day - lastReview, stability) });
    if (reviews.has(day)) {
      points.push({ day, recall: 1 });
      lastReview = day;
      stability *= growth;
    }
  }
  return points;
}

/** The drawing area of a chart, in SVG user units. */
export interface PlotArea {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** The day at the right edge of the plot (default 30). */
  readonly maxDay?: number;
}

/** Horizontal SVG coordinate of a day. */
export function xForDay(day: number, area: PlotArea): number {
  const maxDay = positive('maxDay', area.maxDay ?? DEFAULT_DAYS);
  const inner = area.width - area.margin.left - area.margin.right;
  return area.margin.left + (day / maxDay) * inner;
}

/** Vertical SVG coordinate of a recall value (1 at the top of the plot, 0 at the bottom). */
export function yForRecall(recall: number, area: PlotArea): number {
  const inner = area.height - area.margin.top - area.margin.bottom;
  return area.margin.top + (1 - recall) * inner;
}

/** How `toSvgPath` writes a curve. */
export interface PathOptions {
  /** Decimal places of each coordinate (default 1). */
  readonly decimals?: number;
  /**
   * Drop points that lie within this distance (in SVG units) of the line through their
   * neighbours (Ramer–Douglas–Peucker); 0 keeps every point (default). Corners, such as the
   * jump at a review, are always kept.
   */
  readonly tolerance?: number;
}

interface XY {
  readonly x: number;
  readonly y: number;
}

/** Distance from `p` to the segment from `a` to `b`. */
function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Ramer–Douglas–Peucker: the fewest points whose polyline stays within `tolerance` of the original. */
function simplify(points: readonly XY[], tolerance: number): XY[] {
  if (points.length < 3 || tolerance <= 0) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let maxDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > maxDistance) {
        maxDistance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * An SVG path (`d` attribute) through the points: "M x y" then "L x y" for each further point.
 * Coordinates are rounded to `decimals` places and nearly collinear points can be dropped
 * (`tolerance`), to keep the page small. Empty string for no points.
 */
export function toSvgPath(points: readonly CurvePoint[], area: PlotArea, options: PathOptions = {}): string {
  const factor = 10 ** (options.decimals ?? 1);
  const round = (n: number) => String(Math.round(n * factor) / factor);
  const xy = points.map((p) => ({ x: xForDay(p.day, area), y: yForRecall(p.recall, area) }));
  return simplify(xy, options.tolerance ?? 0)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`)
    .join(' ');
}

/** Recall at the last point of a curve (for text alternatives: "about N% on day 30"). */
export function finalRecall(points: readonly CurvePoint[]): number {
  const last = points[points.length - 1];
  if (!last) throw new RangeError('a curve needs at least one point');
  return last.recall;
}
