import '../domain/tz-moscow';
import ICAL from 'ical.js';
import { afterEach, describe, expect, test } from 'vitest';
import {
  buildReminderIcs,
  defaultReminderPlan,
  newEventUid,
  parseReminderForm,
  REMINDER_ERRORS,
  REMINDER_SUMMARY,
  tomorrowDateValue,
  type ReminderPlan,
} from '../../src/trainers/reminder';

const valid = { time: '09:30', date: '2026-03-02', days: '30' };

describe('parseReminderForm', () => {
  test('accepts the defaults and reads every field', () => {
    expect(parseReminderForm(valid)).toEqual({
      ok: true,
      plan: { year: 2026, month: 3, day: 2, hour: 9, minute: 30, days: 30 },
    });
  });

  test('accepts seconds from a time input with a step, and the bounds 1 and 365', () => {
    expect(parseReminderForm({ ...valid, time: '07:05:00' }).ok).toBe(true);
    expect(parseReminderForm({ ...valid, days: '1' }).ok).toBe(true);
    expect(parseReminderForm({ ...valid, days: '365' }).ok).toBe(true);
  });

  test.each(['0', '366', '-3', '2.5', '1e2', '', 'десять'])('refuses %j days with a Russian message', (days) => {
    expect(parseReminderForm({ ...valid, days })).toEqual({ ok: false, field: 'days', message: REMINDER_ERRORS.days });
  });

  test.each(['', '24:00', '9:30', '09:60', 'утром'])('refuses the time %j', (time) => {
    expect(parseReminderForm({ ...valid, time })).toMatchObject({ ok: false, field: 'time' });
  });

  test.each(['', '2026-02-29', '2026-04-31', '2026-13-01', '02.03.2026', '1999-12-31'])(
    'refuses the date %j',
    (date) => {
      expect(parseReminderForm({ ...valid, date })).toMatchObject({ ok: false, field: 'date' });
    },
  );

  test('accepts 29 February in a leap year', () => {
    expect(parseReminderForm({ ...valid, date: '2028-02-29' }).ok).toBe(true);
  });

  test('messages are in Russian and say what to enter', () => {
    expect(REMINDER_ERRORS).toMatchInlineSnapshot(`
      {
        "date": "Укажите дату первого напоминания, например 2026-03-02.",
        "days": "Число дней — целое число от 1 до 365.",
        "time": "Укажите время в формате ЧЧ:ММ, например 09:30.",
      }
    `);
  });
});

describe('local times', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  test('tomorrow is the next local calendar day, across a month and a year end', () => {
    expect(tomorrowDateValue(Date.UTC(2026, 0, 31, 12))).toBe('2026-02-01');
    // 22:30 UTC on 31 December is already 1 January in Moscow.
    expect(tomorrowDateValue(Date.UTC(2025, 11, 31, 22, 30))).toBe('2026-01-02');
  });

  test('the default plan starts tomorrow at 09:30 local time and lasts 30 days', () => {
    // 22:30 UTC on 1 March is already 2 March in Moscow, so tomorrow is the 3rd.
    expect(defaultReminderPlan(Date.UTC(2026, 2, 1, 22, 30))).toEqual({
      year: 2026,
      month: 3,
      day: 3,
      hour: 9,
      minute: 30,
      days: 30,
    });
  });

  test('a series across the March clock change in Berlin stays at 09:30 on the local clock', () => {
    process.env.TZ = 'Europe/Berlin';
    const plan: ReminderPlan = { year: 2026, month: 3, day: 25, hour: 9, minute: 30, days: 10 };
    const ics = buildReminderIcs(plan, {
      reviewUrl: 'https://x.test/review/',
      courseName: 'Курс',
      uid: 'a@x.test',
      nowMs: 0,
    });
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const iterator = new ICAL.Event(vevent).iterator();
    const localTimes = new Set<string>();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const start = next.toJSDate();
      localTimes.add(`${start.getHours()}:${start.getMinutes()}`);
    }
    // Clocks go forward on 29 March; a UTC time would have moved to 10:30 from then on.
    expect([...localTimes]).toEqual(['9:30']);
  });
});

describe('buildReminderIcs', () => {
  const plan: ReminderPlan = { year: 2026, month: 3, day: 2, hour: 9, minute: 30, days: 10 };
  const context = {
    reviewUrl: 'https://course.example.org/review/',
    courseName: 'Маркетинг и продажи: семь ошибок',
    uid: 'abc@course.example.org',
    nowMs: Date.UTC(2026, 2, 1, 15, 4, 5),
  };
  const ics = buildReminderIcs(plan, context);
  const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);

  test('is a daily five-minute event at the chosen local time, repeated the chosen number of days', () => {
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 400; next = iterator.next()) starts.push(next.toString());
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe('2026-03-02T09:30:00');
    expect(starts.at(-1)).toBe('2026-03-11T09:30:00');
    expect(event.duration.toSeconds()).toBe(300);
  });

  test('writes floating local times: every learner is reminded at 09:30 on their own clock', () => {
    expect(ics).toContain('\r\nDTSTART:20260302T093000\r\n');
    expect(ics).toContain('\r\nDTEND:20260302T093500\r\n');
    expect(ics).not.toMatch(/DTSTART[;:][^\r]*(Z|TZID)/);
    expect(event.startDate.zone?.tzid).toBe('floating');
  });

  test('has the Russian title, the review link in URL and DESCRIPTION, and a UTC DTSTAMP', () => {
    expect(event.summary).toBe(REMINDER_SUMMARY);
    expect(REMINDER_SUMMARY).toBe('Повторение курса (5 минут)');
    expect(vevent.getFirstPropertyValue('url')).toBe(context.reviewUrl);
    expect(event.description.endsWith(`\n${context.reviewUrl}`)).toBe(true);
    expect(event.description).toContain('«Маркетинг и продажи: семь ошибок»');
    expect(ics).toContain('\r\nDTSTAMP:20260301T150405Z\r\n');
  });

  test('alarms at the start with a display alarm', () => {
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('PT0S');
  });
});

describe('newEventUid', () => {
  test('is unique per call and names the host', () => {
    const a = newEventUid('course.example.org', 0);
    const b = newEventUid('course.example.org', 0);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^0-[0-9a-f]{16}@course\.example\.org$/);
  });
});
