/**
 * A small iCalendar (RFC 5545) writer for one recurring event. No DOM and no clock: the caller
 * passes every time, so the output is a pure function of its input.
 *
 * The event's times are floating local times (`DTSTART:20261202T090000`, no `Z` and no `TZID`,
 * RFC 5545 section 3.3.5): each calendar reads them in its own time zone. One file that a trainer
 * sends to a team spread from Kaliningrad to Vladivostok then reminds everyone at nine in their
 * own morning, and a daily series keeps its local time across a clock change. A UTC time would
 * put the reminder at a different hour in each zone; a `TZID` would need a `VTIMEZONE` for one
 * zone, which is the same problem. Only `DTSTAMP` is an instant, and RFC 5545 wants it in UTC.
 */

/** The line break RFC 5545 requires after every content line (section 3.1). */
export const CRLF = '\r\n';

/** Longest content line in octets, not counting the CRLF (RFC 5545, section 3.1). */
export const MAX_LINE_OCTETS = 75;

/** A daily event repeated `count` times, with a display alarm. */
export interface DailyEvent {
  /** Globally unique id of the event; a fresh one per file, so re-importing never collides. */
  uid: string;
  /** When the file was made, epoch ms; written as `DTSTAMP` in UTC. */
  stampMs: number;
  /** The first occurrence's start, a local wall-clock time (floating: each calendar's own zone). */
  firstStart: LocalDateTime;
  /** Length of each occurrence in minutes. */
  durationMinutes: number;
  /** How many daily occurrences (`RRULE:FREQ=DAILY;COUNT=n`). */
  count: number;
  /** Minutes before the start at which the alarm fires; 0 fires at the start. */
  alarmMinutesBefore: number;
  summary: string;
  description: string;
  /** An absolute URL, written as the event's `URL` property. */
  url: string;
  /** Text the alarm shows. */
  alarmText: string;
}

/** A date and time on a wall clock, in no particular time zone. */
export interface LocalDateTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Who wrote the file, as `PRODID` (RFC 5545, section 3.7.3). */
export const PRODUCT_ID = '-//seven-reasons-course//Trainer kit//RU';

/**
 * Escapes a TEXT value (RFC 5545, section 3.3.11): backslash, semicolon and comma get a
 * backslash; any line break becomes `\n`.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line so that no physical line exceeds 75 octets (RFC 5545, section 3.1): a
 * continuation starts with one space, which counts toward its 75. Splits only between code
 * points, so a Cyrillic letter (2 octets) or an emoji (4) is never cut in half. Returns the
 * physical lines joined by CRLF, without a trailing CRLF.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      lines.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** Undoes `foldLine` over a whole file: removes every CRLF followed by one space or tab. */
export function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** An instant as an RFC 5545 UTC DATE-TIME: `20260302T063000Z`. */
export function formatUtcDateTime(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A local date and time as an RFC 5545 floating DATE-TIME: `20261202T090000`. */
export function formatFloatingDateTime(local: LocalDateTime): string {
  // Date.UTC only does the calendar arithmetic (minutes past midnight, month ends); no zone is read.
  return formatUtcDateTime(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)).replace('Z', '');
}

/** `local` plus `minutes` on the same wall clock, across midnight and month ends. */
export function addLocalMinutes(local: LocalDateTime, minutes: number): LocalDateTime {
  const moved = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute + minutes));
  return {
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    hour: moved.getUTCHours(),
    minute: moved.getUTCMinutes(),
  };
}

/**
 * The whole calendar file: one `VEVENT` repeating daily `count` times, with a `DISPLAY` alarm.
 * Every line is folded and ends with CRLF, the last one included.
 */
export function buildDailyEventIcs(event: DailyEvent): string {
  const end = addLocalMinutes(event.firstStart, event.durationMinutes);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtcDateTime(event.stampMs)}`,
    `DTSTART:${formatFloatingDateTime(event.firstStart)}`,
    `DTEND:${formatFloatingDateTime(end)}`,
    `RRULE:FREQ=DAILY;COUNT=${event.count}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    // URL's value type is URI, not TEXT: it is written as is, without TEXT escaping.
    `URL:${event.url}`,
    // A five-minute review should not mark the learner as busy.
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.alarmText)}`,
    `TRIGGER:${event.alarmMinutesBefore > 0 ? `-PT${event.alarmMinutesBefore}M` : 'PT0M'}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
