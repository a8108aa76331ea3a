import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { courseQuestions, importBackup, versionTwoBackup } from './seed';

/*
 * The final check against the built site: locked for a newcomer, open once every question has been
 * answered (seeded by importing a backup), scored at the end with the misses and their sections,
 * best and latest kept across retakes, on the page and on /progress/.
 */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-03-10T09:00:00+03:00');
type Questions = Awaited<ReturnType<typeof courseQuestions>>;

/** Imports one «Хорошо» review of every question of the course, on 8 March. */
async function answerEveryQuestion(page: Page, questions: Questions): Promise<void> {
  await page.goto('/settings/');
  await importBackup(
    page,
    versionTwoBackup(
      questions.map((q) => ({ questionId: q.id, rating: 3, iso: '2026-03-08T12:00:00+03:00' })),
      { exportedAt: '2026-03-08T13:00:00+03:00' },
    ),
  );
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', String(questions.length));
}

/** Answers one attempt: questions number `wrong` (1-based, in the order shown) wrong, the rest right. */
async function takeAttempt(page: Page, questions: Questions, wrong: readonly number[]): Promise<void> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  await page.getByRole('button', { name: /^(Начать проверку|Пройти ещё раз)$/ }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Вопрос ${n} из 10`, { exact: true })).toBeVisible();
    const card = page.locator('.final-question [data-question-id]');
    const question = byId.get((await card.getAttribute('data-question-id')) ?? '');
    expect(question, 'a question of the course').toBeDefined();
    const option = question!.options.find((o) => o.correct === !wrong.includes(n));
    await card.getByRole('button', { name: option!.text }).click();
    // No feedback before the end: the pick is only marked as chosen.
    await expect(card.locator('.option-right, .option-wrong')).toHaveCount(0);
    await page.getByRole('button', { name: n === 10 ? 'Завершить проверку' : 'Дальше' }).click();
  }
  await expect(page.locator('[data-final-check]')).toHaveAttribute('data-saving', '0');
}

test('a newcomer finds the check locked, with what remains in each lesson', async ({ page }) => {
  await page.clock.install({ time: NOW });
  const questions = await courseQuestions(page);
  await page.goto('/final-check/');
  const locked = page.locator('[data-final-check-locked]');
  await expect(locked).toContainText(`Осталось ответить на ${questions.length} вопрос`);
  await expect(locked).toContainText('в 7 уроках');
  await expect(locked.getByRole('link')).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Начать проверку' })).toHaveCount(0);
  await expectNoAxeViolations(page, '/final-check/ locked');
});

test('after every question is answered: an attempt, its misses, and a retake that keeps the best', async ({ page }) => {
  await page.clock.install({ time: NOW });
  const questions = await courseQuestions(page);
  await answerEveryQuestion(page, questions);
  await page.goto('/final-check/');
  await expectNoAxeViolations(page, '/final-check/ open');

  await takeAttempt(page, questions, [2, 7]);
  await expect(page.getByRole('heading', { name: 'Проверка пройдена' })).toBeFocused();
  await expect(page.locator('[data-final-score]')).toHaveText('8 из 10 — 80\u00a0%');
  const misses = page.locator('.final-misses > li');
  await expect(misses).toHaveCount(2);
  for (const miss of await misses.all()) {
    const id = await miss.getAttribute('data-question-id');
    const question = questions.find((q) => q.id === id);
    await expect(miss).toContainText(`Правильный ответ: ${question!.options.find((o) => o.correct)!.text}`);
    await expect(miss.getByRole('link', { name: /Перечитать раздел урока/ })).toHaveAttribute(
      'href',
      question!.sourceHref,
    );
  }
  await expect(page.locator('[data-final-best]')).toHaveText('8 из 10 — 80\u00a0%, 10 марта 2026 г.');
  await expectNoAxeViolations(page, '/final-check/ result');

  await page.clock.setSystemTime(new Date('2026-03-11T10:00:00+03:00'));
  await takeAttempt(page, questions, [1, 4, 5, 9]);
  await expect(page.getByRole('heading', { name: 'Пока не пройдена' })).toBeVisible();
  await expect(page.locator('[data-final-score]')).toHaveText('6 из 10 — 60\u00a0%');
  await expect(page.locator('.final-misses > li')).toHaveCount(4);
  await expect(page.locator('[data-final-best]')).toHaveText('8 из 10 — 80\u00a0%, 10 марта 2026 г.');
  await expect(page.locator('[data-final-latest]')).toHaveText('6 из 10 — 60\u00a0%, 11 марта 2026 г.');

  // Saved: after a reload, and on the progress page; the answers were reviews too.
  await page.reload();
  await expect(page.locator('[data-final-latest]')).toHaveText('6 из 10 — 60\u00a0%, 11 марта 2026 г.');
  await page.goto('/progress/');
  await expect(page.locator('[data-final-best]')).toHaveText('8 из 10 — 80\u00a0%, 10 марта 2026 г.');
  await expect(page.locator('[data-final-latest]')).toHaveText('6 из 10 — 60\u00a0%, 11 марта 2026 г.');
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', String(questions.length + 20));
});
