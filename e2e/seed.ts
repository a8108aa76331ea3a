import { expect, type FrameLocator, type Page } from '@playwright/test';

/*
 * Seeding a learner's history for the end-to-end tests. History goes in the way a learner's would:
 * a backup file imported through the settings page's file input, so the tests depend on the
 * backup format and the import, never on how IndexedDB is laid out.
 */

/** The lesson the seeded history belongs to. */
export const SEED_LESSON = 'expecting-instant-results';

/** A review record as the backup file holds it. */
interface BackupReview {
  id: string;
  questionId: string;
  rating: 1 | 2 | 3 | 4;
  reviewedAt: number;
  utcOffsetMinutes: number;
  dayStartHour: number;
}

/** A «Хорошо» review at an ISO time in Moscow (UTC+3, study day starting at 4:00). */
function goodReview(id: string, questionId: string, iso: string): BackupReview {
  return { id, questionId, rating: 3, reviewedAt: Date.parse(iso), utcOffsetMinutes: 180, dayStartHour: 4 };
}

/**
 * A backup with three reviews of two questions: the first question on 8 and 9 March 2026, the
 * second on 9 March. `questionIds` are real ids of the course (see `lessonQuestionIds`).
 */
export function seedBackup([first, second]: readonly string[]): string {
  if (!first || !second) throw new Error('seedBackup needs two question ids');
  return JSON.stringify({
    format: 'seven-reasons-progress',
    version: 1,
    exportedAt: '2026-03-09T12:00:00.000Z',
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
    reviews: [
      goodReview('seed-1', first, '2026-03-08T12:00:00+03:00'),
      goodReview('seed-2', first, '2026-03-09T12:00:00+03:00'),
      goodReview('seed-3', second, '2026-03-09T12:05:00+03:00'),
    ],
  });
}

/** The ids of a lesson's questions, in page order, as the built lesson page lists them. */
export async function lessonQuestionIds(page: Page, lessonSlug: string = SEED_LESSON): Promise<string[]> {
  await page.goto(`/lessons/${lessonSlug}/`);
  const ids = await page
    .locator('[data-question-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-question-id') ?? ''));
  const unique = [...new Set(ids.filter(Boolean))];
  expect(unique.length, `questions on /lessons/${lessonSlug}/`).toBeGreaterThanOrEqual(2);
  return unique;
}

/**
 * Imports a backup through the settings page's file input (the page must be /settings/) and waits
 * until the import is over: its result beside the control, a saved import's or a refusal. A test
 * that leaves the page right after would otherwise cut the writes short.
 */
export async function importBackup(
  page: Page | FrameLocator,
  text: string | Buffer,
  name = 'progress.json',
): Promise<void> {
  const input = page.getByLabel('Восстановить из файла');
  const field = page.locator('.settings-field').filter({ has: input });
  await input.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
  });
  const saved = field.getByRole('status').filter({ hasText: /^(Добавлено|Ничего не добавлено|Все повторения)/ });
  const refused = field.getByRole('alert').filter({ hasText: /\S/ });
  await expect(saved.or(refused)).toBeVisible({ timeout: 60_000 });
}

/**
 * A version 2 backup of `count` reviews, 10 per question, spread over the year before `endMs`:
 * the first questions take the course's real ids, the rest made-up ids (reviews of questions the
 * course no longer has are kept and exported, so they count). Written row by row as the site
 * writes version 2 (see src/domain/backup.ts), which keeps a 100,000-review file near 6 MB.
 */
export function largeBackup(count: number, realQuestionIds: readonly string[], endMs: number): string {
  const perQuestion = 10;
  const questions = Array.from(
    { length: Math.ceil(count / perQuestion) },
    (_, i) => realQuestionIds[i] ?? `retired-question-${i}`,
  );
  const stepMs = Math.floor((365 * 86_400_000) / count);
  const startMs = endMs - count * stepMs;
  // Oldest first: the question cycles, so each question's reviews are spread over the year.
  const rows = Array.from({ length: count }, (_, i) =>
    JSON.stringify([`bulk-${i}`, i % questions.length, 3, i === 0 ? startMs : stepMs, 180, 4]),
  );
  const head = {
    format: 'seven-reasons-progress',
    version: 2,
    exportedAt: new Date(endMs).toISOString(),
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
    questions,
    undone: [],
    resetAt: null,
  };
  return `${JSON.stringify(head).slice(0, -1)},"reviews":[\n${rows.join(',\n')}\n]}\n`;
}

/** A review for `versionTwoBackup`: a question, its rating and when (ISO, with an offset). */
export interface SeedReview {
  questionId: string;
  rating: 1 | 2 | 3 | 4;
  iso: string;
}

/** A final-check attempt as a version 2 backup holds it. */
export interface SeedAttempt {
  attemptId: string;
  finishedAt: number;
  score: number;
  total: number;
  reviewIds: string[];
}

/** Every question of the course, from the built site's `/cards.json`, in course order. */
export async function courseQuestions(
  page: Page,
): Promise<{ id: string; lessonSlug: string; sourceHref: string; options: { text: string; correct: boolean }[] }[]> {
  const response = await page.request.get('/cards.json');
  return ((await response.json()) as { cards: Awaited<ReturnType<typeof courseQuestions>> }).cards;
}

/**
 * A version 2 backup (the site's current format, written as src/domain/backup.ts writes it) of
 * `reviews` (ids `v2-<n>`), with optional final-check attempts, exported at `exportedAt`.
 */
export function versionTwoBackup(
  reviews: readonly SeedReview[],
  { exportedAt, finalChecks }: { exportedAt: string; finalChecks?: SeedAttempt[] },
): string {
  const sorted = reviews
    .map((r, i) => ({ ...r, id: `v2-${i}`, at: Date.parse(r.iso) }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const questions = [...new Set(sorted.map((r) => r.questionId))];
  let previous = 0;
  const rows = sorted.map((r) => {
    const row = [r.id, questions.indexOf(r.questionId), r.rating, r.at - previous, 180, 4];
    previous = r.at;
    return row;
  });
  return JSON.stringify({
    format: 'seven-reasons-progress',
    version: 2,
    exportedAt: new Date(exportedAt).toISOString(),
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
    questions,
    undone: [],
    resetAt: null,
    ...(finalChecks ? { finalChecks } : {}),
    reviews: rows,
  });
}
