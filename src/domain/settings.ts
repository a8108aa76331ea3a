// zod's mini API: these schemas ship to the browser; the classic API does not tree-shake, and its
// object schemas probe `new Function`, which the CSP forbids.
import * as z from 'zod/mini';

/** A study-day start hour, 0 to 23 (in settings, and on each review: the hour in effect when rated). */
export const dayStartHourSchema = z
  .number({ error: 'час начала учебного дня должен быть числом' })
  .check(
    z.int('час начала учебного дня должен быть целым'),
    z.minimum(0, 'час начала учебного дня: от 0 до 23'),
    z.maximum(23, 'час начала учебного дня: от 0 до 23'),
  );

/** The learner's settings, kept in the browser and in backups. */
export const settingsSchema = z.strictObject({
  /** Probability of recall FSRS aims for when it is time to review; 0.80 to 0.97, default 0.90. Higher means more reviews. */
  desiredRetention: z
    .number({ error: 'желаемое запоминание должно быть числом' })
    .check(
      z.minimum(0.8, 'желаемое запоминание не может быть меньше 0,80'),
      z.maximum(0.97, 'желаемое запоминание не может быть больше 0,97'),
    ),
  /** How many questions not yet met the review page offers per study day; 0 to 100, default 10. */
  newPerDay: z
    .number({ error: 'число новых вопросов в день должно быть числом' })
    .check(
      z.int('число новых вопросов в день должно быть целым'),
      z.minimum(0, 'число новых вопросов в день не может быть отрицательным'),
      z.maximum(100, 'число новых вопросов в день не может быть больше 100'),
    ),
  /** Local hour (0 to 23) at which a study day starts; default 4, i.e. 04:00. Reviews after midnight still count for the evening before. */
  dayStartHour: dayStartHourSchema,
});

/** The learner's settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Settings a learner starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 10,
  dayStartHour: 4,
});

const fieldSchemas = settingsSchema.shape;

/**
 * Reads settings from storage or elsewhere (`unknown` until parsed). Never throws: a missing or
 * invalid field takes its default, so one bad value cannot lock the learner out of the others.
 */
export function parseSettings(x: unknown): Settings {
  const source: Record<string, unknown> = typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = fieldSchemas[key].safeParse(Object.hasOwn(source, key) ? source[key] : undefined);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  };
  return {
    desiredRetention: field('desiredRetention'),
    newPerDay: field('newPerDay'),
    dayStartHour: field('dayStartHour'),
  };
}
