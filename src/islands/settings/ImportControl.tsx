import { useState } from 'preact/hooks';
import { BACKUP_MESSAGES } from '../../i18n/backup-messages';
import { pageRuntime } from '../../runtime/page';
import { ActionMessage, type Busy, type Said } from './ActionMessage';
import { parseBackupFile } from './parse-backup-file';

interface Props {
  said: Said | null;
  say: (said: Said) => void;
  /** False while the page is still loading the learner's data. */
  ready: boolean;
}

/** Lets the browser paint (the «Сохраняем…» line) before the page's thread merges the reviews. */
const nextPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A hidden tab runs no animation frames; the merge need not wait for the learner to come back.
    setTimeout(resolve, 100);
  });

/**
 * «Восстановить из файла»: the file is read and checked in a worker, with its progress shown
 * under the control, then merged by the page runtime; the result or the error replaces it.
 */
export function ImportControl({ said, say, ready }: Props) {
  const [busy, setBusy] = useState<Busy | null>(null);

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const done = (text: string, isProblem: boolean) => {
      setBusy(null);
      say({ action: 'import', text, isProblem });
    };
    say({ action: 'import', text: '', isProblem: false });
    setBusy({ text: BACKUP_MESSAGES.reading, fraction: 0 });
    const parsed = await parseBackupFile(file, (step) =>
      setBusy(
        step.phase === 'reading'
          ? { text: BACKUP_MESSAGES.reading, fraction: step.fraction }
          : { text: BACKUP_MESSAGES.checking },
      ),
    );
    if (!parsed.ok) return done(parsed.error, true);
    setBusy({ text: BACKUP_MESSAGES.saving(parsed.backup.reviews.length) });
    await nextPaint();
    // The file's undone ids and reset count, and so do this browser's (see takenBackForImport).
    const imported = await pageRuntime().importReviews(parsed.backup.reviews, parsed.backup);
    if (!imported.saved.ok) return done(imported.saved.error, true);
    done(BACKUP_MESSAGES.imported(imported.added, imported.alreadyPresent, imported.takenBack), false);
  };

  return (
    <div class="settings-field">
      <label htmlFor="restore-file">Восстановить из файла</label>
      <input
        // Labelled only once the page can import: a file chosen earlier would have no handler.
        id={ready ? 'restore-file' : undefined}
        type="file"
        accept="application/json,.json"
        disabled={busy !== null}
        aria-describedby="restore-file-hint"
        onChange={(e) => void importFile(e)}
      />
      <ActionMessage action="import" said={said} busy={busy} />
      <small id="restore-file-hint" class="muted">
        Повторения из файла добавятся к сохранённым; повторный импорт ничего не меняет. Отменённые ответы не вернутся.
        После сброса прогресса файл, скачанный до сброса, вернёт прогресс на день скачивания; из файлов, скачанных
        позже, сброшенное не вернётся.
      </small>
    </div>
  );
}
