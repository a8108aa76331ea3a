/**
 * The due rule: when a card is due, and whether it is due on a study day. Kept apart from the queue
 * (queue.ts), which only the review and home pages build: a lesson needs no more than this.
 */
import type { CardState } from './card';
import type { Settings } from './settings';
import { studyDayOfClock, studyDayStartMs } from './study-day';

/** Study day on which a card is due (a short-term step may run into the next one). */
export function dueStudyDay(card: CardState): number {
  return studyDayOfClock(card.dueStudyClockMs);
}

/**
 * When a card becomes due, epoch ms. A short-term step is due a few minutes after its review; a
 * day interval is due from the start of its study day, in the current time zone.
 */
export function cardDueAt(card: CardState, settings: Pick<Settings, 'dayStartHour'>): number {
  if (card.phase !== 'review') return card.lastReviewedAt + Math.max(0, card.dueStudyClockMs - card.lastStudyClockMs);
  return studyDayStartMs(dueStudyDay(card), settings.dayStartHour);
}

/**
 * The due rule: a card is due on `studyDay` (today, for "due today") when its due study day is that
 * day or earlier. The queue's `due` list holds exactly the course's cards for which this holds, so
 * its length is the due count.
 */
export function isDueOn(card: CardState, studyDay: number): boolean {
  return dueStudyDay(card) <= studyDay;
}
