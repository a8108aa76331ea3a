import './tz-moscow';
import { describe, expect, test } from 'vitest';
import type { CardState } from '../../src/domain/card';
import type { Rating } from '../../src/domain/review';
import { AGAIN_STEP_MINUTES, MAXIMUM_INTERVAL_DAYS, createScheduler } from '../../src/domain/scheduler';
import { studyDayAt, studyDayOfClock, studyDayStartMs } from '../../src/domain/study-day';
import { DAY, MIN, SETTINGS, at, inTimeZone, review } from './fixtures';

const scheduler = createScheduler(SETTINGS);
const T0 = at('2026-03-02T10:00+03:00');
const dueDay = (card: CardState) => studyDayOfClock(card.dueStudyClockMs);
const reviewDay = (card: CardState) => studyDayOfClock(card.lastStudyClockMs);
const gradeNew = (rating: Rating, questionId = 'q-1') => scheduler.grade(undefined, review(questionId, rating, T0));

/** A card that has been in review for a while: Good on day 0, then Good when due, three times. */
function matureCard(questionId = 'q-1'): CardState {
  let card = gradeNew(3, questionId);
  for (let i = 0; i < 3; i++)
    card = scheduler.grade(card, review(questionId, 3, card.lastReviewedAt + card.scheduledDays * DAY));
  return card;
}

