/**
 * Writes run one at a time, in order. A failed write (quota, a closed connection) is retried with
 * backoff; if it still fails it stays queued in memory, the result says so, listeners hear it,
 * and it is tried again before the next write, on `write(null)`, and after `retryLaterMs`.
 */
import { STORAGE_MESSAGES } from '../i18n/messages';

/** The outcome of a write: saved, or kept in memory for a later retry. */
export type WriteResult = { ok: true } | { ok: false; error: string; pendingCount: number };

/** Unsaved writes and the last error, for a `role="alert"`. */
export interface StorageStatus {
  pendingCount: number;
  lastError: string | null;
}

/** Retry timing. */
export interface RetryOptions {
  /** Waits between attempts of one write; default 50, 200, 800 ms (four attempts in all). */
  delaysMs?: readonly number[];
  /** Background retry of queued writes after a failure; default 10 s; null turns it off. */
  retryLaterMs?: number | null;
  /** Waits `ms`; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A queue of writes of kind `Op`. */
export interface WriteQueue<Op> {
  /** Queues `op` (or nothing, to retry) and writes everything queued, in order. Never rejects. */
  write(op: Op | null): Promise<WriteResult>;
  /** Writes not yet saved, oldest first. */
  pending(): readonly Op[];
  /** Unsaved writes and the last error. */
  status(): StorageStatus;
  /** Calls `listener` whenever the status changes; returns an unsubscribe function. */
  subscribe(listener: (status: StorageStatus) => void): () => void;
}

/** Creates a write queue; `run` performs one write, `saved` hears of each one that succeeded. */
export function createWriteQueue<Op>(
  options: RetryOptions & { run: (op: Op) => Promise<void>; saved: (op: Op) => void },
): WriteQueue<Op> {
  const delaysMs = options.delaysMs ?? [50, 200, 800];
  const sleep = options.sleep ?? wait;
  const retryLaterMs = options.retryLaterMs === undefined ? 10_000 : options.retryLaterMs;
  const queue: Op[] = [];
  const listeners = new Set<(status: StorageStatus) => void>();
  let lastError: string | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const status = (): StorageStatus => ({ pendingCount: queue.length, lastError });
  const notify = () => listeners.forEach((listener) => listener(status()));

  async function attempt(op: Op): Promise<boolean> {
    for (let i = 0; ; i++) {
      try {
        await options.run(op);
        return true;
      } catch {
        const delay = delaysMs[i];
        if (delay === undefined) return false;
        await sleep(delay);
      }
    }
  }

  /** Writes queued operations in order, stopping at the first that still fails. */
  async function flush(): Promise<WriteResult> {
    for (let op = queue[0]; op !== undefined; op = queue[0]) {
      if (!(await attempt(op))) {
        lastError = STORAGE_MESSAGES.writeFailed;
        notify();
        if (retryLaterMs !== null && timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            void write(null);
          }, retryLaterMs);
        }
        return { ok: false, error: lastError, pendingCount: queue.length };
      }
      queue.shift();
      options.saved(op);
    }
    if (lastError !== null) {
      lastError = null;
      notify();
    }
    return { ok: true };
  }

  /** Serialises writes: each starts after the previous one has finished. */
  function write(op: Op | null): Promise<WriteResult> {
    const result = chain.then(() => {
      if (op !== null) queue.push(op);
      return flush();
    });
    chain = result.catch(() => undefined);
    return result.catch(() => ({
      ok: false as const,
      error: STORAGE_MESSAGES.writeFailed,
      pendingCount: queue.length,
    }));
  }

  return {
    write,
    pending: () => queue,
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
