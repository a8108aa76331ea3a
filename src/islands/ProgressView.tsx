import { useEffect, useState } from 'preact/hooks';
import { unreviewedCurve } from '../charts/forgetting-curve';
import type { CardState } from '../domain/card';
import type { Progress } from '../domain/progress';
import type { Settings } from '../domain/settings';
import { studyDayAt, studyDayStartMs } from '../domain/study-day';
import { formatDate } from '../i18n/dates';
import { urls } from '../lib/urls';
import { ActivityHeatmap, CurveChart, ForecastChart } from './ProgressCharts';

interface Props {
  lessons: { slug: string; title: string; questionIds: string[] }[];
}

/** With no card of its own yet, the no-review curve uses a fresh memory's stability (days). */
const FRESH_STABILITY_DAYS = 2.3;

/** The progress page: loads the log, computes the aggregates (src/progress-stats) and renders. */
export default function ProgressView({ lessons }: Props) {
  const [state, setState] = useState<{ engine: typeof import('./ProgressEngine'); progress: Progress; settings: Settings; nowMs: number; checked: boolean } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const engine = await import('./ProgressEngine');
      const opened = await engine.openStore();
      const settings = await opened.store.getSettings();
      // Cached cards come long before a large log is read: draw what needs only cards at once.
      const onCachedCards = (cards: ReadonlyMap<string, CardState>) => {
        if (cards.size > 0) setState((s) => s ?? { engine, progress: { reviewsByQuestion: new Map(), cards, reviewCount: 0 }, settings, nowMs: Date.now(), checked: false });
      };
      const loaded = await engine.loadProgress(opened.store, settings, { onCachedCards });
      setAlert(opened.reason ?? loaded.alert);
      setState({ engine, progress: loaded.progress, settings, nowMs: Date.now(), checked: true });
    })();
  }, []);
  if (!state) return <p class="muted">Загружаем прогресс…</p>;
  const { engine, progress, settings, nowMs, checked } = state;
  const { activityByDay, allReviews, createScheduler, currentStreak, dueForecast, lessonStats, ownForgettingCurve } = engine;
  const alertBox = alert && <div role="alert" class="notice">{alert}</div>;
  const questionIds = new Set(lessons.flatMap((l) => l.questionIds));
  const cards = [...progress.cards.values()].filter((c) => questionIds.has(c.questionId));
  if (cards.length === 0) {
    return (
      <div class="progress-empty">
        {alertBox}
        <p class="notice" data-progress-empty>
          Здесь пока пусто — и это нормально: всё начинается с первого вопроса. Ответьте на вопросы в любом уроке, и здесь появятся
          ваши графики. <a href="/">К урокам</a>
        </p>
      </div>
    );
  }
  const scheduler = createScheduler(settings);
  const today = studyDayAt(nowMs, settings.dayStartHour);
  const stats = lessonStats(lessons, progress.cards, scheduler, nowMs);
  const activity = checked ? activityByDay(allReviews(progress)) : null;
  const streak = activity ? currentStreak(activity, today) : null;
  const own = ownForgettingCurve(cards, scheduler, nowMs, 60);
  const plain = unreviewedCurve({ days: 60, stability: FRESH_STABILITY_DAYS, step: 1 });
  return (
    <div class="progress">
      {alertBox}
      <p>
        Встречено вопросов: <strong data-met-total>{cards.length}</strong> из {questionIds.size}.{' '}
        {activity && streak !== null ? (
          <>
            Повторений всего: <strong data-review-count={progress.reviewCount}>{progress.reviewCount}</strong>. Серия дней:{' '}
            <strong data-streak={streak}>{streak}</strong>.
          </>
        ) : (
          'Считаем историю повторений…'
        )}
      </p>
      <h2>По урокам</h2>
      <table class="progress-table">
        <thead>
          <tr><th scope="col">Урок</th><th scope="col">Встречено</th><th scope="col">Вспомните сейчас</th><th scope="col">Следующее повторение</th></tr>
        </thead>
        <tbody>
          {lessons.map((lesson, i) => {
            const s = stats[i]!;
            return (
              <tr key={lesson.slug} data-lesson={lesson.slug}>
                <th scope="row"><a href={urls.lesson(lesson.slug)}>{lesson.title}</a></th>
                <td data-met>{s.met} из {s.total}</td>
                <td data-recall>{s.averageRecall === null ? '—' : `${Math.round(s.averageRecall * 100)}%`}</td>
                <td data-next-due>{s.nextDueStudyDay === null ? '—' : s.nextDueStudyDay <= today ? 'сегодня' : formatDate(studyDayStartMs(s.nextDueStudyDay, settings.dayStartHour))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Прогноз повторений на 30 дней</h2>
      <ForecastChart counts={dueForecast(cards, today, 30)} today={today} />
      <h2>Активность за 16 недель</h2>
      {activity && streak !== null ? <ActivityHeatmap activity={activity} today={today} streak={streak} /> : <p class="muted">Считаем историю повторений…</p>}
      <h2>Ваша кривая забывания</h2>
      <CurveChart own={own} plain={plain} />
    </div>
  );
}
