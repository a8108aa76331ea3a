import { expect, test, type Page } from '@playwright/test';
import { readCourse } from '../tests/read-course';
import { expectNoAxeViolations } from './axe';

/*
 * What a trainer hands out: the one-page cheat sheet (/summary/) and the whole course for
 * printing (/print/). Printed with Chromium's own PDF engine, as a learner's «Сохранить как PDF».
 */

test.use({ serviceWorkers: 'block' });

const lessons = readCourse();

/** Pages in a PDF: one `/Type /Page` object per page (not `/Pages`, the tree). */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

async function printA4(page: Page): Promise<Buffer> {
  return page.pdf({ format: 'A4', printBackground: true });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the cheat sheet prints on one A4 page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/summary/');
    expect(countPdfPages(await printA4(page))).toBe(1);
  });

  test(`the cheat sheet and the printed course pass axe on screen and in print (${colorScheme})`, async ({ page }) => {
    for (const path of ['/summary/', '/print/']) {
      await page.emulateMedia({ colorScheme, media: 'screen' });
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${colorScheme})`);
      await page.emulateMedia({ colorScheme, media: 'print' });
      await expectNoAxeViolations(page, `${path} printed (${colorScheme})`);
    }
  });

  test(`print is light whatever the screen's colour scheme (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, media: 'print' });
    await page.goto('/print/');
    const colors = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, text: body.color };
    });
    expect(colors).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  });
}

test('the cheat sheet gives every mistake its motto, two warning signs and first step, from the lessons', async ({
  page,
}) => {
  await page.goto('/summary/');
  const items = page.locator('.summary-item');
  await expect(items).toHaveCount(lessons.length);
  for (const [index, lesson] of lessons.entries()) {
    const item = items.nth(index);
    await expect(item.getByRole('heading', { level: 2 })).toHaveText(`${index + 1}. ${lesson.data.title}`);
    await expect(item.locator('.summary-motto')).toHaveText(lesson.data.motto);
    await expect(item.locator('ul li')).toHaveText(lesson.data.warningSigns);
    await expect(item.locator('.summary-step')).toContainText(lesson.data.firstStep);
  }
});

test('the printed course holds every lesson, every question with its answer, and the credit', async ({ page }) => {
  await page.goto('/print/');
  for (const lesson of lessons) {
    await expect(page.getByRole('heading', { level: 2, name: lesson.data.title, exact: true })).toBeVisible();
    for (const question of lesson.data.questions) {
      const card = page.locator(`[data-question-id="${question.id}"]`);
      await expect(card).toContainText(question.question.slice(0, 40));
      await expect(card.locator('.print-answer')).toContainText('Ответ:');
    }
  }
  await expect(page.locator('.print-credit')).toContainText('Питера Строкорба');
  await expect(page.locator('.print-credit')).toContainText('придуманы для курса');
  await page.emulateMedia({ media: 'print' });
  // Each lesson starts on a new sheet, so there are at least as many pages as lessons.
  expect(countPdfPages(await printA4(page))).toBeGreaterThan(lessons.length);
});

test('home and the trainer kit link the cheat sheet, the printed course and the glossary', async ({ page }) => {
  for (const path of ['/', '/trainers/']) {
    await page.goto(path);
    for (const href of ['/summary/', '/print/', '/glossary/'])
      await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
  }
});

test('the footer credits the article for what it gave and calls the examples illustrations', async ({ page }) => {
  await page.goto('/');
  const footer = page.locator('.site-footer');
  await expect(footer).toContainText('Питера Строкорба');
  await expect(footer).toContainText('семь ошибок, их девизы, пример Kodak и Canon и три быстрых решения');
  await expect(footer).toContainText('иллюстрации');
});
