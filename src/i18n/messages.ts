/**
 * Russian messages for problems the learner must see (shown with `role="alert"`). Backup files'
 * messages are in backup-messages.ts, loaded only by the settings page.
 */
import { formatCards } from './plurals';

/** Messages about storage. */
export const STORAGE_MESSAGES = Object.freeze({
  /** IndexedDB is missing, blocked or failing: the site runs from memory. */
  unavailable:
    'Браузер не даёт сохранить прогресс (например, в приватном окне). Сайт работает, но ответы забудутся, когда вы закроете вкладку. Скачайте резервную копию в настройках.',
  /** A write failed after retries; the data is kept in memory and retried. */
  writeFailed: 'Не удалось сохранить последние ответы. Они не потеряны: попробуем ещё раз. Не закрывайте вкладку.',
  /** A read of the saved progress failed. */
  readFailed: 'Не удалось прочитать сохранённый прогресс. Попробуйте обновить страницу.',
  /** Some stored records were damaged and were skipped. */
  skipped: (n: number) => `Пропущено повреждённых записей: ${n}. Остальной прогресс загружен.`,
});

/** «Сегодня к повторению: 3 карточки» style text for the due count. */
export function dueCountText(n: number): string {
  return n === 0 ? 'Сегодня повторять нечего' : `К повторению: ${formatCards(n)}`;
}
