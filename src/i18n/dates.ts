/** Dates in Russian through `Intl.DateTimeFormat('ru-RU')`, in the browser's time zone. */

const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
const dayMonthFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' });
const relativeDays = new Intl.RelativeTimeFormat('ru-RU', { numeric: 'auto' });

/** «2 марта 2026 г.» */
export function formatDate(epochMs: number): string {
  return dateFormat.format(epochMs);
}

/** «09:05» */
export function formatTime(epochMs: number): string {
  return timeFormat.format(epochMs);
}

/** Whole local calendar days from the day of `fromMs` to the day of `toMs`. */
function calendarDaysBetween(fromMs: number, toMs: number): number {
  const from = new Date(fromMs);
  const to = new Date(toMs);
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}

/**
 * When something is due, relative to now: «сегодня в 18:20» (a card coming back within the day),
 * else the day alone: «завтра», «5 марта», «5 января 2027 г.». A card due on a later day is due
 * from the start of that study day, so its hour («в 04:00») would only read as an appointment.
 * Anything already past reads «сейчас».
 */
export function formatDueAt(dueAtMs: number, nowMs: number): string {
  if (!Number.isFinite(dueAtMs) || dueAtMs <= nowMs) return 'сейчас';
  const days = calendarDaysBetween(nowMs, dueAtMs);
  if (days === 0) return `${relativeDays.format(0, 'day')} в ${formatTime(dueAtMs)}`;
  if (days === 1) return relativeDays.format(1, 'day');
  const sameYear = new Date(dueAtMs).getFullYear() === new Date(nowMs).getFullYear();
  return sameYear ? dayMonthFormat.format(dueAtMs) : formatDate(dueAtMs);
}

/** Ends a sentence with a period unless it already ends with one («… 2027 г.», not «г..»). */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
