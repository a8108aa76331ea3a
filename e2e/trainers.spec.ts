import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { readCourse } from '../tests/read-course';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/*
 * The trainer kit against the built site: every lesson and link is there and resolves, copy
 * buttons fill the clipboard, and the calendar form downloads an .ics that a real parser reads.
 * Lessons are read from the home page, so a new lesson is covered without touching this file.
 */

test.use({ serviceWorkers: 'block' });

const lessons = readCourse();

/** Scrolls to the reminder form and waits until its island has hydrated (the button shows then). */
async function reminderForm(page: Page) {
  const form = page.locator('.reminder-form');
  await form.scrollIntoViewIfNeeded();
  await expect(form.getByRole('button', { name: /Скачать/ })).toBeVisible();
  return form;
}

/**
 * A copy button, scrolled into view and hydrated. Buttons hydrate when seen and stay hidden until
 * then, and Playwright scrolls only to visible elements, so the scrolling is done here.
 */
async function copyButton(scope: Page | Locator, name: string | RegExp): Promise<Locator> {
  const button = scope.getByRole('button', { name, exact: typeof name === 'string', includeHidden: true }).first();
  await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(button).toBeVisible();
  return button;
}

/** The lesson paths the home page lists, in order. */
async function lessonPaths(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.locator('.lesson-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

test('lists every lesson with its summary, time with questions, objectives, discussion questions and absolute link', async ({
  page,
}) => {
  const paths = await lessonPaths(page);
  expect(paths.length).toBeGreaterThan(0);
  await page.goto('/trainers/');
  const cards = page.locator('.kit-lesson');
  await expect(cards).toHaveCount(paths.length);
  for (const [index, path] of paths.entries()) {
    const card = cards.nth(index);
    await expect(card.getByText(new RegExp(`^Урок ${index + 1} · около \\d+ мин с вопросами$`))).toBeVisible();
    await expect(card.locator('.kit-objectives li')).toHaveCount(lessons[index]!.data.objectives.length);
    await expect(card.locator('.kit-discussion li')).toHaveCount(lessons[index]!.data.discussion.length);
    await expect(card.getByRole('heading', { level: 3 })).not.toBeEmpty();
    const link = card.locator(`a[href="${path}"]`);
    await expect(link).toBeVisible();
    // The visible text is the absolute URL a trainer pastes: the public origin plus the same path.
    expect(new URL((await link.textContent()) ?? '').pathname).toBe(path);
    await copyButton(card, `Копировать ссылку на урок ${index + 1}`);
  }
});

test('every link on the page resolves, #section links to an element on the target page', async ({ page, request }) => {
  await page.goto('/trainers/');
  const links = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })));
  expect(links.filter((l) => l.href.includes('#') && l.href.startsWith('/lessons/')).length).toBeGreaterThan(0);
  const pages = new Map<string, string>();
  for (const { href, text } of links) {
    const url = new URL(href, page.url());
    const key = url.pathname + url.search;
    if (!pages.has(key)) {
      const response = await request.get(key);
      expect(response.status(), `${key} answers`).toBe(200);
      pages.set(key, await response.text());
    }
    const id = decodeURIComponent(url.hash.slice(1));
    if (id) expect(pages.get(key), `${href} names an element`).toMatch(new RegExp(`\\sid="${id}"`));
    // A link showing a URL shows the same path, query and fragment it links to.
    if (/^https?:\/\//.test(text)) {
      const shown = new URL(text);
      expect(shown.pathname + shown.search + shown.hash, `text of ${href}`).toBe(href);
    }
  }
});

test('a copy button puts the link on the clipboard and says «Скопировано»', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/trainers/');
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const card = page.locator('.kit-lesson').nth(0);
  const link = card.locator('.copy-row-url').first();
  await (await copyButton(card, 'Копировать ссылку на урок 1')).click();
  await expect(card.getByRole('status').filter({ hasText: 'Скопировано' })).toBeVisible();
  expect(await readClipboard()).toBe(await link.textContent());

  // A section link, inside its disclosure.
  await card.locator('.kit-sections summary').click();
  const sectionLink = card.locator('.kit-sections .copy-row-url').first();
  await (await copyButton(card, /^Копировать ссылку на раздел «.+» урока 1$/)).click();
  await expect.poll(readClipboard).toBe(await sectionLink.textContent());
  expect(await readClipboard()).toMatch(/^https?:\/\/[^/]+\/lessons\/[a-z0-9-]+\/#[a-z0-9-]+$/);
});

