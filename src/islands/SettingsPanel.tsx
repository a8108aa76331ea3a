import { useEffect, useState } from 'preact/hooks';
import { backupFileName, isBackupOverdue, MAX_BACKUP_BYTES, serializeBackup } from '../domain/backup';
import { parseBackup } from '../domain/backup-import';
import { settingsSchema } from '../domain/schemas';
import { BACKUP_MESSAGES } from '../i18n/messages';
import { formatDate } from '../i18n/dates';
import { formatReviews } from '../i18n/plurals';
import { downloadText } from '../lib/download';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { persistenceStatus, requestPersistence, type PersistenceStatus } from '../storage/persist';
import type { StoredMeta } from '../storage/store';

/** What the panel reads once, beside the runtime's state. */
interface Loaded {
  meta: StoredMeta;
  persisted: PersistenceStatus;
}

const PERSISTENCE_TEXT: Record<PersistenceStatus, string> = {
  persisted: 'Браузер обещал хранить прогресс и не удалять его сам.',
  'not-persisted': 'Браузер может удалить прогресс при нехватке места или после 7 дней без посещений.',
  unsupported: 'Браузер не сообщает, сохранит ли он прогресс надолго.',
};

/**
 * Settings, backup, restore and reset. Thin: validation and the backup format live in src/domain,
 * loading, importing and saving in the page runtime (the same deck every island on the page
 * sees, kept current with other tabs, so a backup holds every saved review); this island calls
 * them and says what happened.
 */
