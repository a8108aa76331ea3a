import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import {
  buildDailyEventIcs,
  CRLF,
  escapeText,
  foldLine,
  addLocalMinutes,
  formatFloatingDateTime,
  formatUtcDateTime,
  MAX_LINE_OCTETS,
  unfold,
  type DailyEvent,
} from '../../src/trainers/ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event: DailyEvent = {
  uid: 'test-1@course.example.org',
  stampMs: Date.UTC(2026, 2, 1, 12, 0, 0),
  firstStart: { year: 2026, month: 3, day: 2, hour: 9, minute: 30 },
  durationMinutes: 5,
  count: 10,
  alarmMinutesBefore: 0,
  summary: 'Повторение курса (5 минут)',
  description: 'Откройте ссылку, ответьте на карточки; потом — отдых.\nВторая строка с \\ обратной чертой.',
  url: 'https://course.example.org/review/',
  alarmText: 'Пора повторить курс',
};

/** Parses with ical.js, the parser Thunderbird uses, and returns the single event. */
function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** Every occurrence's start as ical.js writes a local time (`2026-03-02T09:30:00`), up to a safety limit. */
function localStarts(e: InstanceType<typeof ICAL.Event>): string[] {
  const found: string[] = [];
  const iterator = e.iterator();
  for (let next = iterator.next(); next && found.length < 1000; next = iterator.next()) found.push(next.toString());
  return found;
}

/** Every occurrence's start as a JS Date, stopping at a safety limit. */
function occurrences(e: InstanceType<typeof ICAL.Event>): Date[] {
  const found: Date[] = [];
  const iterator = e.iterator();
  for (let next = iterator.next(); next && found.length < 1000; next = iterator.next()) {
    found.push(next.toJSDate());
  }
  return found;
}

describe('escapeText', () => {
  test('escapes backslash, semicolon, comma and line breaks as RFC 5545 TEXT requires', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  test('leaves colons and Cyrillic alone', () => {
    expect(escapeText('Ссылка: https://x/')).toBe('Ссылка: https://x/');
  });
});

describe('foldLine', () => {
  test('leaves a line of exactly 75 octets whole', () => {
    const line = 'X'.repeat(MAX_LINE_OCTETS);
    expect(foldLine(line)).toBe(line);
  });

  test('folds long ASCII lines into physical lines of at most 75 octets that unfold back', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split(CRLF);
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(physical[0]).toHaveLength(MAX_LINE_OCTETS);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  test('never splits a Cyrillic letter or an emoji across lines', () => {
    // "S" shifts the two-octet letters off the even boundary, so a naive split would cut one.
    const line = `SUMMARY:S${'Повторение'.repeat(20)}🙂🙂🙂${'ё'.repeat(40)}`;
    const folded = foldLine(line);
    for (const p of folded.split(CRLF)) {
      expect(octets(p)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      // A split multi-byte character would not survive a round trip through UTF-8.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('formatUtcDateTime', () => {
  test('writes an instant as an RFC 5545 UTC date-time', () => {
    expect(formatUtcDateTime(Date.UTC(2026, 2, 2, 6, 30, 5, 999))).toBe('20260302T063005Z');
  });
});

describe('local date-times', () => {
  test('a wall-clock time is written as a floating date-time, with no Z and no zone', () => {
    expect(formatFloatingDateTime({ year: 2026, month: 12, day: 2, hour: 9, minute: 0 })).toBe('20261202T090000');
  });

  test('adding minutes crosses midnight, a month end and a year end on the same wall clock', () => {
    expect(addLocalMinutes({ year: 2026, month: 12, day: 31, hour: 23, minute: 58 }, 5)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 3,
    });
  });
});

describe('buildDailyEventIcs', () => {
  const ics = buildDailyEventIcs(event);

  test('ends every line with CRLF and has no bare LF or CR', () => {
    expect(ics.endsWith(CRLF)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('keeps every physical line within 75 octets', () => {
    for (const line of ics.split(CRLF)) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
  });

  test('has the calendar properties calendars expect', () => {
    const lines = unfold(ics).split(CRLF);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      expect.stringMatching(/^PRODID:-\/\/.+\/\/.+\/\/RU$/),
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('DTSTAMP:20260301T120000Z');
    expect(lines).toContain('DTSTART:20260302T093000');
    expect(lines).toContain('DTEND:20260302T093500');
    expect(lines).toContain('RRULE:FREQ=DAILY;COUNT=10');
    expect(lines).toContain('URL:https://course.example.org/review/');
  });

  test('parses with ical.js into a daily event at the same local time, the chosen number of times', () => {
    const { event: parsed } = parseEvent(ics);
    expect(parsed.uid).toBe(event.uid);
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.description).toBe(event.description);
    expect(parsed.isRecurring()).toBe(true);
    // Floating: no zone of its own, so each calendar reads it in the zone it is in.
    expect(parsed.startDate.zone?.tzid).toBe('floating');
    const starts = localStarts(parsed);
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe('2026-03-02T09:30:00');
    expect(starts[9]).toBe('2026-03-11T09:30:00');
  });

  test('one occurrence and 365 occurrences both parse to exactly that many', () => {
    for (const count of [1, 365]) {
      expect(occurrences(parseEvent(buildDailyEventIcs({ ...event, count })).event)).toHaveLength(count);
    }
  });

  test('carries a display alarm at the start, or minutes before it', () => {
    const { vevent } = parseEvent(ics);
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm?.getFirstPropertyValue('description')).toBe(event.alarmText);
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('PT0S');
    const early = parseEvent(buildDailyEventIcs({ ...event, alarmMinutesBefore: 5 })).vevent;
    expect(String(early.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe('-PT5M');
  });

  test('round-trips escaped punctuation and Cyrillic in a description long enough to fold', () => {
    const description = `${'Пять минут, каждый день; без пропусков. '.repeat(5)}\\ конец`;
    const { event: parsed } = parseEvent(buildDailyEventIcs({ ...event, description }));
    expect(parsed.description).toBe(description);
  });
});
