/**
 * zod schemas with Russian messages, for what comes from outside a page's own storage: backup
 * files (backup-import.ts) and the settings form. Pages that only read their own storage use the
 * hand-written checks in review.ts and settings.ts (same rules, no zod in their JavaScript); tests
 * keep each pair in agreement.
 */
// zod's mini API: the classic API does not tree-shake, and its object schemas probe `new Function`, which the CSP forbids.
import * as z from 'zod/mini';
import { BACKUP_FORMAT } from './backup';
import type { FinalCheckAttempt } from './final-check-record';
import { MAX_NAME_LENGTH } from './learner-name';
import { REVIEWED_AT_RANGE, type Review } from './review';
import type { Settings } from './settings';

/** A study-day start hour, 0 to 23 (in settings, and on each review: the hour in effect when rated). */
export const dayStartHourSchema = z
  .number({ error: 'час начала учебного дня должен быть числом' })
  .check(
    z.int('час начала учебного дня должен быть целым'),
    z.minimum(0, 'час начала учебного дня: от 0 до 23'),
    z.maximum(23, 'час начала учебного дня: от 0 до 23'),
  );

/** The learner's settings (see `Settings`). */
export const settingsSchema: z.ZodMiniType<Settings> = z.strictObject({
  desiredRetention: z
    .number({ error: 'желаемое запоминание должно быть числом' })
    .check(
      z.minimum(0.8, 'желаемое запоминание не может быть меньше 0,80'),
      z.maximum(0.97, 'желаемое запоминание не может быть больше 0,97'),
    ),
  newPerDay: z
    .number({ error: 'число новых вопросов в день должно быть числом' })
    .check(
      z.int('число новых вопросов в день должно быть целым'),
      z.minimum(0, 'число новых вопросов в день не может быть отрицательным'),
      z.maximum(100, 'число новых вопросов в день не может быть больше 100'),
    ),
  dayStartHour: dayStartHourSchema,
});

/** One review (see `Review`). */
export const reviewSchema: z.ZodMiniType<Review> = z.strictObject({
  id: z.string({ error: 'нет id' }).check(z.minLength(1, 'пустой id'), z.maxLength(100, 'слишком длинный id')),
  questionId: z
    .string({ error: 'нет questionId' })
    .check(z.minLength(1, 'пустой questionId'), z.maxLength(200, 'слишком длинный questionId')),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: 'оценка должна быть 1, 2, 3 или 4',
  }),
  reviewedAt: z
    .number({ error: 'время ответа должно быть числом' })
    .check(
      z.int('время ответа должно быть целым числом миллисекунд'),
      z.minimum(REVIEWED_AT_RANGE.min, 'время ответа раньше 1970 года'),
      z.maximum(REVIEWED_AT_RANGE.max, 'время ответа позже 2200 года'),
    ),
  utcOffsetMinutes: z
    .number({ error: 'смещение часового пояса должно быть числом' })
    .check(
      z.int('смещение часового пояса должно быть целым'),
      z.minimum(-840, 'смещение часового пояса вне ±14 ч'),
      z.maximum(840, 'смещение часового пояса вне ±14 ч'),
    ),
  dayStartHour: dayStartHourSchema,
});

/** A backup document as version 1 wrote it. */
export const backupV1Schema = z.strictObject({
  /** Always `seven-reasons-progress`. */
  format: z.literal(BACKUP_FORMAT),
  /** Format version; readers reject versions they do not know. */
  version: z.literal(1),
  /** When the file was written (ISO 8601, UTC). */
  exportedAt: z.iso.datetime({ error: 'дата выгрузки должна быть в формате ISO 8601' }),
  /** The learner's settings at export. */
  settings: settingsSchema,
  /** The whole review log, including reviews of questions no longer in the course (each as `reviewSchema`). */
  reviews: z.array(z.unknown(), { error: 'список повторений должен быть массивом' }),
});

/** One final-check attempt (see `FinalCheckAttempt`; `parseFinalCheckAttempt` applies the same rules by hand). */
export const finalCheckAttemptSchema: z.ZodMiniType<FinalCheckAttempt> = z
  .strictObject({
    attemptId: z.string({ error: 'нет attemptId' }).check(z.minLength(1, 'пустой attemptId'), z.maxLength(100)),
    finishedAt: z
      .number({ error: 'время проверки должно быть числом' })
      .check(
        z.int('время проверки должно быть целым'),
        z.minimum(REVIEWED_AT_RANGE.min, 'время проверки раньше 1970 года'),
        z.maximum(REVIEWED_AT_RANGE.max, 'время проверки позже 2200 года'),
      ),
    score: z.number({ error: 'результат должен быть числом' }).check(z.int(), z.minimum(0)),
    total: z
      .number({ error: 'число вопросов должно быть числом' })
      .check(z.int(), z.minimum(1, 'в проверке нет вопросов'), z.maximum(100)),
    reviewIds: z
      .array(z.string().check(z.minLength(1), z.maxLength(100)), { error: 'список повторений проверки' })
      .check(z.maxLength(100)),
  })
  .check(z.refine((a) => a.score <= a.total, 'правильных ответов больше, чем вопросов'));

const idList = (error: string) => z.array(z.string().check(z.minLength(1, error), z.maxLength(200, error)), { error });

/** A backup document, version 2 (rows are checked one by one in backup-import.ts). */
export const backupV2Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  exportedAt: z.iso.datetime({ error: 'дата выгрузки должна быть в формате ISO 8601' }),
  settings: settingsSchema,
  /** Every question id the rows name, each once; a row names its question by index here (checked with its row). */
  questions: z.custom<unknown[]>(Array.isArray, { error: 'список вопросов должен быть массивом' }),
  /** Ids of reviews the learner undid: no merge brings them back. */
  undone: idList('список отменённых повторений должен быть массивом непустых строк'),
  /** When the learner last reset their progress (epoch ms), or null: older reviews stay gone. */
  resetAt: z.nullable(
    z
      .number({ error: 'время сброса должно быть числом' })
      .check(z.int('время сброса должно быть целым'), z.minimum(0, 'время сброса раньше 1970 года')),
  ),
  /** Lessons opened: slug → first visit (epoch ms); files written before lesson visits were recorded lack it. */
  openedLessons: z.optional(
    z.record(
      z.string().check(z.minLength(1), z.maxLength(200)),
      z
        .number({ error: 'время открытия урока должно быть числом' })
        .check(z.int('время открытия урока должно быть целым'), z.minimum(0, 'время открытия урока раньше 1970 года')),
    ),
  ),
  /** Final-check attempts; files written before the final check lack it. */
  finalChecks: z.optional(z.array(finalCheckAttemptSchema, { error: 'список итоговых проверок должен быть массивом' })),
  /** The learner's name for the certificate; files written before the certificate lack it. */
  learnerName: z.optional(
    z.string({ error: 'имя должно быть строкой' }).check(z.maxLength(MAX_NAME_LENGTH * 2, 'слишком длинное имя')),
  ),
  /**
   * One row per review, oldest first: [id, question index, rating, ms since the previous row, UTC
   * offset in minutes, study-day start hour]. Checked row by row in backup-import.ts: a zod array
   * schema over 100,000 rows costs more than the parse itself.
   */
  reviews: z.custom<unknown[]>(Array.isArray, { error: 'список повторений должен быть массивом' }),
});
