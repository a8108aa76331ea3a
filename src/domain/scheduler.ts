/**
 * The scheduler: the only module that imports ts-fsrs (FSRS-6).
 *
 * Learning steps. PRODUCT.md asks that a card rated «Снова» come back once more later in the same
 * session and that every other rating set at least one study day. ts-fsrs' built-in steps do not
 * fit: with steps ['10m'], «Трудно» on a new card would also come back in 15 minutes, and with no
 * steps «Снова» would jump straight to tomorrow. So short-term scheduling stays on
 * (`enable_short_term`, which also lets FSRS-6 model same-day reviews) and a custom learning-steps
 * strategy keeps exactly one step: «Снова» → 10 minutes (the card is due again within the session,
 * and again after each further «Снова»); «Трудно», «Хорошо», «Легко» → graduate, and FSRS sets an
 * interval of at least one day.
 *
 * Time. ts-fsrs gets study-clock times (see study-day.ts), on which a day interval lands exactly on
 * a later study day and `elapsed_days` counts study days, independent of time zone and DST.
 *
 * Fuzz. ts-fsrs seeds fuzz from a string; ours is question id + repetition + study day, so replay
 * gives the same intervals, and the interval a rating button shows is the one it then sets.
 */
import {
  fsrs,
  generatorParameters,
  createEmptyCard,
  Rating as FsrsRating,
  State,
  StrategyMode,
  type Card,
  type TLearningStepsStrategy,
  type TSeedStrategy,
} from 'ts-fsrs';
import type { CardPhase, CardState, IntervalPreview } from './card';
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

const sameSessionSteps: TLearningStepsStrategy = () => ({
  [FsrsRating.Again]: { scheduled_minutes: AGAIN_STEP_MINUTES, next_step: 0 },
});

/**
 * ts-fsrs calls the seed strategy with the scheduler as `this`; the fields it needs are protected.
 * The seed is kept short because ts-fsrs hashes it character by character several times per review.
 */
const seedFromQuestion: TSeedStrategy = function seed() {
  const current = Reflect.get(this, 'current') as { question_id?: unknown; reps: number };
  const reviewTime = Reflect.get(this, 'review_time') as Date;
  const day = studyDayOfClock(reviewTime.getTime());
  return `${hashString(String(current.question_id)).toString(36)}.${current.reps.toString(36)}.${day.toString(36)}`;
};

const PHASE: Record<State, CardPhase> = {
  [State.New]: 'learning',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE: Record<CardPhase, State> = {
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

function toFsrsCard(card: CardState): Card & { question_id: string } {
  return {
    question_id: card.questionId,
    due: new Date(card.dueStudyClockMs),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningStep,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE[card.phase],
    last_review: new Date(card.lastStudyClockMs),
  };
}

/** Creates the scheduler: FSRS-6 defaults, desired retention from settings, fuzz on, at most 365 days. */
export function createScheduler(settings: Pick<Settings, 'desiredRetention' | 'dayStartHour'>): Scheduler {
  const engine = fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: MAXIMUM_INTERVAL_DAYS,
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: [`${AGAIN_STEP_MINUTES}m`],
      relearning_steps: [`${AGAIN_STEP_MINUTES}m`],
    }),
  )
    .useStrategy(StrategyMode.LEARNING_STEPS, sameSessionSteps)
    .useStrategy(StrategyMode.SEED, seedFromQuestion);

  function grade(card: CardState | undefined, review: Review): CardState {
    const clock = toStudyClockMs(review.reviewedAt, review.utcOffsetMinutes, review.dayStartHour);
    // A card's reviews never go back in time on the study clock, even if the time zone changed
    // between them; otherwise elapsed days could be negative and recall NaN.
    const at = card ? Math.max(clock, card.lastStudyClockMs) : clock;
    const reviewedAt = card ? Math.max(review.reviewedAt, card.lastReviewedAt) : review.reviewedAt;
    const before = card ? toFsrsCard(card) : { ...createEmptyCard(new Date(at)), question_id: review.questionId };
    const next = engine.next(before, new Date(at), review.rating).card;
    // ts-fsrs keeps «Легко» one day above «Хорошо», which can reach 366 when «Хорошо» hits the
    // maximum; the product promises at most 365 days.
    const scheduledDays = Math.min(next.scheduled_days, MAXIMUM_INTERVAL_DAYS);
    const dueStudyClockMs = next.state === State.Review ? at + scheduledDays * DAY_MS : next.due.getTime();
    return {
      questionId: review.questionId,
      phase: PHASE[next.state],
      stability: next.stability,
      difficulty: next.difficulty,
      reps: next.reps,
      lapses: next.lapses,
      scheduledDays,
      learningStep: next.learning_steps,
      lastReviewedAt: reviewedAt,
      lastStudyClockMs: at,
      dueStudyClockMs,
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
    const r = engine.forgetting_curve(elapsedDays, card.stability);
    return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  }

  return { grade, preview, retrievability };
}
