/** The progress page's SVG charts, each with a text alternative beside it. Render only. */
import { barRects, heatmapCells } from '../charts/bar-chart';
import { toSvgPath, type CurvePoint, type PlotArea } from '../charts/forgetting-curve';
import { studyDayIso } from '../domain/study-day';
import { formatCards, formatReviews } from '../i18n/plurals';

const percent = (r: number) => `${Math.round(r * 100)}\u00a0%`;
const dayLabel = (studyDay: number) =>
  new Date(studyDay * 86_400_000).toLocaleDateString('ru-RU', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Due cards per day for the next 30 days, with a table of the non-empty days. */
export function ForecastChart({ counts, today }: { counts: number[]; today: number }) {
  const width = 300;
  const height = 100;
  const bars = barRects(counts, width, height, 2);
  const total = counts.reduce((a, b) => a + b, 0);
  const busy = counts.map((count, i) => ({ count, day: today + i })).filter((d) => d.count > 0);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height + 14}`}
        width="100%"
        role="img"
        aria-label={`Прогноз: ${formatCards(total)} за 30 дней`}
        data-chart="forecast"
      >
        <path class="chart-axis" d={`M0 ${height}H${width}`} />
        {bars.map((b) => b.height > 0 && <rect class="chart-bar" x={b.x} y={b.y} width={b.width} height={b.height} />)}
        <text x="0" y={height + 12}>
          сегодня
        </text>
        <text x={width} y={height + 12} text-anchor="end">
          через 29 дн.
        </text>
      </svg>
      <table class="chart-table" data-forecast-table>
        <caption>Сколько карточек придёт на повторение по дням (за 30 дней: {total})</caption>
        <thead>
          <tr>
            <th scope="col">День</th>
            <th scope="col">Карточек</th>
          </tr>
        </thead>
        <tbody>
          {busy.map((d) => (
            <tr key={d.day} data-day={studyDayIso(d.day)}>
              <td>{d.day === today ? 'Сегодня' : dayLabel(d.day)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Reviews per day over 16 weeks as a heatmap, summarised in text. */
export function ActivityHeatmap({
  activity,
  today,
  streak,
}: {
  activity: ReadonlyMap<number, number>;
  today: number;
  streak: number;
}) {
  const cells = heatmapCells(activity, today, 16);
  const size = 12;
  const activeDays = cells.filter((c) => c.count > 0).length;
  const reviews = cells.reduce((a, c) => a + c.count, 0);
  const summary = `За 16 недель: ${formatReviews(reviews)}, дней с занятиями: ${activeDays}, из них подряд до сегодня: ${streak}.`;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${16 * size} ${7 * size}`}
        width="100%"
        class="heatmap"
        role="img"
        aria-label={summary}
        data-chart="activity"
      >
        {cells.map((c) => (
          <rect
            key={c.day}
            class={`heat heat-${c.level}`}
            x={c.column * size + 1}
            y={c.row * size + 1}
            width={size - 2}
            height={size - 2}
            rx="2"
          />
        ))}
      </svg>
      <figcaption data-activity-summary>{summary}</figcaption>
    </figure>
  );
}

const area: PlotArea = { width: 320, height: 180, margin: { top: 10, right: 10, bottom: 24, left: 34 }, maxDay: 60 };

/** The learner's forgetting curve beside the curve with no reviews, summarised in text. */
export function CurveChart({ own, plain }: { own: CurvePoint[]; plain: CurvePoint[] }) {
  const at = (points: CurvePoint[], day: number) => points.find((p) => p.day === day)?.recall ?? 0;
  const summary =
    `Если больше не повторять, через неделю вы вспомните в среднем ${percent(at(own, 7))} выученного, через 30 дней — ${percent(at(own, 30))}, через 60 — ${percent(at(own, 60))}. ` +
    `Для сравнения, только что встреченный и ни разу не повторённый вопрос: ${percent(at(plain, 7))}, ${percent(at(plain, 30))} и ${percent(at(plain, 60))}.`;
  const bottom = area.height - area.margin.bottom;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${area.width} ${area.height}`}
        width="100%"
        role="img"
        aria-label="Ваша кривая забывания и кривая без повторений на 60 дней"
        data-chart="curve"
      >
        <path
          class="chart-axis"
          d={`M${area.margin.left} ${area.margin.top}V${bottom}H${area.width - area.margin.right}`}
        />
        <text x={area.margin.left - 4} y={area.margin.top + 4} text-anchor="end">
          100
        </text>
        <text x={area.margin.left - 4} y={bottom} text-anchor="end">
          0
        </text>
        <text x={area.margin.left} y={area.height - 6}>
          0
        </text>
        <text x={area.width - area.margin.right} y={area.height - 6} text-anchor="end">
          60 дней
        </text>
        <path class="curve-plain" d={toSvgPath(plain, area)} />
        <path class="curve-own" d={toSvgPath(own, area)} />
      </svg>
      <ul class="chart-legend" aria-hidden="true">
        <li class="legend-own">Ваша память</li>
        <li class="legend-plain">Без повторений</li>
      </ul>
      <figcaption data-curve-summary>{summary}</figcaption>
    </figure>
  );
}
