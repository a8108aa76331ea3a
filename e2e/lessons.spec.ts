import { expect, test } from '@playwright/test';
import { readCourse } from '../tests/read-course';

const lessons = readCourse();
const SECTIONS = ['the-mistake', 'why-it-happens', 'how-to-spot-it', 'what-to-do', 'example', 'motto', 'check-yourself'];

for (const [index, lesson] of lessons.entries()) {
  test(`lesson ${lesson.slug} shows its title, its section anchors and all its questions`, async ({ page }) => {
    await page.goto(`/lessons/${lesson.slug}/`);
    await expect(page.locator('h1')).toHaveText(lesson.data.title);
    await expect(page.getByText(`Урок ${index + 1} из ${lessons.length}`, { exact: true })).toBeVisible();
    await expect(page.locator('.motto')).toContainText(lesson.data.motto);
    for (const id of SECTIONS) await expect(page.locator(`.lesson-body h2#${id}`)).toHaveCount(1);
    const shown = await page.locator('[data-question-id]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-question-id')),
    );
    expect(shown.sort()).toEqual(lesson.data.questions.map((q) => q.id).sort());
  });
}

test('the hasty-decisions lesson shows the forgetting-curve chart with a text alternative', async ({ page }) => {
  await page.goto('/lessons/hasty-decisions/');
  const figure = page.locator('figure').filter({ has: page.locator('svg[role="img"]') });
  await expect(figure).toHaveCount(1);
  await expect(figure.locator('svg[role="img"] path').first()).toBeAttached();
  await expect(figure.locator('figcaption')).toContainText(/повтор/i);
});

test('the home page lists every lesson with its summary and reading time', async ({ page }) => {
  await page.goto('/');
  for (const lesson of lessons) {
    const item = page.locator(`[data-lesson="${lesson.slug}"]`);
    await expect(item.getByRole('link')).toContainText(lesson.data.title);
    await expect(item).toContainText(lesson.data.summary);
    await expect(item).toContainText(/мин/);
  }
});
