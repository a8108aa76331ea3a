/**
 * The backup worker: reads and checks a backup file off the page's thread, so a 12 MB file does
 * not freeze the page. Gets the File; posts each read step, then the result of `parseBackup`.
 * Started by src/islands/settings/parse-backup-file.ts.
 */
import { readBackupFile, type ReadStep } from './read-backup-file';
import type { ParseBackupResult } from '../domain/backup-import';

/** What the worker posts back: a step of its progress, or the parsed file (or its Russian error). */
export type BackupWorkerReply = { type: 'step'; step: ReadStep } | { type: 'done'; result: ParseBackupResult };

/** The part of a dedicated worker's global scope this uses (the DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: BackupWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  if (!(event.data instanceof Blob)) return;
  void readBackupFile(event.data, (step) => scope.postMessage({ type: 'step', step })).then((result) =>
    scope.postMessage({ type: 'done', result }),
  );
});
