/**
 * Study days and the "study clock".
 *
 * A study day runs from `dayStartHour` (04:00 by default) local time to the same hour the next
 * day, so a review at 01:30 still belongs to the evening before. Study day numbers count local
 * calendar days since 1970-01-01: day N is the study day that starts on local date N.
 *
 * The study clock shifts an instant by the local UTC offset and back by the start hour:
 * `studyMs = epochMs + offset - startHour`. On that clock every study day is exactly 24 hours
 * long and starts at a UTC midnight, whatever the time zone or daylight saving time. Each review
 * records its offset and start hour, so replaying the log gives the same result on any machine,
 * in any time zone.
 */

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day in milliseconds (on the study clock every study day has exactly this length). */
export const DAY_MS = 86_400_000;

/** Offsets outside ±14 h do not exist; anything else is treated as UTC. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** The local offset from UTC in minutes at an instant, east positive (Moscow: 180). */
export function utcOffsetMinutesAt(epochMs: number): number {
  // Rounded: historical zones had offsets in seconds, and a review stores whole minutes.
  const offset = Math.round(-new Date(epochMs).getTimezoneOffset());
  return Number.isFinite(offset) && Math.abs(offset) <= MAX_OFFSET_MINUTES ? offset + 0 : 0;
}

/** Converts an instant to the study clock, given the local offset and study-day start hour then. */
export function toStudyClockMs(epochMs: number, utcOffsetMinutes: number, dayStartHour: number): number {
  return epochMs + utcOffsetMinutes * MINUTE_MS - dayStartHour * HOUR_MS;
}

/** The study day number of a study-clock time. */
export function studyDayOfClock(studyClockMs: number): number {
  return Math.floor(studyClockMs / DAY_MS);
}

/** The study day number an instant falls in, in the current local time zone. */
export function studyDayAt(epochMs: number, dayStartHour: number): number {
  return studyDayOfClock(toStudyClockMs(epochMs, utcOffsetMinutesAt(epochMs), dayStartHour));
}

/**
 * The instant (epoch ms) a study day starts, in the current local time zone. Built from local
 * calendar fields, so it is right across daylight-saving changes; if the start hour does not exist
 * that night, `Date` moves it forward to the first valid local time.
 */
export function studyDayStartMs(studyDay: number, dayStartHour: number): number {
  const date = new Date(studyDay * DAY_MS);
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), dayStartHour).getTime();
}

/** The instant the next study day starts: anything due before it is due today. */
export function nextStudyDayStartMs(nowMs: number, dayStartHour: number): number {
  return studyDayStartMs(studyDayAt(nowMs, dayStartHour) + 1, dayStartHour);
}

/** A study day as an ISO date string, `YYYY-MM-DD` (handy as a key for charts and file names). */
export function studyDayIso(studyDay: number): string {
  return new Date(studyDay * DAY_MS).toISOString().slice(0, 10);
}
