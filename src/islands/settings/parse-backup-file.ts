/**
 * Reads a chosen backup file in a worker (src/workers/backup-parse.ts), so the page stays
 * responsive while a large file is parsed. When no worker can be started (an old browser, a
 * blocked script), the same code runs on the page, loaded only then.
 */
import type { ParseBackupResult } from '../../domain/backup-import';
import type { BackupWorkerReply } from '../../workers/backup-parse';
import type { ReadStep } from '../../workers/read-backup-file';

/** Reads and checks the file on this thread (the fallback). */
async function parseHere(file: File, onStep: (step: ReadStep) => void): Promise<ParseBackupResult> {
  const { readBackupFile } = await import('../../workers/read-backup-file');
  return readBackupFile(file, onStep);
}

/** Reads and checks the file in a worker; null if the worker could not start or failed. */
function parseInWorker(file: File, onStep: (step: ReadStep) => void): Promise<ParseBackupResult | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../workers/backup-parse.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const finish = (result: ParseBackupResult | null) => {
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (event: MessageEvent<BackupWorkerReply>) => {
      if (event.data.type === 'step') onStep(event.data.step);
      else finish(event.data.result);
    });
    // A script that failed to load or a crash: the page reads the file itself instead.
    worker.addEventListener('error', () => finish(null));
    worker.addEventListener('messageerror', () => finish(null));
    worker.postMessage(file);
  });
}

/**
 * Reads and checks a backup file, in a worker when it can; `onStep` hears how far it got. Never
 * throws: a bad file gives the Russian error of `parseBackup`.
 */
export async function parseBackupFile(file: File, onStep: (step: ReadStep) => void): Promise<ParseBackupResult> {
  return (await parseInWorker(file, onStep)) ?? parseHere(file, onStep);
}
