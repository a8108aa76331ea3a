/**
 * The settings form's choices in plain words: how often to review (a desired retention) and the
 * hour a study day starts. Any stored value the schema accepts is still shown and kept.
 */

/** One choice of how often to review. */
export interface RetentionChoice {
  /** Desired retention, 0.80 to 0.97. */
  retention: number;
  /** «Реже — помните около 85 %». */
  label: string;
}

const percent = (retention: number) => `${Math.round(retention * 100)}\u00a0%`;

/** The three offered choices; 0.90 is the default. */
export const RETENTION_CHOICES: readonly RetentionChoice[] = [
  { retention: 0.85, label: `Реже — помните около ${percent(0.85)}` },
  { retention: 0.9, label: `Обычно — помните около ${percent(0.9)}` },
  { retention: 0.95, label: `Чаще — помните около ${percent(0.95)}` },
];

/** The offered choices, plus the stored value as «Своё значение: 83 %» when it is none of them. */
export function retentionChoices(stored: number): readonly RetentionChoice[] {
  if (RETENTION_CHOICES.some((choice) => Math.abs(choice.retention - stored) < 1e-9)) return RETENTION_CHOICES;
  return [...RETENTION_CHOICES, { retention: stored, label: `Своё значение: помните около ${percent(stored)}` }];
}

/** The hours offered for the start of a study day (0 to 12), plus the stored one if later. */
export function dayStartHours(stored: number): readonly number[] {
  const hours = Array.from({ length: 13 }, (_, hour) => hour);
  return hours.includes(stored) ? hours : [...hours, stored];
}

/** «04:00». */
export const formatHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
