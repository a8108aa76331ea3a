import './tz-moscow';
import fc from 'fast-check';
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating as FsrsRating,
  State,
  StrategyMode,
  type Card,
  type TLearningStepsStrategy,
  type TSeedStrategy,
} from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import type { CardPhase, CardState } from '../../src/domain/card';
import { hashString } from '../../src/domain/hash';
import { compareReviews, groupReviewsByQuestion } from '../../src/domain/review-log';
import type { Review } from '../../src/domain/review';
import { AGAIN_STEP_MINUTES, MAXIMUM_INTERVAL_DAYS, createScheduler } from '../../src/domain/scheduler';
import type { Settings } from '../../src/domain/settings';
import { DAY_MS, studyDayOfClock, toStudyClockMs } from '../../src/domain/study-day';
import { logArb } from './arbitraries';
import { SETTINGS } from './fixtures';

/**
 * The reference: our scheduling rules on ts-fsrs' full `fsrs()` scheduler (its BasicScheduler,
 * with our learning-steps and seed strategies), as scheduler.ts ran them before it drove
 * `FSRSAlgorithm` directly to keep the rest of ts-fsrs out of the page. Whatever scheduler.ts does,
 * it must give exactly these cards.
 */
function referenceGrade(settings: Pick<Settings, 'desiredRetention'>) {
  const steps: TLearningStepsStrategy = () => ({
    [FsrsRating.Again]: { scheduled_minutes: AGAIN_STEP_MINUTES, next_step: 0 },
  });
  const seed: TSeedStrategy = function seed() {
    const current = Reflect.get(this, 'current') as { question_id?: unknown; reps: number };
    const day = studyDayOfClock((Reflect.get(this, 'review_time') as Date).getTime());
    return `${hashString(String(current.question_id)).toString(36)}.${current.reps.toString(36)}.${day.toString(36)}`;
  };
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
    .useStrategy(StrategyMode.LEARNING_STEPS, steps)
    .useStrategy(StrategyMode.SEED, seed);
  const phase: Record<State, CardPhase> = { 0: 'learning', 1: 'learning', 2: 'review', 3: 'relearning' };
  const state: Record<CardPhase, State> = {
    learning: State.Learning,
    review: State.Review,
    relearning: State.Relearning,
  };

  return (card: CardState | undefined, review: Review): CardState => {
    const clock = toStudyClockMs(review.reviewedAt, review.utcOffsetMinutes, review.dayStartHour);
    const at = card ? Math.max(clock, card.lastStudyClockMs) : clock;
    const before: Card & { question_id: string } = card
      ? {
          question_id: card.questionId,
          due: new Date(card.dueStudyClockMs),
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days: 0,
          scheduled_days: card.scheduledDays,
          learning_steps: card.learningStep,
          reps: card.reps,
          lapses: card.lapses,
          state: state[card.phase],
          last_review: new Date(card.lastStudyClockMs),
        }
      : { ...createEmptyCard(new Date(at)), question_id: review.questionId };
    const next = engine.next(before, new Date(at), review.rating).card;
    const scheduledDays = Math.min(next.scheduled_days, MAXIMUM_INTERVAL_DAYS);
    return {
      questionId: review.questionId,
      phase: phase[next.state],
      stability: next.stability,
      difficulty: next.difficulty,
      reps: next.reps,
      lapses: next.lapses,
      scheduledDays,
      learningStep: next.learning_steps,
      lastReviewedAt: card ? Math.max(review.reviewedAt, card.lastReviewedAt) : review.reviewedAt,
      lastStudyClockMs: at,
      dueStudyClockMs: next.state === State.Review ? at + scheduledDays * DAY_MS : next.due.getTime(),
      firstStudyDay: card ? card.firstStudyDay : studyDayOfClock(at),
    };
  };
}

describe('scheduler against ts-fsrs’ full scheduler', () => {
  test('every review of any log gives exactly the card ts-fsrs’ fsrs() gives, at any desired retention', () => {
    fc.assert(
      fc.property(logArb, fc.constantFrom(0.8, 0.9, 0.95, 0.97), (log, desiredRetention) => {
        const settings = { ...SETTINGS, desiredRetention };
        const scheduler = createScheduler(settings);
        const reference = referenceGrade(settings);
        for (const group of groupReviewsByQuestion(log).values()) {
          let card: CardState | undefined;
          let expected: CardState | undefined;
          for (const review of [...group].sort(compareReviews)) {
            card = scheduler.grade(card, review);
            expected = reference(expected, review);
            expect(card).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('long histories (many lapses, intervals up to the maximum) match ts-fsrs’ fsrs() too', () => {
    const ratings = fc.array(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), { maxLength: 40 });
    fc.assert(
      fc.property(ratings, fc.boolean(), (sequence, early) => {
        const scheduler = createScheduler(SETTINGS);
        const reference = referenceGrade(SETTINGS);
        let card: CardState | undefined;
        let expected: CardState | undefined;
        let nowMs = Date.parse('2026-01-05T09:00+03:00');
        for (const [index, rating] of sequence.entries()) {
          const review: Review = {
            id: `r-${index}`,
            questionId: 'q-long',
            rating,
            reviewedAt: nowMs,
            utcOffsetMinutes: 180,
            dayStartHour: 4,
          };
          card = scheduler.grade(card, review);
          expected = reference(expected, review);
          expect(card).toEqual(expected);
          // Next review when due, or (every other time, if `early`) half-way there.
          const waitMs = card.dueStudyClockMs - card.lastStudyClockMs;
          nowMs += early && index % 2 ? Math.round(waitMs / 2) : waitMs;
        }
      }),
      { numRuns: 300 },
    );
  });
});
