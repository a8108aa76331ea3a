import { expect, test, type Locator, type Page } from '@playwright/test';
import { readCourse } from '../tests/read-course';

// The everyday path as a new hire walks it: answers in a lesson are saved as given, answered cards
// stay open, one message per state, keys that do what they say, focus that does not scroll away.
const START = new Date('2026-03-02T10:00:00+03:00').getTime();
const lessons = readCourse();
const first = lessons[0]!;
const titles = new Map(lessons.map((l) => [l.slug, l.data.title]));
const rightText = (id: string): string => {
  const q = lessons.flatMap((l) => l.data.questions).find((x) => x.id === id)!;
  if (q.type === 'recall') return q.answer;
  return q.type === 'choice' ? q.options.find((o) => o.correct)!.text : titles.get(q.answer)!;
};
const firstOfType = (type: 'recall' | 'choice') => first.data.questions.find((q) => q.type === type)!;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: START });
});

async function openFirstLesson(page: Page): Promise<void> {
  await page.goto(`/lessons/${first.slug}/`);
  await expect(page.locator('.question-card').first()).toBeVisible();
}

const question = (page: Page, id: string) => page.locator(`.checkpoint [data-question-id="${id}"]`);

async function pickRight(q: Locator, id: string): Promise<void> {
  const options = q.locator('button.option');
  const texts = (await options.allTextContents()).map((t) => squash(t).replace(/^\d+\.\s*/, ''));
  await options.nth(texts.indexOf(squash(rightText(id)))).click();
}

/** The number of reviews saved, as the settings page counts them. */
async function savedReviews(page: Page): Promise<number> {
  await page.goto('/settings/');
  const count = page.locator('[data-review-count]');
  await expect(count).toBeAttached();
  return Number(await count.getAttribute('data-review-count'));
}

test('a right pick in a lesson is saved at once as «Хорошо»; another rating replaces it, leaving one review', async ({
  page,
}) => {
  const { id } = firstOfType('choice');
  await openFirstLesson(page);
  const q = question(page, id);
  await pickRight(q, id);
  await expect(q.getByText(/^Ответ сохранён с оценкой «Хорошо»\./)).toBeVisible();
  await expect(q.getByRole('group', { name: 'Насколько уверенно вы ответили?' })).toBeVisible();
  // Nothing else pressed: the answer is stored and the lesson shows it as learned on return.
  await page.reload();
  await expect(question(page, id)).toContainText('Этот вопрос уже в ваших карточках.');
  expect(await savedReviews(page)).toBe(1);

  // A fresh question: pick right, then say it was easy. The log keeps one review for it.
  const other = first.data.questions.filter((x) => x.type !== 'recall')[1]!;
  await openFirstLesson(page);
  const q2 = question(page, other.id);
  await pickRight(q2, other.id);
  await expect(q2.getByText(/^Ответ сохранён с оценкой «Хорошо»/)).toBeVisible();
  await q2.getByRole('button', { name: /^Легко/ }).click();
  await expect(q2.getByText(/^Ответ сохранён с оценкой «Легко»/)).toBeVisible();
  await expect(q2.getByRole('button', { name: /^Легко/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await savedReviews(page)).toBe(2);
});

test('a recall card revealed and not rated is not saved, and the card says so', async ({ page }) => {
  const { id } = firstOfType('recall');
  await openFirstLesson(page);
  const q = question(page, id);
  await q.getByRole('button', { name: 'Показать ответ' }).click();
  await expect(q.getByText('Ответ сохранится, когда вы оцените, насколько легко вспомнили.')).toBeVisible();
  await expect(q.getByRole('group', { name: 'Насколько легко вы вспомнили ответ?' })).toBeVisible();
  expect(await savedReviews(page)).toBe(0);
});

test('an answered card stays open where it was, and «Дальше» moves to the next question', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const choice = firstOfType('choice');
  await openFirstLesson(page);
  const q = question(page, choice.id);
  await q.scrollIntoViewIfNeeded();
  const options = q.locator('button.option');
  const texts = (await options.allTextContents()).map((t) => squash(t).replace(/^\d+\.\s*/, ''));
  const wrong = texts.findIndex((t) => t !== squash(rightText(choice.id)));
  const before = await page.evaluate(() => window.scrollY);
  await options.nth(wrong).click();
  await expect(q.getByText(/^Неверно\. Правильный ответ:/)).toBeVisible();
  await expect(q.getByRole('link', { name: 'Перечитать раздел урока' })).toBeVisible();
  // The page did not jump: the answered card is where the learner was reading.
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
  await expect(q.getByRole('button', { name: 'Дальше' })).toBeFocused();
  await q.getByRole('button', { name: 'Дальше' }).click();
  // The card stays open, and focus is on the question after it.
  await expect(q.getByText(/^Неверно\. Правильный ответ:/)).toBeVisible();
  const ids = await page
    .locator('.checkpoint [data-question-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')));
  const next = ids[ids.indexOf(choice.id) + 1]!;
  await expect(page.locator(`[data-question-id="${next}"]`)).toBeFocused();
});