test('without the Clipboard API (a plain-HTTP host) the text is selected and copied the old way', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto('/trainers/');
  const card = page.locator('.kit-lesson').nth(0);
  await (await copyButton(card, 'Копировать ссылку на урок 1')).click();
  await expect(card.getByRole('status').filter({ hasText: /Скопировано|Ctrl\+C/ })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
    await card.locator('.copy-row-url').first().textContent(),
  );
});

test('the onboarding snippet copies with every lesson link and the review link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const paths = await lessonPaths(page);
  await page.goto('/trainers/');
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
  for (const [id, name] of [
    ['snippet-markdown', 'Копировать текст для онбординга в Markdown'],
    ['snippet-text', 'Копировать текст для онбординга обычным текстом'],
  ] as const) {
    await (await copyButton(page, name)).click();
    await expect.poll(readClipboard).toBe(await page.locator(`#${id}`).textContent());
    const snippet = await readClipboard();
    expect(snippet).toMatch(/^Пройдите короткий курс «/);
    for (const path of paths) expect(snippet).toMatch(new RegExp(`https?://[^/\\s]+${path}[)\\s]`));
    expect(snippet).toMatch(/https?:\/\/[^/\s]+\/review\/\)?$/);
  }
});

test('the calendar form downloads an .ics with the chosen days at the chosen time', async ({ page }) => {
  await page.goto('/trainers/');
  const form = await reminderForm(page);
  await expect(form.getByLabel('Время')).toHaveValue('09:30');
  await expect(form.getByLabel('Сколько дней')).toHaveValue('30');
  // Tomorrow in the browser's zone (the config runs the browser in Moscow time).
  const tomorrow = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    return d.toLocaleDateString('sv-SE');
  });
  await expect(form.getByLabel('Первый день')).toHaveValue(tomorrow);

  await form.getByLabel('Время').fill('07:15');
  await form.getByLabel('Первый день').fill('2030-01-15');
  await form.getByLabel('Сколько дней').fill('10');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: /Скачать/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ezhednevnoe-povtorenie.ics');
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

  const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the file');
  const event = new ICAL.Event(vevent);
  expect(event.summary).toBe('Повторение курса (5 минут)');
  expect(String(vevent.getFirstPropertyValue('url'))).toMatch(/^https?:\/\/[^/]+\/review\/$/);
  // Floating local time (no Z, no TZID): each learner's calendar puts it at 07:15 on their own clock.
  expect(ics).toContain('\r\nDTSTART:20300115T071500\r\n');
  expect(ics).not.toMatch(/\r\nDT(START|END)[^\r]*(Z|TZID)/);
  const starts: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && starts.length < 400; next = iterator.next()) starts.push(next.toString());
  expect(starts).toHaveLength(10);
  expect(starts[0]).toBe('2030-01-15T07:15:00');
  expect(starts.every((start) => start.endsWith('T07:15:00'))).toBe(true);
  expect(starts.at(-1)).toBe('2030-01-24T07:15:00');
  await expect(page.getByRole('status').filter({ hasText: 'ezhednevnoe-povtorenie.ics' })).toBeVisible();
});

test("the onboarding snippet offers a plan by day from the lessons' minutes, then daily review", async ({ page }) => {
  await page.goto('/trainers/');
  const minutes = (await page.locator('.kit-lesson-meta').allTextContents()).map((meta) =>
    Number(/около (\d+) мин/.exec(meta)?.[1]),
  );
  expect(minutes.length).toBe(lessons.length);
  for (const id of ['snippet-markdown', 'snippet-text']) {
    const snippet = (await page.locator(`#${id}`).textContent()) ?? '';
    // «День 1: уроки 1–2 (≈ 29 мин)», «День 4: урок 7 (≈ 14 мин)», bold in Markdown.
    const days = [...snippet.matchAll(/^(?:\*\*)?День (\d+): уроки? (\d+)(?:–(\d+))? \(≈\u00a0(\d+)\u00a0мин\)/gm)].map(
      ([, day, first, last, total]) => ({
        day: Number(day),
        first: Number(first),
        last: Number(last ?? first),
        total: Number(total),
      }),
    );
    expect(days.length, `days in ${id}`).toBeGreaterThan(1);
    expect(days.length).toBeLessThan(lessons.length);
    // Consecutive days covering every lesson once, in order, each with its lessons' minutes.
    expect(days.map((d) => d.day)).toEqual(days.map((_, i) => i + 1));
    expect(days[0]?.first).toBe(1);
    expect(days.at(-1)?.last).toBe(lessons.length);
    for (const [i, d] of days.entries()) {
      if (i > 0) expect(d.first).toBe(days[i - 1]!.last + 1);
      expect(d.total).toBe(minutes.slice(d.first - 1, d.last).reduce((a, b) => a + b, 0));
    }
    expect(snippet).toMatch(/^(\*\*)?Каждый день, начиная со второго:(\*\*)? 5 минут .*\/review\/\)?$/m);
  }
});

