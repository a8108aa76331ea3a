/** Russian messages about backup files (settings page and the file-reading worker). */
import { formatReviews } from './plurals';

/** Messages about backup files. */
export const BACKUP_MESSAGES = Object.freeze({
  tooLarge: (sizeMb: string, maxMb: string) =>
    `Файл слишком большой (${sizeMb} МБ). Можно загрузить файл не больше ${maxMb} МБ.`,
  unreadable: 'Не удалось прочитать файл: возможно, его переместили или удалили. Выберите его ещё раз.',
  notText: 'Файл не похож на резервную копию: это не текст в кодировке UTF-8.',
  notJson: 'Файл не похож на резервную копию: это не JSON.',
  forbiddenKey: (key: string) => `Файл отклонён: в нём есть недопустимый ключ «${key}».`,
  wrongFormat: 'Это не резервная копия прогресса этого курса.',
  newerVersion: (version: number) =>
    `Файл создан более новой версией сайта (формат ${version}). Обновите страницу и попробуйте снова.`,
  invalid: (where: string, what: string) => `Файл повреждён: ${where} — ${what}. Ничего не изменено.`,
  /** After a successful import. */
  imported: (added: number, alreadyThere: number, takenBack = 0) =>
    takenBack === 0 && added === 0
      ? 'Все повторения из файла уже были сохранены. Ничего не изменилось.'
      : `${added ? `Добавлено ${formatReviews(added)}` : 'Ничего не добавлено'}${alreadyThere ? `, ещё ${formatReviews(alreadyThere)} уже были` : ''}.` +
        (takenBack ? ` Не вернулись отменённые или сброшенные: ${formatReviews(takenBack)}.` : ''),
  /** While a file is read, checked and saved («Читаем файл…», then the rest). */
  reading: 'Читаем файл…',
  checking: 'Проверяем файл…',
  saving: (count: number) => `Сохраняем ${formatReviews(count)}…`,
  /** The backup could not be written (the browser refused the download or ran out of memory). */
  exportFailed: 'Не удалось подготовить резервную копию. Обновите страницу и попробуйте ещё раз.',
  /** Settings warning: storage is not persistent and the last backup is old or missing. */
  backupOverdue:
    'Браузер может удалить прогресс, если не заходить на сайт 7 дней (так делает Safari). Скачайте резервную копию или установите сайт на главный экран.',
});
