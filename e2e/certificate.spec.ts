import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { courseQuestions, importBackup, versionTwoBackup, type SeedReview } from './seed';

/*
 * The certificate against the built site: what remains for a newcomer; once every question is
 * answered, the name (kept after a reload), the completion date, the best final-check score and,
 * only 30 days after the first answer, the measured recall.
 */

test.use({ serviceWorkers: 'block' });

test('a newcomer is told what remains instead of a certificate', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00+03:00') });
  await page.goto('/certificate/');
  await expect(page.locator('[data-certificate-locked]')).toContainText('в 7 уроках');
  await expect(page.locator('article.certificate')).toHaveCount(0);
  await expectNoAxeViolations(page, '/certificate/ locked');
});

test('the certificate: name kept, completion date, best score, and the recall only after 30 days', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-20T09:00:00+03:00') });
  const questions = await courseQuestions(page);
  // First answers on 1 March (the last one on 2 March), then one scheduled review of six cards on 12 March:
  // five «Хорошо», one «Снова», and a same-day repeat that does not count.
  const [last, ...rest] = questions.map((q) => q.id);
  const reviews: SeedReview[] = [
    ...rest.map((id) => ({ questionId: id, rating: 3 as const, iso: '2026-03-01T12:00:00+03:00' })),
    { questionId: last!, rating: 3, iso: '2026-03-02T12:00:00+03:00' },
    ...rest.slice(0, 5).map((id) => ({ questionId: id, rating: 3 as const, iso: '2026-03-12T12:00:00+03:00' })),
    { questionId: rest[5]!, rating: 1, iso: '2026-03-12T12:00:00+03:00' },
    { questionId: rest[5]!, rating: 3, iso: '2026-03-12T12:10:00+03:00' },
  ];
  const finishedAt = Date.parse('2026-03-15T12:00:00+03:00');
  await page.goto('/settings/');
  await importBackup(
    page,
    versionTwoBackup(reviews, {
      exportedAt: '2026-03-16T12:00:00+03:00',
      finalChecks: [
        { attemptId: 'a-1', finishedAt, score: 9, total: 10, reviewIds: [] },
        { attemptId: 'a-2', finishedAt: finishedAt + 3_600_000, score: 7, total: 10, reviewIds: [] },
      ],
    }),
  );
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', String(reviews.length));

  await page.goto('/certificate/');
  const certificate = page.locator('article.certificate');
  await expect(certificate.locator('[data-certificate-completed]')).toHaveText('2 марта 2026 г.');
  await expect(certificate.locator('[data-certificate-score]')).toHaveText('9 из 10 — 90\u00a0%, 15 марта 2026 г.');
  await expect(certificate.locator('[data-certificate-recall]')).toHaveText(/^Появится 31 марта 2026 г\./);
  await expect(certificate).toContainText('выдан вашим браузером');
  await expect(certificate).toContainText('Его никто не проверял');

  await page.getByLabel('Ваше имя для сертификата').fill('Анна Петрова');
  await expect(certificate.locator('[data-certificate-name]')).toHaveText('Анна Петрова');
  await page.getByLabel('Ваше имя для сертификата').blur();
  await expect(page.getByRole('status').filter({ hasText: 'Имя сохранено.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ваше имя для сертификата')).toHaveValue('Анна Петрова');
  await expect(certificate.locator('[data-certificate-name]')).toHaveText('Анна Петрова');
  await expectNoAxeViolations(page, '/certificate/ before 30 days');

  // 31 March: 30 days since the first answer. Six scheduled reviews, five recalled.
  await page.clock.setSystemTime(new Date('2026-03-31T13:00:00+03:00'));
  await page.reload();
  await expect(certificate.locator('[data-certificate-recall]')).toHaveAttribute('data-certificate-recall', 'measured');
  await expect(certificate.locator('[data-certificate-recall]')).toHaveText(
    /^83\u00a0% — вспомнено 5 из 6 плановых повторений за последние 30 дней/,
  );
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByLabel('Ваше имя для сертификата')).toBeHidden();
  await expect(certificate).toBeVisible();
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await expectNoAxeViolations(page, '/certificate/ with the recall, dark');
});
