/**
 * Ebbinghaus's own forgetting data (Über das Gedächtnis, 1885, chapter 7): "savings", the share
 * of the original learning time he saved when relearning lists of nonsense syllables after a
 * delay. One subject, himself. The figures are his table's, as ../shared/CONTENT.md gives them.
 */

/** One measurement: the delay and the savings in percent. */
export interface SavingsPoint {
  /** Delay after learning, in hours. */
  readonly hours: number;
  /** How the delay is said in Russian on the chart and in its text alternative. */
  readonly label: string;
  /** Savings in percent of the original learning time. */
  readonly savingsPercent: number;
}

/** Ebbinghaus's seven delays and savings. */
export const EBBINGHAUS_SAVINGS: readonly SavingsPoint[] = [
  { hours: 1 / 3, label: '20 минут', savingsPercent: 58.2 },
  { hours: 1, label: '1 час', savingsPercent: 44.2 },
  { hours: 8.8, label: '8,8 часа', savingsPercent: 35.8 },
  { hours: 24, label: '1 день', savingsPercent: 33.7 },
  { hours: 48, label: '2 дня', savingsPercent: 27.8 },
  { hours: 6 * 24, label: '6 дней', savingsPercent: 25.4 },
  { hours: 31 * 24, label: '31 день', savingsPercent: 21.1 },
];

/** Percent with a comma and a non-breaking space, as Russian text writes it («58,2 %»). */
export function formatSavings(percent: number): string {
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(percent)}\u00a0%`;
}
