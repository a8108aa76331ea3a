/**
 * A small iCalendar (RFC 5545) writer for one recurring event. No DOM and no clock: the caller
 * passes every instant, so the output is a pure function of its input.
 *
 * Times are written in UTC (`DTSTART:20260302T063000Z`). A floating local time would be
 * simplest, but Outlook handles it poorly; a `TZID` needs a `VTIMEZONE` that we would have to
 * derive from the browser (Outlook maps it onto its own rules and is picky about its form). UTC
 * is read the same way by Outlook, Google Calendar and Apple Calendar. The cost: a daily series
 * keeps its UTC time, so where clocks change for daylight saving the local time moves by an hour
 * after the change. `reminder.ts` detects that and the form says so.
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
  /** The first occurrence's start, epoch ms. */
  firstStartMs: number;
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

/**
 * The whole calendar file: one `VEVENT` repeating daily `count` times, with a `DISPLAY` alarm.
 * Every line is folded and ends with CRLF, the last one included.
 */
export function buildDailyEventIcs(event: DailyEvent): string {
  const start = event.firstStartMs;
  const end = start + event.durationMinutes * 60_000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtcDateTime(event.stampMs)}`,
    `DTSTART:${formatUtcDateTime(start)}`,
    `DTEND:${formatUtcDateTime(end)}`,
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
