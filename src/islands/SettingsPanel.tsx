import { useEffect, useState } from 'preact/hooks';
import { backupFileName, isBackupOverdue, serializeBackup } from '../domain/backup-file';
import { BACKUP_MESSAGES } from '../i18n/backup-messages';
import { formatDate } from '../i18n/dates';
import { formatReviews } from '../i18n/plurals';
import { downloadText } from '../lib/download';
import { pageRuntime } from '../runtime/page';
import { useRuntimeState } from '../runtime/use-runtime';
import { persistenceStatus, requestPersistence, type PersistenceStatus } from '../storage/persist';
import type { StoredMeta } from '../storage/store';
import { ActionMessage, type Said } from './settings/ActionMessage';
import { ImportControl } from './settings/ImportControl';
import { ResetControl } from './settings/ResetControl';
import { SettingsForm } from './settings/SettingsForm';

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
 * them and says what happened under the control that did it, one message at a time.
 */
export default function SettingsPanel() {
  const state = useRuntimeState(true);
  const [data, setData] = useState<Loaded | null>(null);
  const [said, say] = useState<Said | null>(null);

  useEffect(() => {
    void (async () => {
      const runtime = pageRuntime();
      await runtime.load();
      const [meta, persisted] = await Promise.all([runtime.getMeta(), persistenceStatus()]);
      setData({ meta, persisted });
    })();
  }, []);

  // Until the learner's data is read, the same panel is drawn inert with neutral values, so the page
  // keeps its layout (nothing below moves when the data arrives).
  const loading = !data || !state.checked;
  const { meta, persisted } = data ?? { meta: { lastBackupAt: null }, persisted: 'unsupported' as const };
  const { deck } = state;
  // Not while loading (nor on the server): the page's runtime opens a tab channel.
  const runtime = loading ? null : pageRuntime();

  const exportBackup = async () => {
    if (!runtime) return;
    const nowMs = runtime.now();
    try {
      // `await` whether the runtime builds the backup at once or asynchronously.
      const backup = await Promise.resolve(runtime.backup());
      downloadText(serializeBackup(backup), backupFileName(nowMs), 'application/json;charset=utf-8');
    } catch {
      return say({ action: 'export', text: BACKUP_MESSAGES.exportFailed, isProblem: true });
    }
    const nextMeta = { ...meta, lastBackupAt: nowMs };
    await runtime.saveMeta(nextMeta);
    setData({ ...data, meta: nextMeta, persisted: await requestPersistence() });
    say({ action: 'export', text: `Резервная копия скачана: ${formatReviews(deck.reviewCount)}.`, isProblem: false });
  };

  const overdue = isBackupOverdue({
    persisted: persisted === 'persisted',
    lastBackupAt: meta.lastBackupAt,
    nowMs: runtime?.now() ?? 0,
  });

  return (
    // A disabled fieldset disables every control in it until the data is there, so nothing can be
    // pressed before its handler exists (the server's copy of the panel is not interactive).
    <fieldset class="settings" aria-busy={loading} disabled={loading}>
      {state.storageAlert && (
        <div role="alert" class="notice">
          {state.storageAlert}
        </div>
      )}

      <h2>Повторение</h2>
      <SettingsForm key={loading ? 'loading' : 'loaded'} settings={state.settings} said={said} say={say} />

      <h2>Резервная копия</h2>
      <p>
        Сохранено:{' '}
        {loading ? (
          <strong>…</strong>
        ) : (
          <strong data-review-count={deck.reviewCount}>{formatReviews(deck.reviewCount)}</strong>
        )}
        .
      </p>
      <p>
        {/* When the backup warning shows, it already says the browser may delete progress: one warning, not two. */}
        {overdue && persisted === 'not-persisted' ? '' : `${PERSISTENCE_TEXT[persisted]} `}Последняя резервная копия:{' '}
        <strong data-last-backup={loading ? undefined : ''}>
          {meta.lastBackupAt === null ? 'ещё не было' : formatDate(meta.lastBackupAt)}
        </strong>
        {/* A date already ends with «г.»: no second period. */}
        {meta.lastBackupAt === null ? '.' : ''}
      </p>
      {overdue && <p class="notice settings-warning">{BACKUP_MESSAGES.backupOverdue}</p>}
      <div class="settings-action">
        <button type="button" onClick={() => void exportBackup()}>
          Скачать резервную копию
        </button>
        <ActionMessage action="export" said={said} />
      </div>
      <ImportControl said={said} say={say} ready={!loading} />

      <h2>Сброс</h2>
      <ResetControl reviewCount={deck.reviewCount} said={said} say={say} />
    </fieldset>
  );
}
