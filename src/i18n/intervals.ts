/**
 * Interval labels for rating buttons, in words with Russian plurals: «10 минут», «1 день»,
 * «4 дня», «1,5 месяца», «1 год». A non-breaking space keeps the number with its word.
 */
import type { IntervalPreview } from '../domain/card';
import { pluralRu, type PluralForms } from './plurals';

const HOUR_MINUTES = 60;
/** Average month and year in days, as used for labels only. */
const MONTH_DAYS = 30;
const YEAR_DAYS = 365;
const oneDecimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

const MINUTES: PluralForms = { one: 'минута', few: 'минуты', many: 'минут' };
const HOURS: PluralForms = { one: 'час', few: 'часа', many: 'часов' };
const DAYS: PluralForms = { one: 'день', few: 'дня', many: 'дней' };
const MONTHS: PluralForms = { one: 'месяц', few: 'месяца', many: 'месяцев' };
const YEARS: PluralForms = { one: 'год', few: 'года', many: 'лет' };

/** «1,5 месяца»: the number to one decimal, then the form that number takes. */
function amount(value: number, forms: PluralForms): string {
  const rounded = Math.round(value * 10) / 10;
  return `${oneDecimal.format(rounded)}\u00a0${pluralRu(rounded, forms)}`;
}

/**
 * A short label for an interval. Within the session it is minutes or hours; otherwise whole study
 * days up to a month, then months, then years. Negative or non-finite input shows as «0 минут».
 */
export function formatInterval(interval: IntervalPreview): string {
  const days = Number.isFinite(interval.intervalDays) ? Math.max(0, Math.round(interval.intervalDays)) : 0;
  if (interval.shortTerm || days === 0) {
    const minutes = Number.isFinite(interval.intervalMs) ? Math.max(0, Math.round(interval.intervalMs / 60_000)) : 0;
    if (minutes < HOUR_MINUTES) return amount(minutes, MINUTES);
    return amount(minutes / HOUR_MINUTES, HOURS);
  }
  if (days < MONTH_DAYS) return amount(days, DAYS);
  if (days < YEAR_DAYS) return amount(days / MONTH_DAYS, MONTHS);
  return amount(days / YEAR_DAYS, YEARS);
}
