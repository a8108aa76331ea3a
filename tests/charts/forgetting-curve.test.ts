import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/domain/scheduler';
import {
  recallOnDay,
  reviewedModelCurve,
  toSvgPath,
  unreviewedModelCurve,
  xForDay,
  yForRecall,
  type CurvePoint,
  type PlotArea,
} from '../../src/charts/forgetting-curve';

const area: PlotArea = { width: 480, height: 300, margin: { top: 20, right: 10, bottom: 40, left: 50 } };

const scheduler = createScheduler({ desiredRetention: 0.9, dayStartHour: 4 });
const unreviewedCurve = (options: { days?: number; step?: number } = {}) =>
  unreviewedModelCurve(scheduler, options.days ?? 30, options.step ?? 0.5);
const reviewed = (step = 0.5) => reviewedModelCurve(scheduler, 30, step);
const reviewedCurve = (options: { step?: number } = {}) => reviewed(options.step).points;

describe('unreviewedModelCurve', () => {
  it('starts at full recall and only falls, as FSRS predicts for a question never reviewed again', () => {
    const curve = unreviewedCurve({ days: 60, step: 1 });
    expect(curve[0]).toEqual({ day: 0, recall: 1 });
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.recall).toBeLessThan(curve[i - 1]!.recall);
    expect(curve.at(-1)!.day).toBe(60);
  });

  it("equals the scheduler's own retrievability of a card answered «Хорошо» once", () => {
    const start = Date.UTC(2025, 0, 6, 9);
    const card = scheduler.grade(undefined, {
      id: 'r',
      questionId: 'q',
      rating: 3,
      reviewedAt: start,
      utcOffsetMinutes: 0,
      dayStartHour: 4,
    });
    const curve = unreviewedCurve({ days: 30, step: 1 });
    expect(recallOnDay(curve, 7)).toBeCloseTo(scheduler.retrievability(card, start + 7 * 86_400_000), 10);
  });

  it('falls below the desired retention a few days after the first answer, as the first interval says', () => {
    const curve = unreviewedCurve({ days: 30, step: 0.25 });
    const firstBelow = curve.find((p) => p.recall < 0.9)!;
    const { reviewDays } = reviewed(0.25);
    expect(Math.abs(firstBelow.day - reviewDays[0]!)).toBeLessThanOrEqual(1);
  });

  it('is the same whatever the desired retention, since it has no reviews', () => {
    const other = unreviewedModelCurve(createScheduler({ desiredRetention: 0.8, dayStartHour: 4 }), 30, 1);
    expect(recallOnDay(other, 30)).toBeCloseTo(recallOnDay(unreviewedCurve({ days: 30, step: 1 }), 30), 10);
  });
});

describe('reviewedModelCurve', () => {
  it('reviews whenever the scheduler brings the question back, with growing intervals', () => {
    const { reviewDays } = reviewed();
    expect(reviewDays.length).toBeGreaterThanOrEqual(2);
    const gaps = [reviewDays[0]!, ...reviewDays.slice(1).map((d, i) => d - reviewDays[i]!)];
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
  });

  it('keeps predicted recall near the desired retention, far above the curve without reviews', () => {
    const { points } = reviewed(0.25);
    expect(Math.min(...points.map((p) => p.recall))).toBeGreaterThan(0.88);
    expect(recallOnDay(points, 30)).toBeGreaterThan(recallOnDay(unreviewedCurve({ step: 0.25 }), 30));
  });

  it('has two points on each review day: the dip before it and full recall after it', () => {
    const { points, reviewDays } = reviewed();
    for (const day of reviewDays) {
      const onDay = points.filter((p) => p.day === day);
      expect(onDay).toHaveLength(2);
      expect(onDay[0]!.recall).toBeLessThan(1);
      expect(onDay[1]!.recall).toBe(1);
    }
  });

  it('draws the same chart on every build', () => {
    expect(reviewed()).toEqual(reviewed());
  });
});

describe('toSvgPath', () => {
  it('starts with a move, then draws a line to each further point', () => {
    const path = toSvgPath(unreviewedCurve({ days: 2, step: 1 }), { ...area, maxDay: 2 });
    expect(path.startsWith('M')).toBe(true);
    expect(path.split(' L')).toHaveLength(3);
  });

  it('maps day 0 / full recall to the top-left corner of the plot and the last day / zero to the bottom-right', () => {
    const points: CurvePoint[] = [
      { day: 0, recall: 1 },
      { day: 30, recall: 0 },
    ];
    expect(toSvgPath(points, area)).toBe('M50 20 L470 260');
  });

  it('rounds coordinates to one decimal', () => {
    const path = toSvgPath(reviewedCurve(), area);
    expect(path).toMatch(/^M50 20 L/);
    for (const n of path.match(/-?\d+(\.\d+)?/g) ?? []) expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('returns an empty path for no points', () => {
    expect(toSvgPath([], area)).toBe('');
  });
});

describe('scales', () => {
  it('place the middle of the range in the middle of the plot', () => {
    expect(xForDay(15, area)).toBe(260);
    expect(yForRecall(0.5, area)).toBe(140);
  });
});

describe('toSvgPath options', () => {
  it('rounds to whole units when asked for no decimals', () => {
    const path = toSvgPath(reviewedCurve(), area, { decimals: 0 });
    expect(path).not.toMatch(/\./);
    expect(path.startsWith('M50 20 L')).toBe(true);
  });

  it('drops nearly collinear points within the tolerance but keeps the ends', () => {
    const line: CurvePoint[] = [0, 10, 20, 30].map((day) => ({ day, recall: 1 - day / 30 }));
    expect(toSvgPath(line, area, { tolerance: 0.5 })).toBe('M50 20 L470 260');
  });

  it('keeps the jump at every review when simplifying', () => {
    const full = reviewedCurve({ step: 0.25 });
    const path = toSvgPath(full, area, { tolerance: 0.3 });
    const count = path.split(' L').length;
    expect(count).toBeLessThan(full.length / 2);
    for (const day of reviewed(0.25).reviewDays) {
      const x = String(Math.round(xForDay(day, area) * 10) / 10);
      const atReview = path.match(new RegExp(`[ML]${x.replace('.', '\\.')} [\\d.]+`, 'g')) ?? [];
      expect(atReview.length).toBe(2); // the dip before the review and the reset to full recall
      expect(atReview).toContain(`L${x} ${yForRecall(1, area)}`);
    }
  });

  it('never strays from the full curve by more than the tolerance', () => {
    const full = unreviewedCurve({ step: 0.25 });
    const simplified = toSvgPath(full, area, { tolerance: 0.3, decimals: 3 })
      .split(/[ML]/)
      .filter(Boolean)
      .map((pair) => pair.trim().split(' ').map(Number) as [number, number]);
    const toSegment = (px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    };
    expect(simplified.length).toBeLessThan(full.length / 2);
    for (const p of full) {
      const x = xForDay(p.day, area);
      const y = yForRecall(p.recall, area);
      const nearest = Math.min(...simplified.slice(1).map((b, i) => toSegment(x, y, simplified[i]!, b)));
      expect(nearest).toBeLessThanOrEqual(0.3 + 1e-3);
    }
  });
});
