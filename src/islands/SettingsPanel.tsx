import { downloadText } from '../client/download';
import { useEffect, useState } from 'preact/hooks';
import type { Progress } from '../domain/progress';
import type { Settings } from '../domain/settings';
import { formatDate } from '../i18n/dates';
import { BACKUP_MESSAGES } from '../i18n/messages';
import { formatReviews } from '../i18n/plurals';
import type { PersistenceStatus } from '../storage/persist';
import type { SafeStore } from '../storage/safe-store';
import type { StoredMeta } from '../storage/store';


type Engine = typeof import('./SettingsEngine');

interface Loaded {
  engine: Engine;
  store: SafeStore;
  settings: Settings;
  progress: Progress;
  meta: StoredMeta;
  persisted: PersistenceStatus;
}

const PERSISTENCE_TEXT: Record<PersistenceStatus, string> = {
  persisted: 'Браузер обещал хранить прогресс и не удалять его сам.',
  'not-persisted': 'Браузер может удалить прогресс при нехватке места или после 7 дней без посещений.',
  unsupported: 'Браузер не сообщает, сохранит ли он прогресс надолго.',
};

/**
 * Settings, backup, restore and reset. Thin: validation, merging and the backup format live in
 * src/domain; this island loads, calls them, saves and says what happened.
 */
export default function SettingsPanel() {
  const [data, setData] = useState<Loaded | null>(null);
  const [storageAlert, setStorageAlert] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [form, setForm] = useState({ desiredRetention: '', newPerDay: '', dayStartHour: '' });

  useEffect(() => {
    void (async () => {
      const engine = await import('./SettingsEngine');
      const { openStore, loadProgress, persistenceStatus } = engine;
      const opened = await openStore();
      if (!opened.persistent) setStorageAlert(opened.reason);
      const settings = await opened.store.getSettings();
      const [loaded, meta, persisted] = await Promise.all([loadProgress(opened.store, settings), opened.store.getMeta(), persistenceStatus()]);
      if (loaded.alert) setStorageAlert((a) => a ?? loaded.alert);
      setForm({ desiredRetention: String(settings.desiredRetention), newPerDay: String(settings.newPerDay), dayStartHour: String(settings.dayStartHour) });
      setData({ engine, store: opened.store, settings, progress: loaded.progress, meta, persisted });
    })();
  }, []);

  if (!data) return <p class="muted">Загружаем настройки…</p>;
  const { engine, store, settings, progress, meta, persisted } = data;
  const { allReviews, backupFileName, createBackup, EMPTY_PROGRESS, isBackupOverdue, MAX_BACKUP_BYTES, mergeReviews, parseBackup } = engine;
  const { requestPersistence, rescheduleAll, serializeBackup, settingsSchema, withReviews } = engine;

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
    if (!parsed.success) return say(`Настройки не сохранены: ${parsed.error.issues.map((i) => i.message).join('; ')}.`, true);
    const result = await store.saveSettings(parsed.data);
    if (!result.ok) return say(result.error, true);
    setData({ ...data, settings: parsed.data, progress: rescheduleAll(progress, parsed.data) });
    say('Настройки сохранены и уже действуют.', false);
  };

  const exportBackup = async () => {
    const nowMs = Date.now();
    downloadText(serializeBackup(createBackup({ settings, reviews: allReviews(progress), nowMs })), backupFileName(nowMs), 'application/json;charset=utf-8');
    const nextMeta = { ...meta, lastBackupAt: nowMs };
    await store.setMeta(nextMeta);
    setData({ ...data, meta: nextMeta, persisted: await requestPersistence() });
    say(`Резервная копия скачана: ${formatReviews(progress.reviewCount)}.`, false);
  };

  const importBackup = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = file.size > MAX_BACKUP_BYTES ? parseBackup('', file.size) : parseBackup(await file.text(), file.size);
    if (!parsed.ok) return say(parsed.error, true);
    const { added, alreadyPresent } = mergeReviews(allReviews(progress), parsed.backup.reviews, parsed.backup);
    if (added.length) {
      const result = await store.appendMany(added);
      if (!result.ok) return say(result.error, true);
    }
    setData({ ...data, progress: withReviews(progress, added, settings).progress });
    say(BACKUP_MESSAGES.imported(added.length, alreadyPresent), false);
  };

  const reset = async () => {
    setConfirming(false);
    const result = await store.clear();
    if (!result.ok) return say(result.error, true);
    setData({ ...data, progress: EMPTY_PROGRESS });
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
        onInput={(e) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
      <small id={`setting-${key}-hint`} class="muted">{hint}</small>
    </div>
  );

  const overdue = isBackupOverdue({ persisted: persisted === 'persisted', lastBackupAt: meta.lastBackupAt, nowMs: Date.now() });

  return (
    <div class="settings">
      {storageAlert && <div role="alert" class="notice">{storageAlert}</div>}
      <div role="alert" class="settings-message">{alert}</div>
      <div role="status" class="settings-message">{status}</div>

      <h2>Повторение</h2>
      <form onSubmit={saveSettings} noValidate>
        {field('desiredRetention', 'Желаемое запоминание', 'От 0,80 до 0,97. Выше — чаще повторения.', { min: '0.8', max: '0.97', step: '0.01', inputMode: 'decimal' })}
        {field('newPerDay', 'Новых вопросов в день', 'От 0 до 100.', { min: '0', max: '100', step: '1' })}
        {field('dayStartHour', 'Час начала учебного дня', 'От 0 до 23: ответы до этого часа считаются за вчера.', { min: '0', max: '23', step: '1' })}
        <button type="submit" class="button-primary">Сохранить настройки</button>
      </form>

      <h2>Резервная копия</h2>
      <p>
        Сохранено: <strong data-review-count={progress.reviewCount}>{formatReviews(progress.reviewCount)}</strong>.
      </p>
      <p>
        {PERSISTENCE_TEXT[persisted]} Последняя резервная копия:{' '}
        <strong data-last-backup>{meta.lastBackupAt === null ? 'ещё не было' : formatDate(meta.lastBackupAt)}</strong>.
      </p>
      {overdue && <p class="notice settings-warning">{BACKUP_MESSAGES.backupOverdue}</p>}
      <p>
        <button type="button" onClick={exportBackup}>Скачать резервную копию</button>
      </p>
      <div class="settings-field">
        <label for="restore-file">Восстановить из файла</label>
        <input id="restore-file" type="file" accept="application/json,.json" onChange={importBackup} />
        <small class="muted">Повторения из файла добавятся к сохранённым; повторный импорт ничего не меняет.</small>
      </div>

      <h2>Сброс</h2>
      {confirming ? (
        <div class="notice" role="group" aria-labelledby="reset-question">
          <p id="reset-question">Удалить весь прогресс ({formatReviews(progress.reviewCount)})? Это нельзя отменить. Сначала можно скачать резервную копию.</p>
          <button type="button" class="button-danger" onClick={reset}>Да, удалить прогресс</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Отмена</button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>Сбросить прогресс</button>
      )}
    </div>
  );
}
