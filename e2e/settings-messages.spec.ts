import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { importBackup, lessonQuestionIds, seedBackup } from './seed';

/*
 * /settings/ on a phone: each result or error shows right under the control that caused it (the
 * learner is looking there), one message at a time; the settings say what they do in plain words.
 */

test.use({ serviceWorkers: 'block', viewport: { width: 390, height: 740 } });

const NOW = new Date('2026-03-10T09:00:00+03:00');

let questionIds: string[] = [];

test.beforeAll(async ({ browser }, testInfo) => {
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL ?? '', serviceWorkers: 'block' });
  questionIds = await lessonQuestionIds(page);
  await page.context().close();
});

const messages = (page: Page) => page.locator('[role="status"], [role="alert"]').filter({ hasText: /\S/ });

async function openSettings(page: Page): Promise<void> {
  await page.clock.install({ time: NOW });
  await page.goto('/settings/');
  await expect(page.locator('[data-review-count]')).toBeVisible();
}

/** The page's only message has `role` and `text`, sits just under `control` and is on screen. */
async function expectOnlyMessageUnder(control: Locator, role: 'status' | 'alert', text: string | RegExp) {
  const page = control.page();
  await expect(messages(page)).toHaveCount(1);
  const message = page.getByRole(role).filter({ hasText: /\S/ });
  await expect(message).toContainText(text);
  await expect(message).toBeInViewport();
  const controlBox = await control.boundingBox();
  const messageBox = await message.boundingBox();
  if (!controlBox || !messageBox) throw new Error('control or message not laid out');
  const gapPx = messageBox.y - (controlBox.y + controlBox.height);
  expect(gapPx, 'message below its control').toBeGreaterThanOrEqual(0);
  expect(gapPx, 'message right under its control').toBeLessThan(80);
}

test('each result and error shows under the control that caused it, replacing the last one', async ({ page }) => {
  await openSettings(page);
  const fileInput = page.getByLabel('Восстановить из файла');
  const exportButton = page.getByRole('button', { name: 'Скачать резервную копию' });
  const saveButton = page.getByRole('button', { name: 'Сохранить настройки' });

  await fileInput.scrollIntoViewIfNeeded();
  await importBackup(page, seedBackup(questionIds));
  await expectOnlyMessageUnder(fileInput, 'status', 'Добавлено 3 повторения');

  await exportButton.scrollIntoViewIfNeeded();
  const download = page.waitForEvent('download');
  await exportButton.click();
  await download;
  await expectOnlyMessageUnder(exportButton, 'status', 'Резервная копия скачана: 3 повторения');

  await fileInput.scrollIntoViewIfNeeded();
  await importBackup(page, Buffer.from('это не резервная копия {{{'));
  await expectOnlyMessageUnder(fileInput, 'alert', 'это не JSON');
  await expectNoAxeViolations(page, '/settings/ after a refused file, 390 px');

  await saveButton.scrollIntoViewIfNeeded();
  await page.getByLabel('Новых вопросов в день').fill('-1');
  await saveButton.click();
  await expectOnlyMessageUnder(saveButton, 'alert', 'не может быть отрицательным');
  await page.getByLabel('Новых вопросов в день').fill('12');
  await saveButton.click();
  await expectOnlyMessageUnder(saveButton, 'status', 'Настройки сохранены');

  const resetButton = page.getByRole('button', { name: 'Сбросить прогресс' });
  await resetButton.scrollIntoViewIfNeeded();
  await resetButton.click();
  await page.getByRole('button', { name: 'Да, удалить прогресс' }).click();
  await expectOnlyMessageUnder(
    resetButton,
    'status',
    'Прогресс и итоговые проверки удалены. Настройки и имя для сертификата остались.',
  );
  await expect(page.locator('[data-review-count]')).toHaveAttribute('data-review-count', '0');
});

test('the settings say in plain words how often cards come back and when a study day starts', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByText('Желаемое запоминание')).toHaveCount(0);
  const often = page.getByRole('group', { name: 'Как часто повторять' });
  await expect(often.getByRole('radio')).toHaveCount(3);
  await expect(often.getByRole('radio', { name: 'Реже — помните около 85 %' })).not.toBeChecked();
  await expect(often.getByRole('radio', { name: 'Обычно — помните около 90 %' })).toBeChecked();
  await expect(often.getByRole('radio', { name: 'Чаще — помните около 95 %' })).not.toBeChecked();

  const dayStart = page.getByLabel('Новый учебный день начинается в');
  await expect(dayStart.locator('option')).toHaveText(Array.from({ length: 13 }, (_, h) => `${`0${h}`.slice(-2)}:00`));
  await expect(dayStart.locator('option:checked')).toHaveText('04:00');
  await expect(page.getByText('отложенные «на завтра», появятся после 04:00')).toBeVisible();
  await dayStart.selectOption({ label: '07:00' });
  await expect(page.getByText('отложенные «на завтра», появятся после 07:00')).toBeVisible();
  await expectNoAxeViolations(page, '/settings/ form, 390 px');
});

/**
 * Changes the saved settings as an earlier version of the page could (it took any retention from
 * 0.80 to 0.97 as typed): finds the record stored under the key `settings` in this site's
 * IndexedDB and puts `patch` into it.
 */
async function patchStoredSettings(page: Page, patch: Record<string, number>): Promise<void> {
  const patched = await page.evaluate(async (patch) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      try {
        for (const storeName of db.objectStoreNames) {
          const store = db.transaction(storeName, 'readwrite').objectStore(storeName);
          const current: unknown = await request(store.get('settings'));
          if (typeof current !== 'object' || current === null) continue;
          await request(store.put({ ...current, ...patch }, 'settings'));
          return true;
        }
      } finally {
        db.close();
      }
    }
    return false;
  }, patch);
  expect(patched, 'saved settings found in IndexedDB').toBe(true);
}

test('a retention saved earlier that is none of the three choices is shown and kept as its own choice', async ({
  page,
}) => {
  await openSettings(page);
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Настройки сохранены' })).toBeVisible();
  await patchStoredSettings(page, { desiredRetention: 0.83 });
  await page.reload();
  const often = page.getByRole('group', { name: 'Как часто повторять' });
  await expect(often.getByRole('radio')).toHaveCount(4);
  await expect(often.getByRole('radio', { name: 'Своё значение: помните около 83 %' })).toBeChecked();

  // Saving something else keeps it; choosing «Чаще» replaces it.
  await page.getByLabel('Новых вопросов в день').fill('7');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Настройки сохранены' })).toBeVisible();
  await page.reload();
  await expect(often.getByRole('radio', { name: /^Своё значение/ })).toBeChecked();
  await often.getByRole('radio', { name: /^Чаще/ }).check();
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Настройки сохранены' })).toBeVisible();
  await page.reload();
  await expect(often.getByRole('radio', { name: /^Чаще/ })).toBeChecked();
  await expect(often.getByRole('radio')).toHaveCount(3);
});
