/**
 * The scheduler: our scheduling rules on the FSRS-6 memory model (fsrs.ts).
 *
 * Learning steps. PRODUCT.md asks that a card rated «Снова» come back once more later in the same
 * session and that every other rating set at least one study day. ts-fsrs' built-in steps do not
 * fit: with steps ['10m'], «Трудно» on a new card would also come back in 15 minutes, and with no
 * steps «Снова» would jump straight to tomorrow. So short-term scheduling stays on
 * (`enable_short_term`, which also lets FSRS-6 model same-day reviews) with exactly one step:
 * «Снова» → 10 minutes (the card is due again within the session, and again after each further
 * «Снова»); «Трудно», «Хорошо», «Легко» → graduate, and FSRS sets an interval of at least one day.
 *
 * Engine. The memory model, the intervals and their fuzz are FSRS-6 (fsrs.ts, which repeats
 * ts-fsrs' formulas); `step` below moves a card between states as ts-fsrs' own scheduler does (its
 * BasicScheduler, with the one step above as its learning-steps strategy).
 * tests/domain/scheduler-reference.test.ts checks that every card equals what ts-fsrs' `fsrs()`,
 * configured that way, gives; after an update of ts-fsrs (see scheduler-version.ts) it says whether
 * ts-fsrs changed in a way fsrs.ts or `step` must follow.
 *
 * Time. FSRS gets study-clock times (see study-day.ts), on which a day interval lands exactly on
 * a later study day and `elapsed_days` counts study days, independent of time zone and DST.
 *
 * Fuzz. As in ts-fsrs, fuzz is drawn from a seed string; ours is question id + repetition + study day, so replay
 * gives the same intervals, and the interval a rating button shows is the one it then sets.
 */
import type { CardPhase, CardState, IntervalPreview } from './card';
import { aleaFirst, forgettingCurve, intervals, nextMemory, type Memory } from './fsrs';
import { hashString } from './hash';
import type { Rating, Review } from './review';
import type { Settings } from './settings';
import { DAY_MS, studyDayOfClock, toStudyClockMs, utcOffsetMinutesAt } from './study-day';

/** Minutes until a card rated «Снова» is due again within the session. */
export const AGAIN_STEP_MINUTES = 10;
/** The longest interval the scheduler sets. */
export const MAXIMUM_INTERVAL_DAYS = 365;
export { SCHEDULER_VERSION } from './scheduler-version';

/** Card types live in card.ts; re-exported so callers of the scheduler need one import. */
export type { CardPhase, CardState, IntervalPreview } from './card';

/** The scheduler for one set of settings. */
export interface Scheduler {
  /** The card after one more review (`card` undefined for the first review of a question). */
  grade(card: CardState | undefined, review: Review): CardState;
  /** The interval each rating would set at `nowMs`; `card` undefined for a question not yet met. */
  preview(questionId: string, card: CardState | undefined, nowMs: number): Record<Rating, IntervalPreview>;
  /** Predicted probability of recall at `nowMs`, 0 to 1. */
  retrievability(card: CardState, nowMs: number): number;
}

/** A card's phase before its first review, and after any review. */
type State = 'new' | CardPhase;

/** A card's FSRS state after one review. */
interface Step extends Memory {
  state: CardPhase;
  /** Whole days to the due day; 0 for the «Снова» step. */
  scheduledDays: number;
}

/**
 * The fuzz seed (ts-fsrs' seed strategy had it so, and replay must give the same intervals).
 * `reps` counts this review.
 */
const fuzzSeed = (questionKey: string, reps: number, studyClockMs: number): string =>
  `${questionKey}.${reps.toString(36)}.${studyDayOfClock(studyClockMs).toString(36)}`;

