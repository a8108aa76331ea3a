import { expect, test } from '@playwright/test';
import course from '../content/course.json' with { type: 'json' };
import { expectNoAxeViolations } from './axe';
import { importBackup, lessonQuestionIds, SEED_LESSON } from './seed';

/* The report a learner copies for their mentor on /progress/, from a seeded history at a fixed date. */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-03-10T09:00:00+03:00');

/** A review as the backup file holds it, at an ISO time in Moscow. */
const review = (id: string, questionId: string, rating: 1 | 2 | 3 | 4, iso: string) => ({
  id,
  questionId,
  rating,
  reviewedAt: Date.parse(iso),
  utcOffsetMinutes: 180,
  dayStartHour: 4,
});

/**
 * Every question of the seed lesson answered «Хорошо» on 8 March, the first one missed («Снова»)
 * on 9 March, and a miss in January, outside the 30 days.
 */
function backup(questionIds: readonly string[]): string {
  const [first] = questionIds;
  return JSON.stringify({
    format: 'seven-reasons-progress',
    version: 1,
    exportedAt: '2026-03-09T12:00:00.000Z',
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
    reviews: [
      review('old-miss', first!, 1, '2026-01-05T12:00:00+03:00'),
      ...questionIds.map((id, i) => review(`good-${i}`, id, 3, '2026-03-08T12:00:00+03:00')),
      review('miss', first!, 1, '2026-03-09T12:00:00+03:00'),
    ],
  });
}

test('a new learner is told the report comes with the first answers', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.goto('/progress/');
  const section = page.getByRole('region', { name: 'Отчёт для наставника' });
  await expect(section).toBeVisible();
  // The report hydrates when scrolled into view.
  await section.scrollIntoViewIfNeeded();
  await expect(section).toContainText('Отчёт появится, когда вы ответите на первые вопросы');
});

test('the report says lessons passed, questions in review and the share recalled in 30 days, and copies', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.install({ time: NOW });
  const questionIds = await lessonQuestionIds(page, SEED_LESSON);
  const lessonCount = await page
    .locator('.lesson-number')
    .textContent()
    .then((t) => Number(/из (\d+)/.exec(t ?? '')?.[1]));
  await page.goto('/settings/');
  await importBackup(page, backup(questionIds));
  await expect(page.locator('[data-review-count]')).toHaveAttribute(
    'data-review-count',
    String(questionIds.length + 2),
  );

  await page.goto('/progress/');
  const section = page.getByRole('region', { name: 'Отчёт для наставника' });
  await expect(section).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  const n = questionIds.length;
  const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 0 }).format(n / (n + 1));
  const questions = new Intl.PluralRules('ru-RU').select(n);
  const noun = { one: 'вопрос', few: 'вопроса', many: 'вопросов', other: 'вопроса' }[questions as 'one'];
  const expected = [
    `Мой прогресс в курсе «${course.title}» на 10 марта 2026 г.`,
    `Пройден 1 урок из ${lessonCount}.`,
    `В повторении ${n} ${noun}.`,
    `За 30 дней вспомнено ${percent} ответов: ${n} из ${n + 1}.`,
  ].join('\n');
  const text = section.locator('#mentor-report-text');
  await expect.poll(() => text.textContent()).toBe(expected);

  await section.getByRole('button', { name: 'Копировать отчёт для наставника' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Скопировано' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expectNoAxeViolations(page, '/progress/ with the mentor report');
});