export default function SettingsPanel() {
  const state = useRuntimeState();
  const [data, setData] = useState<Loaded | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [form, setForm] = useState({ desiredRetention: '', newPerDay: '', dayStartHour: '' });

  useEffect(() => {
    void (async () => {
      const runtime = pageRuntime();
      await runtime.load();
      const [meta, persisted] = await Promise.all([runtime.getMeta(), persistenceStatus()]);
      const { settings } = runtime.getState();
      setForm({
        desiredRetention: String(settings.desiredRetention),
        newPerDay: String(settings.newPerDay),
        dayStartHour: String(settings.dayStartHour),
      });
      setData({ meta, persisted });
    })();
  }, []);

  if (!data || !state.checked) return <p class="muted">Загружаем настройки…</p>;
  const { meta, persisted } = data;
  const { deck } = state;
  const runtime = pageRuntime();

  const say = (message: string, isProblem: boolean) => {
    setAlert(isProblem ? message : null);
    setStatus(isProblem ? null : message);
  };

  const saveSettings = async (event: Event) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse({
      desiredRetention: Number(form.desiredRetention.replace(',', '.')),
      newPerDay: Number(form.newPerDay),
      dayStartHour: Number(form.dayStartHour),
    });
    if (!parsed.success)
      return say(`Настройки не сохранены: ${parsed.error.issues.map((i) => i.message).join('; ')}.`, true);
    const result = await runtime.saveSettings(parsed.data);
    if (!result.ok) return say(result.error, true);
    say('Настройки сохранены и уже действуют.', false);
  };

  const exportBackup = async () => {
    const nowMs = runtime.now();
    downloadText(serializeBackup(runtime.backup()), backupFileName(nowMs), 'application/json;charset=utf-8');
    const nextMeta = { ...meta, lastBackupAt: nowMs };
    await runtime.saveMeta(nextMeta);
    setData({ ...data, meta: nextMeta, persisted: await requestPersistence() });
    say(`Резервная копия скачана: ${formatReviews(deck.reviewCount)}.`, false);
  };

  const importBackup = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed =
      file.size > MAX_BACKUP_BYTES ? parseBackup('', file.size) : parseBackup(await file.text(), file.size);
    if (!parsed.ok) return say(parsed.error, true);
    // The file's undone ids and reset count, and so do this browser's (see takenBackForImport).
    const imported = await runtime.importReviews(parsed.backup.reviews, parsed.backup);
    if (!imported.saved.ok) return say(imported.saved.error, true);
    say(BACKUP_MESSAGES.imported(imported.added, imported.alreadyPresent, imported.takenBack), false);
  };

  const reset = async () => {
    setConfirming(false);
    const result = await runtime.reset();
    if (!result.ok) return say(result.error, true);
    say('Прогресс удалён. Настройки остались.', false);
  };

  const field = (key: keyof typeof form, label: string, hint: string, attrs: Record<string, string>) => (
    <div class="settings-field">
      <label for={`setting-${key}`}>{label}</label>
      <input
        id={`setting-${key}`}
        type="number"
        required
        {...attrs}
        value={form[key]}
        aria-describedby={`setting-${key}-hint`}
        onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      />
      <small id={`setting-${key}-hint`} class="muted">
        {hint}
      </small>
    </div>
  );

  const overdue = isBackupOverdue({
    persisted: persisted === 'persisted',
    lastBackupAt: meta.lastBackupAt,
    nowMs: runtime.now(),
  });

  return (
    <div class="settings">
      {state.storageAlert && (
        <div role="alert" class="notice">
          {state.storageAlert}
        </div>
      )}
      <div role="alert" class="settings-message">
        {alert}
      </div>
      <div role="status" class="settings-message">
        {status}
      </div>

      <h2>Повторение</h2>
      <form onSubmit={(e) => void saveSettings(e)} noValidate>
        {field('desiredRetention', 'Желаемое запоминание', 'От 0,80 до 0,97. Выше — чаще повторения.', {
          min: '0.8',
          max: '0.97',
          step: '0.01',
          inputMode: 'decimal',
        })}
        {field('newPerDay', 'Новых вопросов в день', 'От 0 до 100.', { min: '0', max: '100', step: '1' })}
        {field('dayStartHour', 'Час начала учебного дня', 'От 0 до 23: ответы до этого часа считаются за вчера.', {
          min: '0',
          max: '23',
          step: '1',
        })}
        <button type="submit" class="button-primary">
          Сохранить настройки
        </button>
      </form>

      <h2>Резервная копия</h2>
      <p>
        Сохранено: <strong data-review-count={deck.reviewCount}>{formatReviews(deck.reviewCount)}</strong>.
      </p>
      <p>
        {PERSISTENCE_TEXT[persisted]} Последняя резервная копия:{' '}
        <strong data-last-backup>{meta.lastBackupAt === null ? 'ещё не было' : formatDate(meta.lastBackupAt)}</strong>
        {/* A date already ends with «г.»: no second period. */}
        {meta.lastBackupAt === null ? '.' : ''}
      </p>
      {overdue && <p class="notice settings-warning">{BACKUP_MESSAGES.backupOverdue}</p>}
      <p>
        <button type="button" onClick={() => void exportBackup()}>
          Скачать резервную копию
        </button>
      </p>
      <div class="settings-field">
        <label htmlFor="restore-file">Восстановить из файла</label>
        <input id="restore-file" type="file" accept="application/json,.json" onChange={(e) => void importBackup(e)} />
        <small class="muted">
          Повторения из файла добавятся к сохранённым; повторный импорт ничего не меняет. Отменённые ответы не вернутся.
          После сброса прогресса файл, скачанный до сброса, вернёт прогресс на день скачивания; из файлов, скачанных
          позже, сброшенное не вернётся.
        </small>
      </div>

      <h2>Сброс</h2>
      {confirming ? (
        <div class="notice" role="group" aria-labelledby="reset-question">
          <p id="reset-question">
            Удалить весь прогресс ({formatReviews(deck.reviewCount)})? Это нельзя отменить. Сначала можно скачать
            резервную копию.
          </p>
          <button type="button" class="button-danger" onClick={() => void reset()}>
            Да, удалить прогресс
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Отмена
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Сбросить прогресс
        </button>
      )}
    </div>
  );
}
