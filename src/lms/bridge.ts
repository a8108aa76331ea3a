/**
 * LMS reporting, one more use-case of the page's runtime, loaded only in the LMS build and only
 * inside the package's launch page (host.ts). On load it merges the learner's state from the
 * LMS's `suspend_data` into the local store, as a backup import does, with every undone review
 * and every reset honoured on both sides; then after every change it reports to the LMS:
 * completion (every question of the course answered once), the final check's best score, the
 * learner's state for `suspend_data`, and each answer given on this page (lessons and the final
 * check, not the daily review, which grows without bound) as an interaction.
 */
import type { Review } from '../domain/review';
import type { Runtime, RuntimeState } from '../runtime/runtime';
import { bestAndLatest } from '../domain/final-check';
import { displayName, type LmsHost } from './host';
import type { Interaction, Standing } from './scorm';
import { decodeLmsState, encodeLmsState } from './suspend';

/** What the bridge needs from the page. */
export interface BridgeOptions {
  /** Whether answers given on this page are reported as interactions (lessons, the final check). */
  reportsAnswers: boolean;
}

/** Every review in the deck, by id. */
function reviewsById(state: RuntimeState): Map<string, Review> {
  const byId = new Map<string, Review>();
  for (const reviews of state.deck.reviewsByQuestion.values())
    for (const review of reviews) byId.set(review.id, review);
  return byId;
}

/** Connects the page's runtime to the LMS; returns a function that reports at once and disconnects (the page is leaving). */
export async function connectLms(runtime: Runtime, host: LmsHost, options: BridgeOptions): Promise<() => void> {
  await runtime.load();
  // Reviews travel in suspend_data and undone ones are taken back: the whole log is needed.
  await runtime.loadLog();
  const courseQuestions = host.course.questions.map((q) => q.id);
  const remote = decodeLmsState(host.suspendData, courseQuestions);
  const remoteUndone = new Set(remote?.undone ?? []);
  // A review undone on another computer is taken back here too, if this browser holds it.
  const held = reviewsById(runtime.getState());
  for (const id of remoteUndone) if (held.has(id)) await runtime.undo(id);
  if (remote) {
    // A merge nobody chose: passing the present as the file's date makes every local reset count.
    await runtime.importReviews(remote.reviews, {
      exportedAt: new Date(runtime.now()).toISOString(),
      undone: remote.undone,
      resetAt: remote.resetAt,
      openedLessons: remote.openedLessons,
      finalChecks: remote.finalChecks,
    });
  }

  // Inside an LMS the certificate carries the name the LMS knows the learner by.
  const lmsName = displayName(host.learnerName);
  if (lmsName && runtime.getState().learnerName !== lmsName) await runtime.saveLearnerName(lmsName);

  const questions = new Map(host.course.questions.map((q) => [q.id, q]));
  const seen = new Set(reviewsById(runtime.getState()).keys());
  /**
   * The review last reported for each question. A new review whose question's reported review was
   * undone is a re-rating of the same answer («Легко» instead of «Хорошо»), not a new interaction.
   */
  const reported = new Map<string, string>();
  let lastStanding = '';
  let lastSuspend = host.suspendData;

  const report = () => {
    const state = runtime.getState();
    if (!state.checked) return;
    const interactions: Interaction[] = [];
    const byId = reviewsById(state);
    for (const [id, review] of byId) {
      if (seen.has(id)) continue;
      seen.add(id);
      const question = questions.get(review.questionId);
      if (!options.reportsAnswers || !question) continue;
      const before = reported.get(question.id);
      reported.set(question.id, id);
      if (before !== undefined && !byId.has(before)) continue;
      interactions.push({
        id: question.id,
        kind: question.type === 'recall' ? 'recall' : 'choice',
        correct: review.rating !== 1,
        atMs: review.reviewedAt,
      });
    }
    const best = bestAndLatest(state.finalChecks)?.best;
    const standing: Standing = {
      completed: host.course.questions.every((q) => state.deck.cards.has(q.id)),
      bestScore: best ? best.score / best.total : null,
      passingScore: host.passingScore,
    };
    const backup = runtime.backup();
    const { data, droppedReviews } = encodeLmsState(
      {
        writtenAt: runtime.now(),
        reviews: backup.reviews,
        undone: [...new Set([...remoteUndone, ...backup.undone])],
        resetAt: backup.resetAt,
        openedLessons: backup.openedLessons ?? {},
        finalChecks: [...state.finalChecks],
      },
      host.suspendLimit,
      courseQuestions,
    );
    const standingKey = JSON.stringify(standing);
    // The write time changes on every call: compare the state without it.
    const suspendChanged = data.replace(/"t":\d+/, '') !== lastSuspend.replace(/"t":\d+/, '');
    if (!interactions.length && standingKey === lastStanding && !suspendChanged) return;
    lastStanding = standingKey;
    lastSuspend = data;
    host.report({ standing, interactions, ...(suspendChanged ? { suspendData: data, droppedReviews } : {}) });
  };

  // A rating changes the state several times in a row: report once, after the last of them.
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = runtime.subscribe(() => {
    clearTimeout(scheduled);
    scheduled = setTimeout(report, 0);
  });
  const flush = () => {
    clearTimeout(scheduled);
    report();
  };
  const unregister = host.beforeEnd(flush);
  report();
  return () => {
    flush();
    unsubscribe();
    unregister();
  };
}