test('the review keeps the card’s top in view on a phone and Space does not pick an option', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openFirstLesson(page);
  await page.goto('/review/');
  await page.getByRole('button', { name: /^Начать новые вопросы/ }).click();
  const card = page.locator('.review [data-question-id]');
  await expect(card).toBeFocused();
  // Walk to a choice card (new questions come in course order) by rating recall cards.
  while ((await card.locator('button.option').count()) === 0) {
    await card.getByRole('button', { name: 'Показать ответ' }).click();
    await card.getByRole('button', { name: /^Хорошо/ }).click();
  }
  await expect(card).toBeFocused();
  // Space on the card picks nothing (no option is pre-selected by focus).
  await page.keyboard.press('Space');
  await expect(card.locator('button.option[aria-pressed="true"]')).toHaveCount(0);
  await expect(card.locator('button.option:disabled')).toHaveCount(0);
  // «1» picks the first option; the verdict stays on screen although focus moved to a button below it.
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.keyboard.press('1');
  await expect(card.locator('.question-feedback')).not.toBeEmpty();
  await expect(card.locator('.question-prompt')).toBeInViewport();
  await expect(card.locator('.question-feedback')).toBeInViewport();
});

test('shortcut hints show on a device with a keyboard and a fine pointer', async ({ page }) => {
  await openFirstLesson(page);
  await page.goto('/review/');
  await page.getByRole('button', { name: /^Начать новые вопросы/ }).click();
  const hint = page.locator('.review .key-hint');
  const fine = await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches);
  if (fine) await expect(hint).toBeVisible();
  else await expect(hint).toBeHidden();
  await expect(hint).toHaveText(/^(Пробел — показать ответ|Клавиши 1–\d — выбрать ответ)$/);
});

test('one state, one message: a new card without «nothing due» above it, a finished session without stale notes', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ваш прогресс' })).toHaveCount(0);

  await page.goto(`/lessons/${lessons[2]!.slug}/`);
  await expect(page.locator('.question-card').first()).toBeVisible();
  await page.goto(`/review/?lesson=${lessons[2]!.slug}`);
  await page.getByRole('button', { name: /^Начать новые вопросы/ }).click();
  const card = page.locator('.review [data-question-id]');
  await expect(card).toBeVisible();
  await expect(page.getByText('Сегодня повторять нечего')).toBeHidden();
  while (await card.count()) {
    if (await card.getByRole('button', { name: 'Показать ответ' }).count())
      await card.getByRole('button', { name: 'Показать ответ' }).click();
    else {
      const id = (await card.getAttribute('data-question-id'))!;
      await pickRight(card, id);
    }
    await card.getByRole('button', { name: /^Хорошо/ }).click();
    if (await page.getByRole('heading', { name: 'Повторение завершено' }).isVisible()) break;
  }
  await expect(page.getByRole('heading', { name: 'Повторение завершено' })).toBeVisible();
  await expect(page.locator('.review > [role="status"]')).toBeEmpty();
  await expect(page.getByRole('button', { name: 'Отменить последнюю оценку' })).toBeVisible();

  await page.goto('/settings/');
  await expect(page.locator('[data-review-count]')).toBeAttached();
  await expect(page.getByText(/Браузер может удалить прогресс/)).toHaveCount(1);
});
