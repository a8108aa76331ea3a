/** Card state types shared by the scheduler, the log and the queue (FSRS terms stay in scheduler.ts and fsrs.ts). */

/** Where a card is: a short-term step within the session, or a day interval. */
export type CardPhase = 'learning' | 'review' | 'relearning';

/**
 * A card's state, derived from its reviews. Plain numbers and strings (structured-clone and JSON
 * safe) and independent of the time zone of the machine that computed it.
 */
export interface CardState {
  questionId: string;
  /** 'learning' and 'relearning' are short-term steps (after «Снова»); 'review' is a day interval. */
  phase: CardPhase;
  /** FSRS stability in days: the interval at which recall probability falls to 90%. */
  stability: number;
  /** FSRS difficulty, 1 to 10. */
  difficulty: number;
  /** Number of reviews. */
  reps: number;
  /** Times rated «Снова» after graduating. */
  lapses: number;
  /** Whole study days from the last review to the due day; 0 during a short-term step. */
  scheduledDays: number;
  /** The (re)learning step index, as ts-fsrs counts it (always 0 with our one step). */
  learningStep: number;
  /** Last review, epoch ms (after clamping so a card's reviews never go back in time). */
  lastReviewedAt: number;
  /** Last review on the study clock. */
  lastStudyClockMs: number;
  /** Due moment on the study clock; its study day is `Math.floor(dueStudyClockMs / DAY_MS)`. */
  dueStudyClockMs: number;
  /** Study day of the first review: the day the question entered the deck. */
  firstStudyDay: number;
}

/** What rating a card would set, for a rating button label. */
export interface IntervalPreview {
  /** Time until due, ms (10 minutes for «Снова», whole days otherwise). */
  intervalMs: number;
  /** Study days until the due day; 0 when the card comes back within this study day. */
  intervalDays: number;
  /** True when the card comes back within the session (a short-term step). */
  shortTerm: boolean;
}