describe('scheduler', () => {
  test('a new card rated «Снова» comes back 10 minutes later, within the same study day', () => {
    const card = gradeNew(1);
    expect(card.phase).toBe('learning');
    expect(card.dueStudyClockMs - card.lastStudyClockMs).toBe(AGAIN_STEP_MINUTES * MIN);
    expect(dueDay(card)).toBe(reviewDay(card));
  });

  test('«Трудно», «Хорошо» and «Легко» on a new card set at least one study day', () => {
    for (const rating of [2, 3, 4] as const) {
      const card = gradeNew(rating);
      expect(card.phase).toBe('review');
      expect(card.scheduledDays).toBeGreaterThanOrEqual(1);
      expect(dueDay(card) - reviewDay(card)).toBe(card.scheduledDays);
    }
  });

  test('a card in its «Снова» step graduates to at least one study day on «Трудно», «Хорошо» or «Легко»', () => {
    const again = gradeNew(1);
    for (const rating of [2, 3, 4] as const) {
      const card = scheduler.grade(again, review('q-1', rating, T0 + 11 * MIN));
      expect(card.phase).toBe('review');
      expect(dueDay(card) - reviewDay(card)).toBeGreaterThanOrEqual(1);
    }
  });

  test('each further «Снова» brings the card back once more in the same session', () => {
    let card = gradeNew(1);
    for (let i = 1; i <= 3; i++) {
      card = scheduler.grade(card, review('q-1', 1, T0 + i * 11 * MIN));
      expect(card.phase).toBe('learning');
      expect(card.dueStudyClockMs - card.lastStudyClockMs).toBe(10 * MIN);
    }
  });

  test('«Снова» on a card in review is a lapse that comes back in 10 minutes, then graduates again', () => {
    const mature = matureCard();
    const lapse = scheduler.grade(mature, review('q-1', 1, mature.lastReviewedAt + mature.scheduledDays * DAY));
    expect(lapse.phase).toBe('relearning');
    expect(lapse.lapses).toBe(mature.lapses + 1);
    expect(lapse.dueStudyClockMs - lapse.lastStudyClockMs).toBe(10 * MIN);
    const relearned = scheduler.grade(lapse, review('q-1', 3, lapse.lastReviewedAt + 12 * MIN));
    expect(relearned.phase).toBe('review');
    expect(relearned.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  test('intervals never exceed 365 days', () => {
    let card = gradeNew(4);
    for (let i = 0; i < 12; i++) {
      card = scheduler.grade(card, review('q-1', 4, card.lastReviewedAt + card.scheduledDays * DAY));
      expect(card.scheduledDays).toBeLessThanOrEqual(MAXIMUM_INTERVAL_DAYS);
    }
    expect(card.scheduledDays).toBe(MAXIMUM_INTERVAL_DAYS);
  });

  test('a higher desired retention sets shorter intervals', () => {
    const strict = createScheduler({ ...SETTINGS, desiredRetention: 0.97 });
    const relaxed = createScheduler({ ...SETTINGS, desiredRetention: 0.8 });
    const mature = matureCard();
    const next = review('q-1', 3, mature.lastReviewedAt + mature.scheduledDays * DAY);
    expect(strict.grade(mature, next).scheduledDays).toBeLessThan(relaxed.grade(mature, next).scheduledDays);
  });

  test('the preview shows exactly the interval each rating then sets', () => {
    const mature = matureCard();
    const now = mature.lastReviewedAt + mature.scheduledDays * DAY + 5 * 3_600_000;
    const preview = scheduler.preview('q-1', mature, now);
    for (const rating of [1, 2, 3, 4] as const) {
      const card = scheduler.grade(mature, review('q-1', rating, now + 40_000));
      expect(preview[rating].intervalMs).toBe(card.dueStudyClockMs - card.lastStudyClockMs);
      expect(preview[rating].intervalDays).toBe(dueDay(card) - reviewDay(card));
      expect(preview[rating].shortTerm).toBe(rating === 1);
    }
  });

  test('the preview of a question not yet met shows 10 minutes for «Снова» and days for the rest', () => {
    const preview = scheduler.preview('q-new', undefined, T0);
    expect(preview[1]).toEqual({ intervalMs: 10 * MIN, intervalDays: 0, shortTerm: true });
    expect(preview[3].intervalDays).toBeGreaterThanOrEqual(1);
    expect(preview[4].intervalDays).toBeGreaterThan(preview[3].intervalDays);
  });

  test('fuzz is deterministic: the same review of the same card always gives the same state', () => {
    const mature = matureCard();
    const next = review('q-1', 3, mature.lastReviewedAt + mature.scheduledDays * DAY);
    expect(createScheduler(SETTINGS).grade(mature, next)).toEqual(scheduler.grade(mature, next));
  });

  test('fuzz is on: equal histories of different questions get spread-out intervals', () => {
    const intervals = new Set<number>();
    for (let i = 0; i < 40; i++) intervals.add(matureCard(`q-${i}`).scheduledDays);
    expect(intervals.size).toBeGreaterThan(1);
  });

  test('a day interval ends on the study day N after the review, across a daylight-saving change', () => {
    inTimeZone('Europe/Berlin', () => {
      const local = createScheduler(SETTINGS);
      const reviewedAt = at('2026-03-28T04:10+01:00');
      const card = local.grade(undefined, review('q-1', 3, reviewedAt, { utcOffsetMinutes: 60 }));
      const dueStudyDay = studyDayAt(reviewedAt, 4) + card.scheduledDays;
      expect(dueDay(card)).toBe(dueStudyDay);
      expect(studyDayStartMs(dueStudyDay, 4)).toBe(at(`2026-03-${28 + card.scheduledDays}T04:00+02:00`));
    });
  });

  test('a review dated before the previous one (clock set back) gives no negative or NaN interval', () => {
    const mature = matureCard();
    for (const rating of [1, 2, 3, 4] as const) {
      const card = scheduler.grade(mature, review('q-1', rating, mature.lastReviewedAt - 3 * DAY));
      expect(Number.isFinite(card.stability) && Number.isFinite(card.difficulty)).toBe(true);
      expect(card.dueStudyClockMs).toBeGreaterThanOrEqual(card.lastStudyClockMs);
      expect(card.lastReviewedAt).toBeGreaterThanOrEqual(mature.lastReviewedAt);
      expect(card.scheduledDays).toBeGreaterThanOrEqual(0);
    }
  });

  test('a time-zone change between reviews gives no negative or NaN interval', () => {
    const first = scheduler.grade(undefined, review('q-1', 3, T0, { utcOffsetMinutes: 14 * 60 }));
    const second = scheduler.grade(first, review('q-1', 3, T0 + 3_600_000, { utcOffsetMinutes: -12 * 60 }));
    expect(second.lastStudyClockMs).toBeGreaterThanOrEqual(first.lastStudyClockMs);
    expect(Number.isFinite(second.stability)).toBe(true);
    expect(second.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  test('predicted recall is 1 right after a review, about 0.9 after `stability` days, and never NaN', () => {
    const card = matureCard();
    expect(scheduler.retrievability(card, card.lastReviewedAt)).toBe(1);
    expect(scheduler.retrievability(card, card.lastReviewedAt + card.stability * DAY)).toBeCloseTo(0.9, 2);
    expect(scheduler.retrievability(card, card.lastReviewedAt + 400 * DAY)).toBeLessThan(0.9);
    expect(scheduler.retrievability(card, card.lastReviewedAt - 10 * DAY)).toBe(1);
  });
});

describe('scheduler version', () => {
  test('names the installed ts-fsrs version, so an update of the library invalidates cached cards', async () => {
    const { readFile } = await import('node:fs/promises');
    const { SCHEDULER_VERSION, TS_FSRS_VERSION } = await import('../../src/domain/scheduler-version');
    const { FSRSVersion } = await import('ts-fsrs');
    const installed = JSON.parse(await readFile('node_modules/ts-fsrs/package.json', 'utf8')) as { version: string };
    // Fails after an update of ts-fsrs until TS_FSRS_VERSION is bumped with it.
    expect(TS_FSRS_VERSION).toBe(installed.version);
    expect(FSRSVersion).toMatch(new RegExp(`^v${TS_FSRS_VERSION.replaceAll('.', '\\.')}\\b`));
    expect(SCHEDULER_VERSION).toContain(`ts-fsrs ${installed.version}`);
  });
});
