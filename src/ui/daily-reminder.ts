/**
 * The end of a lesson: turns the reminder link into a button that downloads the daily .ics. The
 * writer is loaded only when pressed; without JavaScript the link leads to the trainer kit's form.
 */
export function enableDailyReminder(root: ParentNode = document): void {
  const link = root.querySelector<HTMLAnchorElement>('[data-daily-reminder]');
  const status = root.querySelector<HTMLElement>('[data-daily-reminder-status]');
  if (!link || !status) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  button.textContent = (link.textContent ?? '').trim();
  button.addEventListener('click', () => {
    import('../trainers/download-reminder')
      .then(({ defaultReminderPlan, downloadReminder, REMINDER_FILE_NAME }) => {
        downloadReminder(
          defaultReminderPlan(Date.now()),
          link.dataset['courseName'] ?? '',
          link.dataset['reviewUrl'] ?? '',
        );
        status.textContent = `Файл ${REMINDER_FILE_NAME} скачан: откройте его, чтобы добавить напоминание в календарь.`;
      })
      // Offline before the service worker cached the writer: the trainer kit's form still works.
      .catch(() => location.assign(link.href));
  });
  link.replaceWith(button);
}
