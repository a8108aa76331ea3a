import { useMemo } from 'preact/hooks';
import type { Deck } from '../domain/deck';
import type { Review } from '../domain/review';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { mentorReport, mentorReportText } from '../trainers/mentor-report';
import CopyButton from './CopyButton';

interface Props {
  courseName: string;
  /** The course's lessons, each with its question ids. */
  lessons: { questionIds: string[] }[];
}

const TEXT_ID = 'mentor-report-text';

/**
 * The review log for the 30-day share, or null until the whole log is loaded. The one place this
 * island reads the log: if the runtime comes to load it apart from the cards, only this changes.
 * The report only counts, so the log's order does not matter and is not sorted here.
 */
function reviewLog(checked: boolean, deck: Deck): Review[] | null {
  return checked ? [...deck.reviewsByQuestion.values()].flat() : null;
}

/** The mentor report on /progress/: a few lines in Russian and a button that copies them. */
export default function MentorReport({ courseName, lessons }: Props) {
  const state = useRuntimeState(true);
  const log = useMemo(() => reviewLog(state.checked, state.deck), [state.checked, state.deck]);
  // The same box while counting, so the report does not push the page down when it appears.
  if (!log) {
    return (
      <div class="mentor-report-box">
        <p class="muted">Считаем…</p>
      </div>
    );
  }
  const nowMs = pageRuntime().now();
  const report = mentorReport(lessons, state.deck.cards, log, nowMs);
  if (report.questionsInReview === 0) {
    // In the same box as while counting, so the page below does not move.
    return (
      <div class="mentor-report-box">
        <p class="muted">Отчёт появится, когда вы ответите на первые вопросы в уроках.</p>
      </div>
    );
  }
  return (
    <div class="mentor-report-box" data-mentor-report>
      <p class="mentor-report-text" id={TEXT_ID}>
        {mentorReportText(report, courseName, nowMs)}
      </p>
      <CopyButton targetId={TEXT_ID} label="Копировать отчёт для наставника" />
    </div>
  );
}
