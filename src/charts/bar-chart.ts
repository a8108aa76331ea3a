/** Geometry of the bar chart (due forecast) and the activity heatmap: SVG coordinates only. */

/** One bar in SVG user units. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/**
 * Bars for `values` in a `width` × `height` plot, evenly spaced with `gap` between them, scaled so
 * the largest value fills the height. A zero value gets a zero-height bar at the baseline.
 */
export function barRects(values: readonly number[], width: number, height: number, gap = 2): Bar[] {
  const max = Math.max(1, ...values);
  const slot = values.length ? width / values.length : 0;
  const barWidth = Math.max(0, slot - gap);
  return values.map((value, i) => {
    const barHeight = (Math.max(0, value) / max) * height;
    return { x: i * slot + gap / 2, y: height - barHeight, width: barWidth, height: barHeight, value };
  });
}

/** One heatmap cell: a study day at a column (week) and row (weekday). */
export interface HeatCell {
  day: number;
  column: number;
  row: number;
  count: number;
  /** 0 (none) to 4 (most), for the fill colour. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** Intensity level of a day's count relative to the busiest day. */
export function heatLevel(count: number, max: number): HeatCell['level'] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as HeatCell['level'];
}

/**
 * Cells for the `weeks` × 7 days ending with `today`, oldest first: column 0 is the oldest week,
 * row 0..6 is the day within the week counted from the first cell.
 */
export function heatmapCells(activity: ReadonlyMap<number, number>, today: number, weeks = 16): HeatCell[] {
  const first = today - weeks * 7 + 1;
  let max = 0;
  for (let day = first; day <= today; day++) max = Math.max(max, activity.get(day) ?? 0);
  const cells: HeatCell[] = [];
  for (let day = first; day <= today; day++) {
    const index = day - first;
    const count = activity.get(day) ?? 0;
    cells.push({ day, column: Math.floor(index / 7), row: index % 7, count, level: heatLevel(count, max) });
  }
  return cells;
}
