import { describe, expect, it } from 'vitest';
import { barRects, heatLevel, heatmapCells } from '../../src/charts/bar-chart';

describe('barRects', () => {
  it('scales the largest value to the full height and sits every bar on the baseline', () => {
    const bars = barRects([0, 2, 4], 300, 100, 2);
    expect(bars.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(bars.map((b) => b.y + b.height)).toEqual([100, 100, 100]);
    expect(bars.map((b) => b.x)).toEqual([1, 101, 201]);
    expect(bars[0]!.width).toBe(98);
  });
  it('draws all-zero data as flat bars without dividing by zero', () => {
    expect(barRects([0, 0], 10, 10).every((b) => b.height === 0 && Number.isFinite(b.y))).toBe(true);
  });
});

describe('heatmapCells', () => {
  it('lays out 16 weeks of 7 days ending today, oldest first', () => {
    const cells = heatmapCells(
      new Map([
        [1000, 8],
        [999, 2],
      ]),
      1000,
      16,
    );
    expect(cells).toHaveLength(112);
    expect(cells[0]).toMatchObject({ day: 889, column: 0, row: 0, level: 0 });
    expect(cells.at(-1)).toMatchObject({ day: 1000, column: 15, row: 6, count: 8, level: 4 });
    expect(cells.at(-2)).toMatchObject({ count: 2, level: 1 });
  });
  it('maps counts to levels 0 to 4', () => {
    expect([0, 1, 5, 6, 10].map((n) => heatLevel(n, 10))).toEqual([0, 1, 2, 3, 4]);
  });
});
