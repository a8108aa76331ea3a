import { useMemo } from 'preact/hooks';
import { unreviewedModelCurve } from '../charts/forgetting-curve';
import { FinalCheckSummary } from '../components/FinalCheckSummary';
import { StorageAlerts } from '../components/StorageAlerts';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { allReviews } from '../domain/deck';
import { createScheduler } from '../domain/scheduler';
import { studyDayAt, studyDayStartMs } from '../domain/study-day';
import { formatDate } from '../i18n/dates';
import { homeUrl, lessonUrl } from '../lib/urls';
import { activityByDay, currentStreak, dueForecast, lessonStats, ownForgettingCurve } from '../progress-stats/stats';
import { ActivityHeatmap, CurveChart, ForecastChart } from './ProgressCharts';

interface Props {
  lessons: { slug: string; title: string; questionIds: string[] }[];
}

/**
 * The progress page: the aggregates of src/progress-stats over the page runtime's state. The table,
 * forecast and curve need only cards, so they are drawn from the card cache at once; the heatmap,
 * streak and review count wait for the whole log.
 */
export default function ProgressView({ lessons }: Props) {
  const state = useRuntimeState(true);
  // Reviews per day need the whole log sorted: once per log, not on every render.
  const activity = useMemo(
    () => (state.checked ? activityByDay(allReviews(state.deck)) : null),
    [state.checked, state.deck],
  );
  if (!state.ready) return <p class="muted">Загружаем прогресс…</p>;
  const { deck, settings } = state;
  const nowMs = pageRuntime().now();
  const alertBox = <StorageAlerts state={state} />;
  const questionIds = new Set(lessons.flatMap((l) => l.questionIds));
  const cards = [...deck.cards.values()].filter((c) => questionIds.has(c.questionId));
  if (cards.length === 0) {
    return (
      <div class="progress-empty">
        {alertBox}
        <p class="notice" data-progress-empty>
          Здесь пока пусто — и это нормально: всё начинается с первого вопроса. Ответьте на вопросы в любом уроке, и
          здесь появятся ваши графики. <a href={homeUrl()}>К урокам</a>
        </p>
      </div>
    );
  }
  const scheduler = createScheduler(settings);
  const today = studyDayAt(nowMs, settings.dayStartHour);
  const stats = lessonStats(lessons, deck.cards, scheduler, nowMs);
  const streak = activity ? currentStreak(activity, today) : null;
  const own = ownForgettingCurve(cards, scheduler, nowMs, 60);
  // The same model as the learner's own curve: a question answered «Хорошо» once, never reviewed.
  const plain = unreviewedModelCurve(scheduler, 60, 1);
  return (
    <div class="progress">
      {alertBox}
      <p>
        Вопросов начато: <strong data-met-total>{cards.length}</strong> из {questionIds.size}.{' '}
        {activity && streak !== null ? (
          <>
            Повторений всего: <strong data-review-count={deck.reviewCount}>{deck.reviewCount}</strong>. Учебных дней
            подряд: <strong data-streak={streak}>{streak}</strong>.
          </>
        ) : (
          'Считаем историю повторений…'
        )}
      </p>
      <h2>По урокам</h2>
      <table class="progress-table">
        <thead>
          <tr>
            <th scope="col">Урок</th>
            <th scope="col">Начато вопросов</th>
            <th scope="col">Вероятность вспомнить сегодня</th>
            <th scope="col">Следующее повторение</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((lesson, i) => {
            const s = stats[i]!;
            return (
              <tr key={lesson.slug} data-lesson={lesson.slug}>
                <th scope="row">
                  <a href={lessonUrl(lesson.slug)}>{lesson.title}</a>
                </th>
                <td data-met data-label="Начато вопросов">
                  {s.met} из {s.total}
                </td>
                <td data-recall data-label="Вероятность вспомнить сегодня">
                  {s.averageRecall === null ? '—' : `${Math.round(s.averageRecall * 100)}\u00a0%`}
                </td>
                <td data-next-due data-label="Следующее повторение">
                  {s.nextDueStudyDay === null
                    ? '—'
                    : s.nextDueStudyDay <= today
                      ? 'сегодня'
                      : formatDate(studyDayStartMs(s.nextDueStudyDay, settings.dayStartHour))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FinalCheckSummary attempts={state.finalChecks} open={cards.length === questionIds.size} />
      <h2>Прогноз повторений на 30 дней</h2>
      <ForecastChart counts={dueForecast(cards, today, 30)} today={today} />
      <h2>Активность за 16 недель</h2>
      {activity && streak !== null ? (
        <ActivityHeatmap activity={activity} today={today} streak={streak} />
      ) : (
        <p class="muted">Считаем историю повторений…</p>
      )}
      <h2>Ваша кривая забывания</h2>
      <CurveChart own={own} plain={plain} />
    </div>
  );
}
