import './tz-moscow';
import { describe, expect, test } from 'vitest';
import {
  DAY_MS,
  nextStudyDayStartMs,
  studyDayAt,
  studyDayIso,
  studyDayStartMs,
  utcOffsetMinutesAt,
} from '../../src/domain/study-day';
import { at, inTimeZone } from './fixtures';

describe('study days', () => {
  test('a moment at 03:59 belongs to the previous study day and 04:00 starts a new one', () => {
    const before = studyDayAt(at('2026-03-03T03:59:59+03:00'), 4);
    const after = studyDayAt(at('2026-03-03T04:00:00+03:00'), 4);
    expect(studyDayIso(before)).toBe('2026-03-02');
    expect(studyDayIso(after)).toBe('2026-03-03');
  });

  test('in the evening the next study day starts at 04:00 the next morning', () => {
    expect(nextStudyDayStartMs(at('2026-03-02T23:30+03:00'), 4)).toBe(at('2026-03-03T04:00+03:00'));
  });

  test('after midnight but before 04:00 the next study day starts at 04:00 the same morning', () => {
    expect(nextStudyDayStartMs(at('2026-03-03T01:30+03:00'), 4)).toBe(at('2026-03-03T04:00+03:00'));
  });

  test('the start hour setting moves the boundary', () => {
    expect(studyDayIso(studyDayAt(at('2026-03-03T00:30+03:00'), 0))).toBe('2026-03-03');
    expect(studyDayIso(studyDayAt(at('2026-03-03T06:30+03:00'), 7))).toBe('2026-03-02');
  });

  test('the local offset is read from the time zone, east positive', () => {
    expect(utcOffsetMinutesAt(at('2026-03-02T10:00+03:00'))).toBe(180);
  });

  test('an invalid instant gives offset 0, not NaN', () => {
    expect(utcOffsetMinutesAt(Number.NaN)).toBe(0);
  });

  test('a study day over a spring-forward night lasts 23 hours and one over a fall-back night 25 hours', () => {
    inTimeZone('Europe/Berlin', () => {
      const spring = studyDayAt(at('2026-03-28T12:00+01:00'), 4);
      expect((studyDayStartMs(spring + 1, 4) - studyDayStartMs(spring, 4)) / 3_600_000).toBe(23);
      const autumn = studyDayAt(at('2026-10-24T12:00+02:00'), 4);
      expect((studyDayStartMs(autumn + 1, 4) - studyDayStartMs(autumn, 4)) / 3_600_000).toBe(25);
      expect(studyDayStartMs(spring + 1, 4)).toBe(at('2026-03-29T04:00+02:00'));
    });
  });

  test('every instant lies within its own study day, in any time zone', () => {
    for (const zone of ['Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      inTimeZone(zone, () => {
        for (let t = at('2026-03-01T00:00Z'); t < at('2026-04-15T00:00Z'); t += 37 * 60_000) {
          const day = studyDayAt(t, 4);
          expect(studyDayStartMs(day, 4)).toBeLessThanOrEqual(t);
          expect(studyDayStartMs(day + 1, 4)).toBeGreaterThan(t);
        }
      });
    }
  });

  test('study day numbers count days since 1970-01-01', () => {
    expect(studyDayIso(0)).toBe('1970-01-01');
    expect(studyDayIso(Math.floor(at('2026-03-02T12:00Z') / DAY_MS))).toBe('2026-03-02');
  });
});
