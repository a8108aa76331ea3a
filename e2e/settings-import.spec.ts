import { expect, test, type Page } from '@playwright/test';
import { importBackup, lessonQuestionIds, seedBackup } from './seed';

/*
 * Restoring a large backup: the file is read and checked in a Web Worker, so the page keeps
 * responding, and the learner sees how far it got. Without a worker the page reads it itself.
 */

test.use({ serviceWorkers: 'block' });

const NOW = new Date('2026-04-10T09:00:00+03:00');

let questionIds: string[] = [];

test.beforeAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL ?? '', serviceWorkers: 'block' });
  questionIds = await lessonQuestionIds(page);
  await page.context().close();
});

const info = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });

async function openSettings(page: Page): Promise<void> {
  await page.clock.install({ time: NOW });
  await page.goto('/settings/');
  await expect(page.locator('[data-review-count]')).toBeVisible();
}

/**
 * A version 1 backup (a review object per row, as the site wrote until version 2) of `count`
 * «Хорошо» reviews over the year before NOW, cycling through the lesson's real questions.
 */
function version1Backup(count: number): string {
  const stepMs = Math.floor((365 * 86_400_000) / count);
  const startMs = NOW.getTime() - 86_400_000 - count * stepMs;
  const rows = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `v1-review-${String(i).padStart(6, '0')}`,
      questionId: questionIds[i % questionIds.length],
      rating: 3,
      reviewedAt: startMs + i * stepMs,
      utcOffsetMinutes: 180,
      dayStartHour: 4,
    }),
  );
  const head = JSON.stringify({
    format: 'seven-reasons-progress',
    version: 1,
    exportedAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
    settings: { desiredRetention: 0.9, newPerDay: 10, dayStartHour: 4 },
  });
  return `${head.slice(0, -1)},"reviews":[\n${rows.join(',\n')}\n]}\n`;
}

/** What the page showed and how long its main thread was busy, from now until the import ends. */
interface Watched {
  /** Each text the import's status line showed, in order, with ms since watching began. */
  lines: { text: string; atMs: number }[];
  /** The largest `value` a <progress> under the file input reached (null: none shown). */
  maxProgress: number | null;
  /** Long tasks on the page's main thread: start (ms since watching began) and duration. */
  longTasks: { atMs: number; durationMs: number }[];
  /** When the file input reported the chosen file (ms since watching began). */
  changeAtMs: number | null;
  /** When a 10 ms timer on the page's thread actually ran (ms since watching began). */
  ticks: number[];
}

/** Starts recording the import's status lines, its progress bar and the page's long tasks. */
async function watchImport(page: Page): Promise<() => Promise<Watched>> {
  await page.evaluate(() => {
    const field = document.querySelector('#restore-file')?.closest('.settings-field');
    if (!field) throw new Error('no import field');
    const startMs = performance.now();
    const watched: Watched = { lines: [], maxProgress: null, longTasks: [], changeAtMs: null, ticks: [] };
    // Playwright hands the file to the page in one long task of its own, which ends with this event.
    field.addEventListener('change', () => (watched.changeAtMs ??= performance.now() - startMs), { capture: true });
    (window as unknown as { watched: Watched }).watched = watched;
    setInterval(() => watched.ticks.push(performance.now() - startMs), 10);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        watched.longTasks.push({ atMs: entry.startTime - startMs, durationMs: entry.duration });
      }
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const text = field.querySelector('[role="status"]')?.textContent ?? '';
      const last = watched.lines.at(-1)?.text;
      if (text && text !== last) watched.lines.push({ text, atMs: performance.now() - startMs });
      const progress = field.querySelector('progress');
      if (progress?.hasAttribute('value')) watched.maxProgress = Math.max(watched.maxProgress ?? 0, progress.value);
    }).observe(field, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { watched: Watched }).watched);
}

test('a 12 MB backup is parsed in a worker while the page keeps responding, with its progress shown', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const COUNT = 84_000;
  const file = version1Backup(COUNT);
  expect(file.length).toBeGreaterThan(12 * 1024 * 1024);
  await openSettings(page);
  const watched = await watchImport(page);
  const worker = page.waitForEvent('worker', { timeout: 10_000 });
  await importBackup(page, file, 'progress-2025.json');
  expect((await worker).url()).toMatch(/backup-parse/);
  await expect(info(page)).toContainText(/Добавлено 84\s000 повторений/, { timeout: 240_000 });
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', String(COUNT));

  const { lines, maxProgress, longTasks, changeAtMs, ticks } = await watched();
  const texts = lines.map((line) => line.text);
  expect(texts[0]).toBe('Читаем файл…');
  expect(texts).toContain('Проверяем файл…');
  expect(texts).toContainEqual(expect.stringMatching(/^Сохраняем 84\s000 повторений…$/));
  expect(maxProgress).toBe(100);
  // Until the file is read and checked (the «Сохраняем…» line), the page's thread never stops
  // for long: its timer keeps running. Parsing 12 MB on the page itself stops it for seconds.
  const savingAtMs = lines.find((line) => line.text.startsWith('Сохраняем'))?.atMs ?? Infinity;
  const startMs = changeAtMs ?? 0;
  const gapsMs = ticks.slice(1).flatMap((atMs, i) => {
    const previousMs = ticks[i] ?? atMs;
    return previousMs >= startMs && atMs <= savingAtMs ? [atMs - previousMs] : [];
  });
  const longestGapMs = Math.max(0, ...gapsMs);
  const seconds = (ms: number) => ((ms - startMs) / 1000).toFixed(1);
  console.log(
    `12 MB import: read and checked in ${seconds(savingAtMs)} s (longest stop of the page's thread ${Math.round(longestGapMs)} ms), ` +
      `saved in ${seconds(lines.at(-1)?.atMs ?? 0)} s; long tasks: ${JSON.stringify(longTasks.filter((t) => t.atMs > startMs))}`,
  );
  expect(gapsMs.length, 'timer ticks while the file was read').toBeGreaterThan(0);
  // Generous for a loaded 2-core machine; on the page itself the parse stops the timer 2.5 s or more.
  expect(longestGapMs, "longest stop of the page's thread while the file was read, ms").toBeLessThan(1000);
});

for (const [label, breakWorkers] of [
  [
    'no Worker in the browser',
    (page: Page) =>
      page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined, configurable: true })),
  ],
  ['a worker script that fails to load', (page: Page) => page.route(/backup-parse/, (route) => route.abort())],
] as const) {
  test(`with ${label}, the page reads the file itself: a good one is imported, a bad one refused`, async ({ page }) => {
    await breakWorkers(page);
    await openSettings(page);
    await importBackup(page, seedBackup(questionIds));
    await expect(info(page)).toContainText('Добавлено 3 повторения');
    await importBackup(page, Buffer.from('{"format": "seven-reasons-progress", "version": 1}'));
    await expect(problem(page)).toContainText('Файл повреждён');
    await expect(info(page)).toHaveCount(0);
    await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '3');
  });
}
