/**
 * The two charts of the lesson on hasty decisions, drawn at build time as SVG files of their own
 * (`/charts/<name>.svg`, see src/pages/charts), so the lesson's first round trip stays small. Each
 * file carries its own colours for light and dark; the lesson shows it as an image whose text
 * alternative is the title, with the figures in words in the caption:
 * 1. Ebbinghaus's own data: savings on relearning after each delay (./ebbinghaus.ts).
 * 2. Forgetting with and without reviews as predicted by the model this site schedules with
 *    (FSRS at the default desired retention), labelled as the model.
 */
import { EBBINGHAUS_SAVINGS, formatSavings } from './ebbinghaus';
import {
  recallOnDay,
  reviewedModelCurve,
  toSvgPath,
  unreviewedModelCurve,
  xForDay,
  yForRecall,
  type PlotArea,
} from './forgetting-curve';
import { createScheduler } from '../domain/scheduler';
import { DEFAULT_SETTINGS } from '../domain/settings';
// 1. Savings, on a logarithmic time axis: his delays run from 20 minutes to 31 days.
const sv = { width: 440, height: 230, left: 42, right: 14, top: 28, bottom: 40 };
const minLog = Math.log10(0.2);
const maxLog = Math.log10(31 * 24 * 1.3);
const sx = (hours: number) =>
  sv.left + ((Math.log10(hours) - minLog) / (maxLog - minLog)) * (sv.width - sv.left - sv.right);
const sy = (percent: number) => sv.top + (1 - percent / 100) * (sv.height - sv.top - sv.bottom);
const savingsPath = EBBINGHAUS_SAVINGS.map(
  (p, i) => `${i ? 'L' : 'M'}${sx(p.hours).toFixed(1)} ${sy(p.savingsPercent).toFixed(1)}`,
).join(' ');
const timeTicks = [
  { hours: 1, label: 'час' },
  { hours: 24, label: 'сутки' },
  { hours: 24 * 30, label: 'месяц' },
];
const percentTicks = [0, 25, 50, 75, 100];
const savingsGrid = [
  ...percentTicks.map((p) => `M${sv.left} ${sy(p)}H${sv.width - sv.right}`),
  ...timeTicks.map((t) => `M${sx(t.hours).toFixed(1)} ${sv.top}V${sv.height - sv.bottom}`),
].join('');
const savingsTitle = 'Сбережение при повторном заучивании в опытах Эббингауза (1885)';
const savingsCaption =
  'Данные Германа Эббингауза (1885), испытуемый — он сам, материал — списки бессмысленных слогов. ' +
  'Сбережение — на сколько процентов меньше времени ушло на то, чтобы выучить тот же список заново: ' +
  EBBINGHAUS_SAVINGS.map((p) => `через ${p.label} — ${formatSavings(p.savingsPercent)}`).join(', ') +
  '. Шкала времени логарифмическая. Это не доля запомненного: цифры «87 % забывается за 30 дней» в этих данных нет.';

// 2. The model: FSRS at the default desired retention, a question first answered with «Хорошо».
const DAYS = 30;
const scheduler = createScheduler(DEFAULT_SETTINGS);
const retentionPercent = Math.round(DEFAULT_SETTINGS.desiredRetention * 100);
const plain = unreviewedModelCurve(scheduler, DAYS, 0.25);
const reviewed = reviewedModelCurve(scheduler, DAYS, 0.25);
const area: PlotArea = { width: 440, height: 250, margin: { top: 28, right: 14, bottom: 44, left: 42 }, maxDay: DAYS };
const plotLeft = area.margin.left;
const plotRight = area.width - area.margin.right;
const plotTop = area.margin.top;
const plotBottom = area.height - area.margin.bottom;
const pathOptions = { decimals: 1, tolerance: 0.25 };
const dayTicks = [0, 5, 10, 15, 20, 25, 30];
const recallTicks = [0, 0.25, 0.5, 0.75, 1];
const gridPath = [
  ...recallTicks.map((r) => `M${plotLeft} ${yForRecall(r, area)}H${plotRight}`),
  ...dayTicks.map((d) => `M${xForDay(d, area)} ${plotTop}V${plotBottom}`),
].join('');
const markers = reviewed.reviewDays.map((day) => ({ x: xForDay(day, area), y: yForRecall(1, area) }));
const pct = (r: number) => `${Math.round(r * 100)}\u00a0%`;
const dayList = reviewed.reviewDays.map((d) => String(Math.round(d)));
const lowestReviewed = Math.min(...reviewed.points.map((p) => p.recall));
const modelTitle = `Прогноз модели: вероятность вспомнить ответ за ${DAYS} дней без повторений и с повторениями`;
const modelCaption =
  `Это не измерение, а прогноз модели FSRS, по которой курс назначает повторения (желаемый уровень запоминания ${retentionPercent}\u00a0%). ` +
  `Вопрос, на который ответили «Хорошо» в день 0, без повторений: вероятность вспомнить ответ через день — ${pct(recallOnDay(plain, 1))}, ` +
  `через неделю — ${pct(recallOnDay(plain, 7))}, через ${DAYS} дней — ${pct(recallOnDay(plain, DAYS))}. ` +
  `С повторениями в дни ${dayList.join(', ')} (точки на графике) она не опускается ниже ${pct(lowestReviewed)}, ` +
  'а промежутки между повторениями растут.';

