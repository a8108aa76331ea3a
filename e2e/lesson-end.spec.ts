import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { readCourse } from '../tests/read-course';

/*
 * The end of a lesson: what was learned, when the first review comes, the lesson's review link and
 * a daily reminder a learner downloads in one press, without an island on the lesson page.
 */

test.use({ serviceWorkers: 'block' });

const lessons = readCourse();
const NOW = new Date('2026-03-10T21:00:00+03:00');

test('every lesson ends, before the next-lesson link, with its objectives, the first review and its review link', async ({
  page,
}) => {
  for (const lesson of lessons) {
    await page.goto(`/lessons/${lesson.slug}/`);
    const end = page.getByRole('region', { name: 'Итоги урока' });
    await expect(end.getByRole('listitem')).toHaveText(lesson.data.objectives);
    await expect(end.locator('[data-lesson-first-review]')).toContainText('со следующего учебного дня');
    await expect(end.getByRole('link', { name: 'Повторение этого урока' })).toHaveAttribute(
      'href',
      `/review/?lesson=${lesson.slug}`,
    );
    // The block comes after the lesson's text and before the pager.
    const order = await page.evaluate(() => {
      const block = document.querySelector('.lesson-end');
      const pager = document.querySelector('.pager');
      const body = document.querySelector('.lesson-body');
      const follows = (a: Node | null, b: Node | null) =>
        Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { afterBody: follows(body, block), beforePager: follows(block, pager) };
    });
    expect(order).toEqual({ afterBody: true, beforePager: true });
  }
});

test('«Напоминать каждый день» downloads a daily .ics from tomorrow at 09:30 local time, linking this site’s review', async ({
  page,
  baseURL,
}) => {
  await page.clock.install({ time: NOW });
  const writerRequests: string[] = [];
  page.on('request', (request) => {
    if (/download-reminder/.test(request.url())) writerRequests.push(request.url());
  });
  await page.goto(`/lessons/${lessons[0]!.slug}/`);
  const end = page.getByRole('region', { name: 'Итоги урока' });
  const button = end.getByRole('button', { name: 'Напоминать каждый день' });
  await expect(button).toBeVisible();
  // No island on a lesson page for this, and the writer is not loaded until pressed.
  await expect(end.locator('astro-island')).toHaveCount(0);
  expect(writerRequests).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(writerRequests.length).toBeGreaterThan(0);
  expect(download.suggestedFilename()).toBe('ezhednevnoe-povtorenie.ics');
  const ics = await readFile(await download.path(), 'utf8');
  const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the file');
  // 21:00 on 10 March in Moscow: tomorrow is the 11th; floating time, no Z or TZID.
  expect(ics).toContain('\r\nDTSTART:20260311T093000\r\n');
  expect(ics).toContain('\r\nRRULE:FREQ=DAILY;COUNT=30\r\n');
  const origin = process.env['SITE_URL'] ? new URL(process.env['SITE_URL']).origin : new URL(baseURL!).origin;
  expect(vevent.getFirstPropertyValue('url')).toBe(`${origin}/review/`);
  await expect(end.getByRole('status')).toHaveText(/^Файл ezhednevnoe-povtorenie\.ics скачан/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the lesson end is there, and the reminder is a link to the trainer kit’s calendar form', async ({ page }) => {
    await page.goto(`/lessons/${lessons[0]!.slug}/`);
    const end = page.getByRole('region', { name: 'Итоги урока' });
    await expect(end.getByRole('listitem').first()).toBeVisible();
    await expect(end.getByRole('link', { name: 'Напоминать каждый день' })).toHaveAttribute(
      'href',
      '/trainers/#calendar',
    );
  });
});
