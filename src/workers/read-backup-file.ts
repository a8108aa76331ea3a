/**
 * Reads a backup file chunk by chunk, saying how far it got, then checks it with `parseBackup`.
 * Runs in the backup worker (backup-parse.ts) and, when no worker can be started, on the page.
 */
import { MAX_BACKUP_BYTES } from '../domain/backup-file';
import { parseBackup, type ParseBackupResult } from '../domain/backup-import';
import { BACKUP_MESSAGES } from '../i18n/backup-messages';

/** How far reading a file has got: a share of its bytes read, then checking the whole. */
export type ReadStep = { phase: 'reading'; fraction: number } | { phase: 'checking' };

/** The file's bytes; `onChunk` gets the number read so far after each chunk. */
async function readBytes(file: Blob, onChunk: (readBytes: number) => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = file.stream().getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    total += next.value.byteLength;
    onChunk(total);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and checks a backup file; never throws. A file over the largest limit is refused by its
 * size alone, before a byte is read. `onStep` hears each whole percent read, then «checking».
 */
export async function readBackupFile(
  file: Blob,
  onStep: (step: ReadStep) => void = () => {},
): Promise<ParseBackupResult> {
  if (file.size > MAX_BACKUP_BYTES) return parseBackup('', file.size);
  let percent = -1;
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file, (readBytes) => {
      const now = Math.min(100, Math.floor((readBytes / Math.max(file.size, 1)) * 100));
      if (now !== percent) onStep({ phase: 'reading', fraction: (percent = now) / 100 });
    });
  } catch {
    // The file went away or cannot be read (moved, deleted, no permission): nothing was changed.
    return { ok: false, error: BACKUP_MESSAGES.unreadable };
  }
  onStep({ phase: 'checking' });
  return parseBackup(bytes, file.size);
}
