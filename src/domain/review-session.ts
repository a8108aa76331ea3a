/**
 * The review session's bookkeeping, as pure functions of the session and the queue: which card is
 * on screen, how far the learner has come, what undo takes back. No DOM, no storage, no clock: the
 * review page (src/ui/review.ts) keeps a `ReviewSession` and draws from these.
 */
import type { Queue } from './queue';

/** What the review page remembers about the session in progress. Treat as immutable. */
export interface ReviewSession {
  /** Ids of the reviews saved in this session, oldest first: what «Отменить» takes back. */
  readonly doneReviewIds: readonly string[];
  /** A card just answered wrong: it stays on screen with its explanation until «Дальше». */
  readonly pendingWrongId: string | null;
  /** True once the learner has asked for new questions. */
  readonly withNew: boolean;
  /** Changes whenever a fresh card must mount (its key), even when the same question comes back. */
  readonly step: number;
}

/** A session before the first rating. */
export const NEW_SESSION: ReviewSession = Object.freeze({
  doneReviewIds: [],
  pendingWrongId: null,
  withNew: false,
  step: 0,
});

/** What the session's progress bar shows. */
export interface SessionProgress {
  /** Ratings saved in this session (`aria-valuenow`). */
  valueNow: number;
  /** Those plus the cards still to go (`aria-valuemax`); at least 1. */
  valueMax: number;
  /** `valueNow` as a share of `valueMax`, 0 to 100. */
  percent: number;
}

/**
 * The question on screen: the card answered wrong while it is still explained, else the first card
 * due now, else (once asked for) the first new question, else a card waiting out its «Снова» step;
 * undefined when there is nothing to show. Cards rated «Снова» wait behind the new questions too,
 * so a missed new question comes back at the end of the session, not straight after «Дальше».
 */
export function currentQuestionId(session: ReviewSession, queue: Queue): string | undefined {
  if (session.pendingWrongId !== null) return session.pendingWrongId;
  const readyNow = queue.due.find((item) => !item.later);
  if (readyNow) return readyNow.questionId;
  return (session.withNew ? queue.newQuestions[0]?.id : undefined) ?? queue.due[0]?.questionId;
}

/**
 * Done and to go. A card answered wrong counts twice, as it should: its «Снова» is done and the
 * card is due again later in the session (the queue keeps it among the due cards).
 */
export function sessionProgress(session: ReviewSession, queue: Queue): SessionProgress {
  const valueNow = session.doneReviewIds.length;
  const remaining = queue.due.length + (session.withNew ? queue.newQuestions.length : 0);
  const valueMax = Math.max(1, valueNow + remaining);
  return { valueNow, valueMax, percent: (100 * valueNow) / valueMax };
}

/** Whether to offer «Начать новые вопросы»: nothing on screen, not asked yet, and some may be started today. */
export function offersNewQuestions(session: ReviewSession, queue: Queue): boolean {
  return (
    currentQuestionId(session, queue) === undefined &&
    !session.withNew &&
    queue.newLeftToday > 0 &&
    queue.newQuestions.length > 0
  );
}

/** The learner asked for new questions. */
export function startNewQuestions(session: ReviewSession): ReviewSession {
  return { ...session, withNew: true };
}

/**
 * The learner rated `questionId`. After a wrong pick (`stay`) the card stays on screen to explain
 * itself; otherwise the next card mounts fresh. The review id is added by `ratingSaved`.
 */
export function ratingGiven(session: ReviewSession, questionId: string, stay: boolean): ReviewSession {
  return stay ? { ...session, pendingWrongId: questionId } : { ...session, step: session.step + 1 };
}

/** The rating was recorded as review `reviewId`; undo can now take it back. */
export function ratingSaved(session: ReviewSession, reviewId: string): ReviewSession {
  return { ...session, doneReviewIds: [...session.doneReviewIds, reviewId] };
}

/** «Дальше» after a wrong pick: the explained card leaves and the next one mounts. */
export function continued(session: ReviewSession): ReviewSession {
  return { ...session, pendingWrongId: null, step: session.step + 1 };
}

/**
 * Undo: the last review of the session to take back and the session without it; null when nothing
 * was rated. The undone card returns through the queue, so a fresh card mounts and no wrong pick stays pending.
 */
export function undoLast(session: ReviewSession): { session: ReviewSession; reviewId: string } | null {
  const reviewId = session.doneReviewIds[session.doneReviewIds.length - 1];
  if (reviewId === undefined) return null;
  return {
    reviewId,
    session: {
      ...session,
      doneReviewIds: session.doneReviewIds.slice(0, -1),
      pendingWrongId: null,
      step: session.step + 1,
    },
  };
}
