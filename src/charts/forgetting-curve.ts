/**
 * Forgetting curves as the scheduler of this site models them, and the geometry to draw them.
 *
 * The curves come from FSRS, the model the reviews are scheduled with (src/domain/scheduler.ts):
 * predicted recall of a question first answered with «Хорошо», left alone, or reviewed with
 * «Хорошо» each time it falls due. They are the model's predictions, not measurements, and the
 * charts say so. Ebbinghaus's own data (savings) are in ./ebbinghaus.ts.
 *
 * Pure functions, no DOM: the lesson chart renders their output to SVG at build time, and the
 * progress page draws the no-review curve the same way.
 */
import type { CardState } from '../domain/card';
import type { Rating, Review } from '../domain/review';
import type { Scheduler } from '../domain/scheduler';
import { DAY_MS } from '../domain/study-day';

/** One point of a curve: days since first learning and predicted recall from 0 to 1. */
export interface CurvePoint {
  readonly day: number;
  readonly recall: number;
}

/** The moment the model's curves start: a fixed date, so the build draws the same chart every time. */
const MODEL_START_MS = Date.UTC(2025, 0, 6, 9);
/** The question id the model's cards use (it seeds the scheduler's fuzz). */
const MODEL_QUESTION_ID = 'model-curve';

function modelReview(atMs: number, rating: Rating, n: number): Review {
  return {
    id: `model-${n}`,
    questionId: MODEL_QUESTION_ID,
    rating,
    reviewedAt: atMs,
    utcOffsetMinutes: 0,
    dayStartHour: 4,
  };
}

/** Days from 0 to `days` every `stepDays`, always including `days` and any `extra` inside the range. */
function sampleDays(days: number, stepDays: number, extra: readonly number[] = []): number[] {
  const set = new Set<number>();
  for (let i = 0; i * stepDays < days; i++) set.add(Math.round(i * stepDays * 1e6) / 1e6);
  set.add(days);
  for (const d of extra) if (d > 0 && d < days) set.add(d);
  return [...set].sort((a, b) => a - b);
}

/**
 * Predicted recall of a question answered once with «Хорошо» on day 0 and never reviewed again,
 * from day 0 to `days`.
 */
export function unreviewedModelCurve(scheduler: Scheduler, days: number, stepDays = 0.5): CurvePoint[] {
  const card = scheduler.grade(undefined, modelReview(MODEL_START_MS, 3, 0));
  return sampleDays(days, stepDays).map((day) => ({
    day,
    recall: scheduler.retrievability(card, MODEL_START_MS + day * DAY_MS),
  }));
}

/** The curve with reviews, and the days the reviews fell on. */
export interface ReviewedModelCurve {
  points: CurvePoint[];
  /** Days (after day 0) on which the question was reviewed, in order. */
  reviewDays: number[];
}

/**
 * Predicted recall of a question answered with «Хорошо» on day 0 and again each time the
 * scheduler brings it back, up to `days`. On a review day the curve has two points: recall just
 * before the review, then 1.
 */
export function reviewedModelCurve(scheduler: Scheduler, days: number, stepDays = 0.5): ReviewedModelCurve {
  const reviews: { day: number; card: CardState }[] = [];
  let card = scheduler.grade(undefined, modelReview(MODEL_START_MS, 3, 0));
  reviews.push({ day: 0, card });
  for (let n = 1; n < 50; n++) {
    const day = reviews[reviews.length - 1]!.day + (card.dueStudyClockMs - card.lastStudyClockMs) / DAY_MS;
    if (day >= days) break;
    card = scheduler.grade(card, modelReview(MODEL_START_MS + day * DAY_MS, 3, n));
    reviews.push({ day, card });
  }
  const reviewDays = reviews.slice(1).map((r) => r.day);
  const recallAt = (index: number, day: number) =>
    scheduler.retrievability(reviews[index]!.card, MODEL_START_MS + day * DAY_MS);
  const points: CurvePoint[] = [];
  let current = 0;
  // Review days are among the sampled days, so each review is met exactly once, in order.
  for (const day of sampleDays(days, stepDays, reviewDays)) {
    if (reviews[current + 1]?.day === day) {
      points.push({ day, recall: recallAt(current, day) });
      current++;
    }
    points.push({ day, recall: recallAt(current, day) });
  }
  return { points, reviewDays };
}

/** Recall of a curve on a given day: the last point at or before it (after a review, the restored value). */
export function recallOnDay(points: readonly CurvePoint[], day: number): number {
  let recall = points[0]?.recall ?? 0;
  for (const p of points) if (p.day <= day) recall = p.recall;
  return recall;
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
  const maxDay = area.maxDay ?? 30;
  if (!(maxDay > 0)) throw new RangeError(`maxDay must be a positive number, got ${maxDay}`);
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
