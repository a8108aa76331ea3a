/**
 * The learner's settings. Checked by hand here (pages load no zod); the same rules with Russian
 * messages, for the settings form and backup files, are `settingsSchema` in schemas.ts, and a test
 * keeps the two in agreement.
 */

/** The learner's settings, kept in the browser and in backups. */
export interface Settings {
  /** Probability of recall FSRS aims for when it is time to review; 0.80 to 0.97, default 0.90. Higher means more reviews. */
  desiredRetention: number;
  /** How many questions not yet met the review page offers per study day; an integer 0 to 100, default 10. */
  newPerDay: number;
  /** Local hour (an integer 0 to 23) at which a study day starts; default 4, i.e. 04:00. Reviews after midnight still count for the evening before. */
  dayStartHour: number;
}

/** Settings a learner starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 10,
  dayStartHour: 4,
});

/** The allowed range of each setting (and whether it must be whole). */
export const SETTING_RANGES: Readonly<Record<keyof Settings, { min: number; max: number; integer: boolean }>> = {
  desiredRetention: { min: 0.8, max: 0.97, integer: false },
  newPerDay: { min: 0, max: 100, integer: true },
  dayStartHour: { min: 0, max: 23, integer: true },
};

/** Whether `x` is an allowed value of the setting `key`. */
export function isSettingValue(key: keyof Settings, x: unknown): x is number {
  const range = SETTING_RANGES[key];
  return (
    typeof x === 'number' &&
    Number.isFinite(x) &&
    x >= range.min &&
    x <= range.max &&
    (!range.integer || Number.isInteger(x))
  );
}

/**
 * Reads settings from storage or elsewhere (`unknown` until parsed). Never throws: a missing or
 * invalid field takes its default, so one bad value cannot lock the learner out of the others.
 */
export function parseSettings(x: unknown): Settings {
  const source: Record<string, unknown> = typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
  const field = (key: keyof Settings): number =>
    Object.hasOwn(source, key) && isSettingValue(key, source[key]) ? source[key] : DEFAULT_SETTINGS[key];
  return {
    desiredRetention: field('desiredRetention'),
    newPerDay: field('newPerDay'),
    dayStartHour: field('dayStartHour'),
  };
}

/** Whether `x` is exactly a settings object (its three fields, each allowed), as in a message from another tab. */
export function isSettings(x: unknown): x is Settings {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  return (
    keys.length === 3 &&
    (['desiredRetention', 'newPerDay', 'dayStartHour'] as const).every(
      (key) => Object.hasOwn(x, key) && isSettingValue(key, (x as Record<string, unknown>)[key]),
    )
  );
}
