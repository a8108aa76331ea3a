/** Short interval labels for rating buttons: «10 мин», «1 дн.», «4 дн.», «2 мес.», «1 г.». */
import type { IntervalPreview } from '../domain/card';

const HOUR_MINUTES = 60;
/** Average month and year in days, as used for labels only. */
const MONTH_DAYS = 30;
const YEAR_DAYS = 365;
const oneDecimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/**
 * A short label for an interval. Within the session it is minutes or hours; otherwise whole study
 * days up to a month, then months, then years. Negative or non-finite input shows as «0 мин».
 */
export function formatInterval(interval: IntervalPreview): string {
  const days = Number.isFinite(interval.intervalDays) ? Math.max(0, Math.round(interval.intervalDays)) : 0;
  if (interval.shortTerm || days === 0) {
    const minutes = Number.isFinite(interval.intervalMs) ? Math.max(0, Math.round(interval.intervalMs / 60_000)) : 0;
    if (minutes < HOUR_MINUTES) return `${minutes} мин`;
    return `${oneDecimal.format(minutes / HOUR_MINUTES)} ч`;
  }
  if (days < MONTH_DAYS) return `${days} дн.`;
  if (days < YEAR_DAYS) return `${oneDecimal.format(days / MONTH_DAYS)} мес.`;
  return `${oneDecimal.format(days / YEAR_DAYS)} г.`;
}
