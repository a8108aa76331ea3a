import './tz-moscow';
import { describe, expect, test } from 'vitest';
import { createBackup } from '../../src/domain/backup';
import { MAX_BACKUP_BYTES, serializeBackup } from '../../src/domain/backup-file';
import { parseBackup } from '../../src/domain/backup-import';
import { readBackupFile, type ReadStep } from '../../src/workers/read-backup-file';
import { SETTINGS, at, review } from './fixtures';

const T0 = at('2026-03-02T10:00+03:00');
const reviews = Array.from({ length: 2_000 }, (_, i) => review(`q-${i % 50}`, 3, T0 + i * 60_000));
const file = serializeBackup(createBackup({ settings: SETTINGS, reviews, nowMs: T0 }));

/** A Blob whose stream hands out `chunkBytes` at a time, as a browser reads a file from disk. */
function chunkedBlob(bytes: Uint8Array<ArrayBuffer>, chunkBytes: number): Blob {
  const blob = new Blob([bytes]);
  const stream = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
          controller.enqueue(bytes.slice(offset, offset + chunkBytes));
        }
        controller.close();
      },
    });
  return Object.assign(blob, { stream });
}

describe('reading a backup file (in the worker or on the page)', () => {
  test('gives the same result as parsing the text, saying how far it read and then that it checks', async () => {
    const bytes = new TextEncoder().encode(file);
    const steps: ReadStep[] = [];
    const result = await readBackupFile(chunkedBlob(bytes, Math.ceil(bytes.length / 8)), (step) => steps.push(step));
    expect(result).toEqual(parseBackup(file));
    expect(result.ok && result.backup.reviews).toHaveLength(2_000);
    const fractions = steps.flatMap((step) => (step.phase === 'reading' ? [step.fraction] : []));
    expect(fractions.length).toBeGreaterThanOrEqual(8);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(steps.at(-1)).toEqual({ phase: 'checking' });
  });

  test('refuses a file over the largest limit by its size, without reading it', async () => {
    const huge = new Blob([]);
    Object.defineProperty(huge, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const stream = () => {
      throw new Error('a file too large must not be read');
    };
    const result = await readBackupFile(Object.assign(huge, { stream }));
    expect(result).toEqual(parseBackup('', MAX_BACKUP_BYTES + 1));
    expect(result.ok).toBe(false);
  });

  test('refuses bytes that are not UTF-8 text, as parsing them would', async () => {
    const result = await readBackupFile(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]));
    expect(result).toEqual({ ok: false, error: 'Файл не похож на резервную копию: это не текст в кодировке UTF-8.' });
  });

  test('says in Russian that the file could not be read when reading fails midway', async () => {
    const broken = Object.assign(new Blob(['{"format":']), {
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.error(new Error('NotReadableError'));
          },
        }),
    });
    const result = await readBackupFile(broken);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Не удалось прочитать файл/) as unknown });
  });
});
