/**
 * The suggested plan by day in the onboarding snippet: lessons in course order, grouped into days
 * of about half an hour (a lunch break), each day at least one lesson.
 */
import { formatCount } from '../i18n/plurals';

/** Most minutes of lessons a day takes on, unless one lesson alone is longer. */
export const DAY_MINUTES = 30;

/** One day of the plan. */
export interface PlanDay<L> {
  /** 1 for the first day. */
  number: number;
  lessons: L[];
  /** The day's lessons' minutes, with their questions. */
  minutes: number;
}

/** Groups consecutive lessons into days: a lesson joins the current day while it stays within `dayMinutes`. */
export function planByDay<L extends { minutes: number }>(
  lessons: readonly L[],
  dayMinutes: number = DAY_MINUTES,
): PlanDay<L>[] {
  const days: PlanDay<L>[] = [];
  for (const lesson of lessons) {
    const day = days.at(-1);
    if (day && day.minutes + lesson.minutes <= dayMinutes) {
      day.lessons.push(lesson);
      day.minutes += lesson.minutes;
    } else {
      days.push({ number: days.length + 1, lessons: [lesson], minutes: lesson.minutes });
    }
  }
  return days;
}

const DAYS = { one: 'день', few: 'дня', many: 'дней' };

/** «4 дня»: how long the plan takes. */
export function formatDays(n: number): string {
  return formatCount(n, DAYS);
}

/** «День 1: уроки 1–2 (≈ 29 мин)», «День 4: урок 7 (≈ 14 мин)», non-breaking spaces around the figure. */
export function planDayTitle(day: PlanDay<{ number: number }>): string {
  const first = day.lessons[0]?.number;
  const last = day.lessons.at(-1)?.number;
  const which = first === last ? `урок ${first}` : `уроки ${first}–${last}`;
  return `День ${day.number}: ${which} (≈\u00a0${day.minutes}\u00a0мин)`;
}
