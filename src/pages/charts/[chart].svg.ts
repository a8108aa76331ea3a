/** `/charts/<name>.svg`: the lesson charts as files of their own (src/charts/lesson-charts.ts). */
import type { GetStaticPaths } from 'astro';
import { LESSON_CHARTS, type LessonChart } from '../../charts/lesson-charts';

export const getStaticPaths = (() =>
  LESSON_CHARTS.map((chart) => ({ params: { chart: chart.name }, props: { chart } }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { chart: LessonChart } }): Response {
  return new Response(props.chart.svg(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
