/**
 * Downloads the daily review reminder. Shared by the trainer kit's form and the lesson's
 * «Напоминать каждый день» button, which loads this module only when pressed. Browser only.
 */
import { downloadText } from '../lib/download';
import { pageUrl } from './page-origin';
import { buildReminderIcs, newEventUid, REMINDER_FILE_NAME, type ReminderPlan } from './reminder';

export { defaultReminderPlan, REMINDER_DEFAULTS, REMINDER_FILE_NAME } from './reminder';

/**
 * Builds the `.ics` for `plan`, pointing at the review page on this site, and downloads it.
 * `reviewPath` is `reviewUrl()`, written into the page at build time: importing urls.ts here
 * would load the lesson pages' shared bundle on the trainer kit.
 */
export function downloadReminder(plan: ReminderPlan, courseName: string, reviewPath: string): void {
  const nowMs = Date.now();
  const reviewUrl = pageUrl(reviewPath);
  const uid = newEventUid(new URL(reviewUrl).host, nowMs);
  downloadText(
    buildReminderIcs(plan, { reviewUrl, courseName, uid, nowMs }),
    REMINDER_FILE_NAME,
    'text/calendar;charset=utf-8',
  );
}
