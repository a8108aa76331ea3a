import { expect, test } from '@playwright/test';
import { readCourse } from '../tests/read-course';

const lessons = readCourse();
const SECTIONS = [
  'the-mistake',
  'why-it-happens',
  'how-to-spot-it',
  'what-to-do',
  'example',
  'motto',
  'check-yourself',
];

for (const [index, lesson] of lessons.entries()) {
  test(`lesson ${lesson.slug} shows its title, its section anchors and all its questions`, async ({ page }) => {
    await page.goto(`/lessons/${lesson.slug}/`);
    await expect(page.locator('h1')).toHaveText(lesson.data.title);
    await expect(page.getByText(`Урок ${index + 1} из ${lessons.length}`, { exact: true })).toBeVisible();
    await expect(page.locator('.motto')).toContainText(lesson.data.motto);
    for (const id of SECTIONS) await expect(page.locator(`.lesson-body h2#${id}`)).toHaveCount(1);
    const shown = await page
      .locator('[data-question-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id')));
    expect(shown.sort()).toEqual(lesson.data.questions.map((q) => q.id).sort());
  });
}

test("the hasty-decisions lesson charts Ebbinghaus's savings and, separately, the scheduling model", async ({
  page,
}) => {
  await page.goto('/lessons/hasty-decisions/');
  const savings = page.locator('figure[data-chart="ebbinghaus-savings"]');
  // Each chart is an SVG file of its own (the lesson's first round trip stays small), shown as an image.
  const savingsImage = savings.getByRole('img');
  await expect(savingsImage).toHaveAccessibleName(/Сбережение.*Эббингауз.*1885/);
  await expect(savingsImage).toHaveJSProperty('complete', true);
  expect(await savingsImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const savingsSvg = await (await page.request.get((await savingsImage.getAttribute('src'))!)).text();
  expect(savingsSvg).toContain('сбережение, %');
  expect(savingsSvg.match(/<circle /g)).toHaveLength(7);
  const caption = savings.locator('figcaption');
  // The text alternative names savings and gives his seven figures, and nothing like "87 % forgotten".
  await expect(caption).toContainText('Сбережение');
  for (const figure of ['58,2', '44,2', '35,8', '33,7', '27,8', '25,4', '21,1'])
    await expect(caption).toContainText(`${figure}\u00a0%`);

  const model = page.locator('figure[data-chart="model-forgetting"]');
  await expect(model.getByRole('img')).toHaveAccessibleName(/Прогноз модели/);
  const modelSvg = await (await page.request.get((await model.getByRole('img').getAttribute('src'))!)).text();
  expect(modelSvg).toMatch(/<path class="l r" d="M/);
  await expect(model.locator('figcaption')).toContainText('не измерение, а прогноз модели FSRS');
  await expect(model.locator('figcaption')).toContainText('90\u00a0%');
});

test('a lesson shows its learning objectives and its time with the questions', async ({ page }) => {
  const lesson = lessons[0]!;
  await page.goto(`/lessons/${lesson.slug}/`);
  const objectives = page.getByRole('region', { name: 'После урока вы сможете' });
  await expect(objectives.getByRole('listitem')).toHaveText(lesson.data.objectives);
  await expect(page.locator('.lesson-header')).toContainText(/Около \d+ мин вместе с вопросами/);
});

test('a term links to its one definition in the glossary', async ({ page }) => {
  await page.goto(`/lessons/${lessons[0]!.slug}/`);
  const term = page.locator('.lesson-body a.term').first();
  const href = await term.getAttribute('href');
  expect(href).toMatch(/^\/glossary\/#[a-z-]+$/);
  await term.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace('#', '#')}$`));
  const entry = page.locator(href!.slice('/glossary/'.length));
  await expect(entry.locator('dt')).not.toBeEmpty();
  await expect(entry.locator('dd')).toContainText(lessons[0]!.data.title);
});

test('the home page lists every lesson with its summary and its time with the questions', async ({ page }) => {
  await page.goto('/');
  for (const lesson of lessons) {
    const item = page.locator(`[data-lesson="${lesson.slug}"]`);
    await expect(item.getByRole('link')).toContainText(lesson.data.title);
    await expect(item).toContainText(lesson.data.summary);
    await expect(item).toContainText(/Около \d+ мин вместе с вопросами/);
  }
});