test('an invalid number of days shows an alert and downloads nothing', async ({ page }) => {
  await page.goto('/trainers/');
  const form = await reminderForm(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  for (const days of ['0', '400']) {
    await form.getByLabel('Сколько дней').fill(days);
    await form.getByRole('button', { name: /Скачать/ }).click();
    await expect(page.getByRole('alert')).toHaveText('Число дней — целое число от 1 до 365.');
    await expect(form.getByLabel('Сколько дней')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Сколько дней')).toBeFocused();
  }
  expect(downloads).toBe(0);
});

test('what is typed into the reminder form before its script loads is kept', async ({ page }) => {
  // Hold the island's script until the field is filled, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/CalendarReminder*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/trainers/');
  const days = page.locator('#reminder-days');
  await days.scrollIntoViewIfNeeded();
  await days.fill('12');
  release();
  const form = await reminderForm(page);
  await expect(form.getByLabel('Сколько дней')).toHaveValue('12');
  await expect(form.getByLabel('Первый день')).not.toHaveValue('');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the sections open, a copy announced and a form error (${colorScheme})`, async ({
    page,
    context,
  }) => {
    // axe over every open section takes a while on a busy machine.
    test.slow();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.emulateMedia({ colorScheme });
    await page.goto('/trainers/');
    for (const summary of await page.locator('.kit-lesson summary').all()) await summary.click();
    await (await copyButton(page, 'Копировать ссылку на урок 1')).click();
    await expect(page.getByRole('status').filter({ hasText: 'Скопировано' })).toBeVisible();
    const form = await reminderForm(page);
    await form.getByLabel('Сколько дней').fill('0');
    await form.getByRole('button', { name: /Скачать/ }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expectNoAxeViolations(page, `/trainers/ with everything open (${colorScheme})`);
  });
}

test.describe('built without SITE_URL', () => {
  // The suite runs against a build without SITE_URL, as `npm run build` makes by default.
  test.skip(Boolean(process.env['SITE_URL']), 'built for a public origin');

  test('copied links, the snippet and the .ics use the address the page is served from', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const origin = new URL(baseURL!).origin;
    await page.goto('/trainers/');
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

    const card = page.locator('.kit-lesson').nth(0);
    await (await copyButton(card, 'Копировать ссылку на урок 1')).click();
    await expect
      .poll(readClipboard)
      .toBe(`${origin}${await card.locator('.copy-row-url').first().getAttribute('href')}`);
    await (await copyButton(page, 'Копировать ссылку на повторение по всем урокам')).click();
    await expect.poll(readClipboard).toBe(`${origin}/review/`);

    for (const name of [
      'Копировать текст для онбординга в Markdown',
      'Копировать текст для онбординга обычным текстом',
    ]) {
      await (await copyButton(page, name)).click();
      await expect.poll(readClipboard).toContain(`${origin}/review/`);
      const snippet = await readClipboard();
      expect(snippet).not.toMatch(/example\.(org|com)|origin\.invalid/);
      // Every URL in it is on this origin.
      for (const url of snippet.match(/https?:\/\/[^\s)]+/g) ?? []) expect(new URL(url).origin).toBe(origin);
    }

    const form = await reminderForm(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: /Скачать/ }).click(),
    ]);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).not.toContain('example.org');
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('url')).toBe(`${origin}/review/`);
  });

  test('pages carry no canonical URL, og:url or sitemap rather than a wrong address', async ({ page, request }) => {
    for (const path of ['/', '/trainers/', `/lessons/${lessons[0]!.slug}/`]) {
      await page.goto(path);
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
      await expect(page.locator('link[rel="sitemap"]')).toHaveCount(0);
      // The other Open Graph tags stay, so a pasted link still unfurls.
      await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
      expect(await page.content()).not.toContain('example.org');
    }
    expect((await request.get('/sitemap-index.xml')).status()).toBe(404);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the links are plain visible links with their URLs', async ({ page }) => {
    await page.goto('/trainers/');
    const first = page.locator('.kit-lesson .copy-row-url').first();
    await expect(first).toBeVisible();
    // Absolute on the public origin (SITE_URL); without one, the path, which is true on any host.
    await expect(first).toHaveText(/^(https?:\/\/[^/]+)?\/lessons\/[a-z0-9-]+\/$/);
    await expect(page.locator('#snippet-text')).toContainText('/review/');
    await expect(page.locator('main')).not.toContainText('origin.invalid');
  });
});
