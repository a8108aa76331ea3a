import { describe, expect, it } from 'vitest';
import {
  finalRecall,
  recallAfter,
  REVIEW_DAYS,
  reviewedCurve,
  toSvgPath,
  unreviewedCurve,
  xForDay,
  yForRecall,
  type CurvePoint,
  type PlotArea,
} from '../../src/charts/forgetting-curve';

const area: PlotArea = { width: 480, height: 300, margin: { top: 20, right: 10, bottom: 40, left: 50 } };

/** Recall of the point sampled exactly on `day` (the last one, i.e. after a review, if two). */
const at = (points: readonly CurvePoint[], day: number): number => {
  const found = points.filter((p) => p.day === day);
  const last = found[found.length - 1];
  if (!last) throw new Error(`no point on day ${day}`);
  return last.recall;
};

/** Splits a curve into the stretches between reviews (a review is where recall jumps up). */
const stretches = (points: readonly CurvePoint[]): CurvePoint[][] => {
  const out: CurvePoint[][] = [[]];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && p.recall > prev.recall) out.push([]);
    out[out.length - 1]?.push(p);
  });
  return out;
};

describe('recallAfter', () => {
  it('is 1 right after learning and 1/e after one stability period', () => {
    expect(recallAfter(0, 3)).toBe(1);
    expect(recallAfter(3, 3)).toBeCloseTo(Math.exp(-1), 12);
    expect(recallAfter(6, 3)).toBeCloseTo(Math.exp(-2), 12);
  });

  it('rejects a non-positive stability and negative time', () => {
    expect(() => recallAfter(1, 0)).toThrow(RangeError);
    expect(() => recallAfter(-1, 3)).toThrow(RangeError);
  });
});

describe('unreviewedCurve', () => {
  const curve = unreviewedCurve();

  it('starts at day 0 with full recall and ends on day 30', () => {
    expect(curve[0]).toEqual({ day: 0, recall: 1 });
    expect(curve[curve.length - 1]?.day).toBe(30);
  });

  it('samples every half day by default', () => {
    expect(curve).toHaveLength(61);
    expect(curve[1]?.day).toBe(0.5);
  });

  it('decreases strictly monotonically', () => {
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.recall).toBeLessThan(curve[i - 1]!.recall);
  });

  it('forgets fast at first and slowly later, down to almost nothing by day 30', () => {
    expect(at(curve, 1)).toBeCloseTo(Math.exp(-1 / 3), 12); // ≈ 0.72
    expect(at(curve, 7)).toBeCloseTo(0.097, 3);
    expect(1 - at(curve, 1)).toBeGreaterThan(at(curve, 10) - at(curve, 11));
    expect(finalRecall(curve)).toBeLessThan(0.001);
  });

  it('honours custom length, stability and step', () => {
    const short = unreviewedCurve({ days: 10, stability: 5, step: 1 });
    expect(short.map((p) => p.day)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(at(short, 5)).toBeCloseTo(Math.exp(-1), 12);
  });
});

describe('reviewedCurve', () => {
  const reviewed = reviewedCurve();
  const unreviewed = unreviewedCurve();

  it('starts with full recall on day 0', () => {
    expect(reviewed[0]).toEqual({ day: 0, recall: 1 });
  });

  it('restores recall to 1 on each review day, with the dip just before it', () => {
    for (const day of REVIEW_DAYS) {
      const onDay = reviewed.filter((p) => p.day === day);
      expect(onDay).toHaveLength(2);
      expect(onDay[0]!.recall).toBeLessThan(1);
      expect(onDay[1]!.recall).toBe(1);
    }
  });

  it('dips to the values the model predicts before each review', () => {
    const before = REVIEW_DAYS.map((day) => reviewed.find((p) => p.day === day)!.recall);
    // S = 3, then 7.5, 18.75, 46.875: gaps of 1, 2, 4 and 9 days.
    expect(before[0]).toBeCloseTo(Math.exp(-1 / 3), 12);
    expect(before[1]).toBeCloseTo(Math.exp(-2 / 7.5), 12);
    expect(before[2]).toBeCloseTo(Math.exp(-4 / 18.75), 12);
    expect(before[3]).toBeCloseTo(Math.exp(-9 / 46.875), 12);
  });

  it('declines more gently after each review, even though the gaps grow', () => {
    const before = REVIEW_DAYS.map((day) => reviewed.find((p) => p.day === day)!.recall);
    for (let i = 1; i < before.length; i++) expect(before[i]!).toBeGreaterThan(before[i - 1]!);
    expect(finalRecall(reviewed)).toBeGreaterThan(before[before.length - 1]!);
    expect(finalRecall(reviewed)).toBeCloseTo(Math.exp(-14 / 117.1875), 12); // ≈ 0.89
  });

  it('decreases monotonically between reviews', () => {
    const parts = stretches(reviewed);
    expect(parts).toHaveLength(REVIEW_DAYS.length + 1);
    for (const part of parts) {
      for (let i = 1; i < part.length; i++) expect(part[i]!.recall).toBeLessThan(part[i - 1]!.recall);
    }
  });

  it('stays above the curve without reviews after day 1', () => {
    const unreviewedOn = new Map(unreviewed.map((p) => [p.day, p.recall]));
    const later = reviewed.filter((p) => p.day > 1);
    expect(later.length).toBeGreaterThan(50);
    for (const p of later) expect(p.recall).toBeGreaterThan(unreviewedOn.get(p.day)!);
  });

  it('matches the curve without reviews up to the first review', () => {
    const early = reviewed.filter((p) => p.day < 1);
    expect(early.map((p) => p.recall)).toEqual(unreviewed.filter((p) => p.day < 1).map((p) => p.recall));
  });

  it('includes review days that fall between sampled days', () => {
    const curve = reviewedCurve({ step: 2, reviewDays: [3] });
    expect(curve.filter((p) => p.day === 3)).toHaveLength(2);
  });

  it('ignores reviews outside the plotted days', () => {
    const curve = reviewedCurve({ days: 5, reviewDays: [1, 3, 7, 16] });
    expect(curve.filter((p) => p.recall === 1).map((p) => p.day)).toEqual([0, 1, 3]);
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
    for (const day of REVIEW_DAYS) {
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