/** Escapes text for SVG. */
const esc = (text: string | number) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (x: number, y: number, content: string | number, cls = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${cls ? ` class="${cls}"` : ''}>${esc(content)}</text>`;

/** Colours and type; the text grows as the image shrinks, so it stays readable on a phone. */
const STYLE = `<style>
text{fill:#1f2937;font:17px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.n{font-weight:600}.g{fill:none;stroke:#1f2937;stroke-opacity:.15}.a{fill:none;stroke:#1f2937;stroke-width:1.5}
.l{fill:none;stroke-linejoin:round;stroke-linecap:round}.d,.r{stroke:#1d4ed8;stroke-width:2}.r{stroke-width:3}
.p{stroke:#6b7280;stroke-width:2.5;stroke-dasharray:7 5}.o{fill:#1d4ed8;stroke:#fff;stroke-width:1.5}
@media (min-width:420px){text{font-size:13px}}@media (min-width:560px){text{font-size:11px}}
@media (prefers-color-scheme:dark){text{fill:#e5e7eb}.g,.a{stroke:#e5e7eb}.d,.r{stroke:#8ab4ff}.o{fill:#8ab4ff;stroke:#16161a}.p{stroke:#9ca3af}}
</style>`;

const svg = (width: number, height: number, title: string, content: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" overflow="visible">` +
  `<title>${esc(title)}</title>${STYLE}${content.join('')}</svg>\n`;

/** A lesson chart: its file's name, its size, its text alternative and caption, and the SVG. */
export interface LessonChart {
  name: string;
  width: number;
  height: number;
  title: string;
  caption: string;
  svg: () => string;
}

export const SAVINGS_CHART: LessonChart = {
  name: 'ebbinghaus-savings',
  width: sv.width,
  height: sv.height,
  title: savingsTitle,
  caption: savingsCaption,
  svg: () =>
    svg(sv.width, sv.height, savingsTitle, [
      `<path class="g" d="${savingsGrid}"/>`,
      `<path class="a" d="M${sv.left} ${sv.top}V${sv.height - sv.bottom}H${sv.width - sv.right}"/>`,
      `<g text-anchor="end" dominant-baseline="middle">${percentTicks.map((p) => text(sv.left - 6, sy(p), p)).join('')}</g>`,
      `<g text-anchor="middle">${timeTicks.map((t) => text(sx(t.hours), sv.height - sv.bottom + 16, t.label)).join('')}` +
        `${text((sv.left + sv.width - sv.right) / 2, sv.height - 4, 'время после заучивания', 'n')}</g>`,
      text(sv.left - 6, sv.top - 12, 'сбережение, %', 'n'),
      `<path class="l d" d="${savingsPath}"/>`,
      ...EBBINGHAUS_SAVINGS.map(
        (p) => `<circle class="o" cx="${sx(p.hours).toFixed(1)}" cy="${sy(p.savingsPercent).toFixed(1)}" r="4"/>`,
      ),
      `<g text-anchor="middle">${EBBINGHAUS_SAVINGS.map((p) => text(sx(p.hours), sy(p.savingsPercent) - 9, Math.round(p.savingsPercent))).join('')}</g>`,
    ]),
};

export const MODEL_CHART: LessonChart = {
  name: 'model-forgetting',
  width: area.width,
  height: area.height,
  title: modelTitle,
  caption: modelCaption,
  svg: () =>
    svg(area.width, area.height, modelTitle, [
      `<path class="g" d="${gridPath}"/>`,
      `<path class="a" d="M${plotLeft} ${plotTop}V${plotBottom}H${plotRight}"/>`,
      `<g text-anchor="end" dominant-baseline="middle">${recallTicks.map((r) => text(plotLeft - 6, yForRecall(r, area), Math.round(r * 100))).join('')}</g>`,
      `<g text-anchor="middle">${dayTicks.map((d) => text(xForDay(d, area), plotBottom + 18, d)).join('')}` +
        `${text((plotLeft + plotRight) / 2, area.height - 4, 'дни', 'n')}</g>`,
      text(plotLeft - 6, plotTop - 12, 'вероятность вспомнить по модели, %', 'n'),
      `<path class="l p" d="${toSvgPath(plain, area, pathOptions)}"/>`,
      `<path class="l r" d="${toSvgPath(reviewed.points, area, pathOptions)}"/>`,
      ...markers.map((m) => `<circle class="o" cx="${m.x.toFixed(1)}" cy="${m.y.toFixed(1)}" r="4.5"/>`),
    ]),
};

/** Both charts, by file name. */
export const LESSON_CHARTS: readonly LessonChart[] = [SAVINGS_CHART, MODEL_CHART];
