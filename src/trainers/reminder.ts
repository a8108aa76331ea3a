/**
 * The daily review reminder: reading the form and the texts of the calendar event. The event keeps
 * the chosen date and time as local wall-clock values (see `ics.ts`); `tomorrowDateValue` reads
 * the runtime's time zone (the browser's, or `TZ` in tests); nothing here reads the clock.
 */
import { buildDailyEventIcs, type LocalDateTime } from './ics';

/** The name the downloaded file gets: ASCII, so every browser and mail client keeps it. */
export const REMINDER_FILE_NAME = 'ezhednevnoe-povtorenie.ics';

/** Defaults of the form: a month of reviews at half past nine. */
export const REMINDER_DEFAULTS = { time: '09:30', days: 30 } as const;

/** Fewest and most days a reminder may repeat. */
export const MIN_DAYS = 1;
export const MAX_DAYS = 365;

/** What the form holds, as the inputs give it: strings. */
export interface ReminderFormInput {
  time: string;
  date: string;
  days: string;
}

/** A valid reminder: local calendar date and time of the first review, and how many days. */
export interface ReminderPlan extends LocalDateTime {
  days: number;
}

/** The form's field names, so an error can point at its field. */
export type ReminderField = keyof ReminderFormInput;

/** A parsed form, or the first problem in it with a Russian message. */
export type ReminderParseResult =
  { ok: true; plan: ReminderPlan } | { ok: false; field: ReminderField; message: string };

/** Russian messages for invalid input, in one place for the form and the tests. */
export const REMINDER_ERRORS = {
  time: 'Укажите время в формате ЧЧ:ММ, например 09:30.',
  date: 'Укажите дату первого напоминания, например 2026-03-02.',
  days: `Число дней — целое число от ${MIN_DAYS} до ${MAX_DAYS}.`,
} as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks the form's three fields, in the order they appear on screen. */
export function parseReminderForm(input: ReminderFormInput): ReminderParseResult {
  const time = TIME.exec(input.time.trim());
  if (!time) return { ok: false, field: 'time', message: REMINDER_ERRORS.time };
  const date = DATE.exec(input.date.trim());
  const [year, month, day] = date ? [Number(date[1]), Number(date[2]), Number(date[3])] : [0, 0, 0];
  if (!date || !isCalendarDate(year, month, day)) {
    return { ok: false, field: 'date', message: REMINDER_ERRORS.date };
  }
  const daysText = input.days.trim();
  const days = Number(daysText);
  if (!/^\d+$/.test(daysText) || days < MIN_DAYS || days > MAX_DAYS) {
    return { ok: false, field: 'days', message: REMINDER_ERRORS.days };
  }
  return { ok: true, plan: { year, month, day, hour: Number(time[1]), minute: Number(time[2]), days } };
}

/** True when the date exists (no 31 April, 29 February only in leap years), years 2000–2199. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 2000 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local date of the day after `nowMs`, as an `<input type="date">` value: `2026-03-02`. */
export function tomorrowDateValue(nowMs: number): string {
  const now = new Date(nowMs);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
}

/**
 * The form's defaults as a plan, for the one-click reminder at the end of a lesson: from tomorrow
 * (local date), at the default time, for the default number of days.
 */
export function defaultReminderPlan(nowMs: number): ReminderPlan {
  const parsed = parseReminderForm({
    time: REMINDER_DEFAULTS.time,
    date: tomorrowDateValue(nowMs),
    days: String(REMINDER_DEFAULTS.days),
  });
  // The defaults are valid by construction; a failure here is a bug in this file.
  if (!parsed.ok) throw new Error(`Invalid reminder defaults: ${parsed.message}`);
  return parsed.plan;
}

/** What the reminder file needs besides the plan. */
export interface ReminderContext {
  /** The absolute URL of the review page. */
  reviewUrl: string;
  /** The course name, for the description. */
  courseName: string;
  /** A fresh unique id for the event (`newEventUid`). */
  uid: string;
  /** Now, epoch ms. */
  nowMs: number;
}

/** The text of the event's title, as PRODUCT.md and the trainers' handouts name it. */
export const REMINDER_SUMMARY = 'Повторение курса (5 минут)';

/** The `.ics` file for a plan: a five-minute daily event with an alarm at its start. */
export function buildReminderIcs(plan: ReminderPlan, context: ReminderContext): string {
  return buildDailyEventIcs({
    uid: context.uid,
    stampMs: context.nowMs,
    firstStart: { year: plan.year, month: plan.month, day: plan.day, hour: plan.hour, minute: plan.minute },
    durationMinutes: 5,
    count: plan.days,
    alarmMinutesBefore: 0,
    summary: REMINDER_SUMMARY,
    // The link ends the text, on its own line: punctuation right after it could end up in the
    // link when a calendar app turns the URL into one.
    description:
      `Пять минут на повторение курса «${context.courseName}»: сайт покажет карточки, ` +
      `которые пора вспомнить сегодня.\n\n${context.reviewUrl}`,
    url: context.reviewUrl,
    alarmText: `Пора повторить курс: ${context.reviewUrl}`,
  });
}

/**
 * A fresh event UID (`<time>-<random>@<host>`, RFC 5545 section 3.8.4.7). A new one per file: a
 * calendar that once held an event with the same UID (Google Calendar remembers deleted ones) may
 * silently skip a re-import. `getRandomValues` works outside secure contexts too.
 */
export function newEventUid(host: string, nowMs: number): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${nowMs.toString(36)}-${random}@${host}`;
}
