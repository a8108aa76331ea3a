/**
 * The review queue: a pure function of the cards, the course's questions, the settings and `nowMs`.
 * When a card is due is the due rule's (due.ts), which lessons use without the queue.
 */
import type { CardState } from './card';
import { cardDueAt, dueStudyDay, isDueOn } from './due';
import type { Settings } from './settings';
import { studyDayAt, studyDayStartMs } from './study-day';

/** A question of the course, as the queue needs it. */
export interface QuestionRef {
  id: string;
  lessonSlug: string;
}

/** A card to review. */
export interface QueueItem {
  questionId: string;
  lessonSlug: string;
  /**
   * Days since the last review per day of stability. Predicted recall falls as this grows (FSRS's
   * forgetting curve is a function of it, the same for every card under one set of parameters), so
   * ordering by it is ordering by recall, without loading the scheduler.
   */
  forgetting: number;
  /** When the card is (or was) due, epoch ms. */
  dueAt: number;
  /** True for a card rated «Снова» earlier in the session and not yet due again. */
  later: boolean;
}

/** What the review page shows. */
export interface Queue {
  /** Cards in the deck due in the current study day, in the order to review them; its length is the due count (`data-due-count`). */
  due: QueueItem[];
  /** Questions never answered, in course order, at most as many as may still be started today. */
  newQuestions: QuestionRef[];
  /** How many new questions may still be started today (new per day minus those started today). */
  newLeftToday: number;
  /** When the next card not due today becomes due, epoch ms; null when there is none. */
  nextDueAt: number | null;
}

/** What `buildQueue` needs. */
export interface QueueInput {
  cards: ReadonlyMap<string, CardState>;
  /** The course's questions in course order. Cards of other ids are kept but never queued. */
  questions: readonly QuestionRef[];
  nowMs: number;
  settings: Settings;
  /** Only this lesson's cards and new questions (the `?lesson=` review link). */
  lessonSlug?: string | undefined;
  /** Lessons the learner has opened: new questions come only from these (all lessons when absent). */
  openedLessons?: { has(slug: string): boolean } | undefined;
}

/** See `QueueItem.forgetting`; a card without a positive stability counts as forgotten. */
function forgettingOf(card: CardState, nowMs: number): number {
  const elapsedDays = Math.max(0, nowMs - card.lastReviewedAt) / 86_400_000;
  return card.stability > 0 ? elapsedDays / card.stability : Number.POSITIVE_INFINITY;
}

/**
 * Orders cards lowest predicted recall first while interleaving lessons: each next card is the
 * lowest-recall one from a lesson other than the previous card's, unless only that lesson is left.
 */
function interleave(items: readonly QueueItem[]): QueueItem[] {
  const byLesson = new Map<string, QueueItem[]>();
  const sorted = [...items].sort((a, b) => b.forgetting - a.forgetting || (a.questionId < b.questionId ? -1 : 1));
  for (const item of sorted) {
    const list = byLesson.get(item.lessonSlug);
    if (list) list.push(item);
    else byLesson.set(item.lessonSlug, [item]);
  }
  const taken = new Map<string, number>();
  const ordered: QueueItem[] = [];
  let previousLesson: string | undefined;
  while (byLesson.size > 0) {
    let pick: QueueItem | undefined;
    for (const [lesson, list] of byLesson) {
      const head = list[taken.get(lesson) ?? 0];
      if (!head || (lesson === previousLesson && byLesson.size > 1)) continue;
      if (!pick || head.forgetting > pick.forgetting) pick = head;
    }
    if (!pick) break;
    ordered.push(pick);
    const count = (taken.get(pick.lessonSlug) ?? 0) + 1;
    taken.set(pick.lessonSlug, count);
    if (count >= (byLesson.get(pick.lessonSlug)?.length ?? 0)) byLesson.delete(pick.lessonSlug);
    previousLesson = pick.lessonSlug;
  }
  return ordered;
}

/**
 * Builds the queue: cards due in the current study day (ready ones by lowest recall, lessons
 * interleaved; cards still in their «Снова» step at the end, soonest first), then the questions
 * not yet met that may be started today.
 */
export function buildQueue(input: QueueInput): Queue {
  const { cards, questions, nowMs, settings, lessonSlug, openedLessons } = input;
  const today = studyDayAt(nowMs, settings.dayStartHour);
  const dayStarts = new Map<number, number>();
  const dueAtOf = (card: CardState): number => {
    if (card.phase !== 'review') return cardDueAt(card, settings);
    const day = dueStudyDay(card);
    let start = dayStarts.get(day);
    if (start === undefined) dayStarts.set(day, (start = studyDayStartMs(day, settings.dayStartHour)));
    return start;
  };
  const ready: QueueItem[] = [];
  const later: QueueItem[] = [];
  const newQuestions: QuestionRef[] = [];
  let startedToday = 0;
  let nextDueAt = Number.POSITIVE_INFINITY;
  let nextReviewDay = Number.POSITIVE_INFINITY;
  // Counted over the course's questions, so a retired id and the questions replacing it do not
  // use up today's new questions twice (or more, after a split).
  for (const question of questions) if (cards.get(question.id)?.firstStudyDay === today) startedToday++;
  const newLeftToday = Math.max(0, settings.newPerDay - startedToday);
  for (const question of questions) {
    if (lessonSlug !== undefined && question.lessonSlug !== lessonSlug) continue;
    const card = cards.get(question.id);
    if (!card) {
      const opened = !openedLessons || openedLessons.has(question.lessonSlug);
      if (opened && newQuestions.length < newLeftToday) newQuestions.push(question);
      continue;
    }
    if (!isDueOn(card, today)) {
      // Day intervals are due at the start of their day, so only the earliest day needs a date.
      if (card.phase === 'review') nextReviewDay = Math.min(nextReviewDay, dueStudyDay(card));
      else nextDueAt = Math.min(nextDueAt, cardDueAt(card, settings));
      continue;
    }
    const dueAt = dueAtOf(card);
    const item = {
      questionId: question.id,
      lessonSlug: question.lessonSlug,
      forgetting: forgettingOf(card, nowMs),
      dueAt,
      later: dueAt > nowMs && card.phase !== 'review',
    };
    (item.later ? later : ready).push(item);
  }
  if (Number.isFinite(nextReviewDay))
    nextDueAt = Math.min(nextDueAt, studyDayStartMs(nextReviewDay, settings.dayStartHour));
  later.sort((a, b) => a.dueAt - b.dueAt);
  return {
    due: [...interleave(ready), ...later],
    newQuestions,
    newLeftToday,
    nextDueAt: Number.isFinite(nextDueAt) ? nextDueAt : null,
  };
}