/** Creates the scheduler: FSRS-6 defaults, desired retention from settings, fuzz on, at most 365 days. */
export function createScheduler(settings: Pick<Settings, 'desiredRetention' | 'dayStartHour'>): Scheduler {
  const interval = intervals(settings.desiredRetention, MAXIMUM_INTERVAL_DAYS);
  /** Each question's part of its fuzz seed, remembered: a replay grades each question many times. */
  const questionKeys = new Map<string, string>();
  const questionKey = (questionId: string): string => {
    let key = questionKeys.get(questionId);
    if (key === undefined) questionKeys.set(questionId, (key = hashString(questionId).toString(36)));
    return key;
  };

  /**
   * One review in ts-fsrs' BasicScheduler terms: `state` is the card's state before it, with the
   * FSRS memory of `card` (none for a new card), `elapsedDays` days after its last review; `fuzz`
   * is this review's draw.
   */
  function step(state: State, card: CardState | undefined, elapsedDays: number, rating: Rating, fuzz: number): Step {
    const memory: Memory = card ?? { difficulty: 0, stability: 0 };
    // The recall probability is the same for every rating: computed once.
    const r = card ? forgettingCurve(elapsedDays, card.stability) : 0;
    const after = (grade: Rating) => nextMemory(memory, elapsedDays, grade, r);
    const days = (next: Memory) => interval(next.stability, elapsedDays, fuzz);
    if (rating === 1) {
      // The one learning step: a new card starts learning, a lapse from review relearns, a card in
      // its step stays there.
      const to = state === 'new' ? 'learning' : state === 'review' ? 'relearning' : state;
      return { state: to, ...after(1), scheduledDays: 0 };
    }
    const next = after(rating);
    if (state !== 'review') return { state: 'review', ...next, scheduledDays: days(next) };
    // From review, «Трудно» ≤ «Хорошо» < «Легко», each a day above the one before.
    const good = rating === 3 ? next : after(3);
    const hardDays = Math.min(days(rating === 2 ? next : after(2)), days(good));
    const goodDays = Math.max(days(good), hardDays + 1);
    const scheduledDays = rating === 2 ? hardDays : rating === 3 ? goodDays : Math.max(days(next), goodDays + 1);
    return { state: 'review', ...next, scheduledDays };
  }

  function grade(card: CardState | undefined, review: Review): CardState {
    const clock = toStudyClockMs(review.reviewedAt, review.utcOffsetMinutes, review.dayStartHour);
    // A card's reviews never go back in time on the study clock, even if the time zone changed
    // between them; otherwise elapsed days could be negative and recall NaN.
    const at = card ? Math.max(clock, card.lastStudyClockMs) : clock;
    const reviewedAt = card ? Math.max(review.reviewedAt, card.lastReviewedAt) : review.reviewedAt;
    const reps = (card?.reps ?? 0) + 1;
    const fuzz = aleaFirst(fuzzSeed(questionKey(card ? card.questionId : review.questionId), reps, at));
    const elapsedDays = card ? studyDayOfClock(at) - studyDayOfClock(card.lastStudyClockMs) : 0;
    const next = step(card ? card.phase : 'new', card, elapsedDays, review.rating, fuzz);
    // ts-fsrs keeps «Легко» one day above «Хорошо», which can reach 366 when «Хорошо» hits the
    // maximum; the product promises at most 365 days.
    const scheduledDays = Math.min(next.scheduledDays, MAXIMUM_INTERVAL_DAYS);
    const lapse = card?.phase === 'review' && review.rating === 1;
    return {
      questionId: review.questionId,
      phase: next.state,
      stability: next.stability,
      difficulty: next.difficulty,
      reps,
      lapses: (card?.lapses ?? 0) + (lapse ? 1 : 0),
      scheduledDays,
      // The one step is step 0, and graduating resets it to 0, as in ts-fsrs.
      learningStep: 0,
      lastReviewedAt: reviewedAt,
      lastStudyClockMs: at,
      dueStudyClockMs: next.state === 'review' ? at + scheduledDays * DAY_MS : at + AGAIN_STEP_MINUTES * 60_000,
      firstStudyDay: card ? card.firstStudyDay : studyDayOfClock(at),
    };
  }

  function preview(questionId: string, card: CardState | undefined, nowMs: number): Record<Rating, IntervalPreview> {
    const outcome = (rating: Rating): IntervalPreview => {
      const review: Review = {
        id: 'preview',
        questionId,
        rating,
        reviewedAt: Math.round(nowMs),
        utcOffsetMinutes: utcOffsetMinutesAt(nowMs),
        dayStartHour: settings.dayStartHour,
      };
      const next = grade(card, review);
      const shortTerm = next.phase !== 'review';
      return {
        intervalMs: Math.max(0, next.dueStudyClockMs - next.lastStudyClockMs),
        intervalDays: Math.max(0, studyDayOfClock(next.dueStudyClockMs) - studyDayOfClock(next.lastStudyClockMs)),
        shortTerm,
      };
    };
    return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
  }

  function retrievability(card: CardState, nowMs: number): number {
    const elapsedDays = Math.max(0, nowMs - card.lastReviewedAt) / DAY_MS;
    const r = forgettingCurve(elapsedDays, card.stability);
    return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  }

  return { grade, preview, retrievability };
}
