import '../domain/tz-moscow';
import { describe, expect, test } from 'vitest';
import { serializeBackup } from '../../src/domain/backup-file';
import { parseBackup } from '../../src/domain/backup-import';
import type { ProgressChannel, ProgressMessage } from '../../src/storage/broadcast';
import { createMemoryBacking } from '../../src/storage/memory-store';
import { DAY } from '../domain/fixtures';
import { memoryPage, PAGE_NOW, quiet } from './pages';

const T0 = PAGE_NOW;

const ANSWERS = [
  { questionId: 'q-1', correct: true },
  { questionId: 'q-2', correct: false },
  { questionId: 'q-3', correct: true },
];

describe('finishing a final check', () => {
  test('saves each answer as a review (right «Хорошо», wrong «Снова») and the attempt with its review ids', async () => {
    const backing = createMemoryBacking();
    const page = memoryPage(backing);
    for (const id of ['q-1', 'q-2', 'q-3']) await page.rate(id, 3);
    const { attempt, saved } = await page.finishFinalCheck(ANSWERS);
    expect(saved).toEqual({ ok: true });
    expect(attempt).toMatchObject({ finishedAt: T0, score: 2, total: 3 });
    const reviews = attempt.reviewIds.map((id) =>
      [...page.getState().deck.reviewsByQuestion.values()].flat().find((r) => r.id === id),
    );
    expect(reviews.map((r) => [r?.questionId, r?.rating])).toEqual([
      ['q-1', 3],
      ['q-2', 1],
      ['q-3', 3],
    ]);
    expect(page.getState().deck.cards.get('q-2')?.phase).toBe('relearning');

    const next = memoryPage(backing);
    await next.loadLog();
    expect(next.getState().finalChecks).toEqual([attempt]);
    expect(next.getState().deck.reviewCount).toBe(6);
    expect(next.getState().deck.cards).toEqual(page.getState().deck.cards);
  });

  test('tells other tabs, which add the attempt and its reviews', async () => {
    const sent: ProgressMessage[] = [];
    const page = memoryPage(createMemoryBacking(), {
      channel: { ...quiet(), available: true, post: (m) => void sent.push(m) },
    });
    const { attempt } = await page.finishFinalCheck(ANSWERS);
    const message = sent.find((m) => m.type === 'final-check-saved');
    expect(message).toMatchObject({ attempts: [attempt] });
    expect(message?.type === 'final-check-saved' && message.reviews.map((r) => r.id)).toEqual(attempt.reviewIds);
  });
});

describe('final checks and the name in backups, reset and import', () => {
  test('travel in the backup and merge into another browser without duplicates', async () => {
    const page = memoryPage();
    await page.saveLearnerName('  Анна   Петрова ');
    expect(page.getState().learnerName).toBe('Анна Петрова');
    const { attempt } = await page.finishFinalCheck(ANSWERS);
    const file = parseBackup(serializeBackup(page.backup()));
    if (!file.ok) throw new Error(file.error);
    expect(file.backup.finalChecks).toEqual([attempt]);
    expect(file.backup.learnerName).toBe('Анна Петрова');

    const backing = createMemoryBacking();
    const other = memoryPage(backing);
    await other.importReviews(file.backup.reviews, file.backup);
    await other.importReviews(file.backup.reviews, file.backup);
    expect(other.getState().finalChecks).toEqual([attempt]);
    expect(other.getState().learnerName).toBe('Анна Петрова');
    const reloaded = memoryPage(backing);
    await reloaded.load();
    expect(reloaded.getState().finalChecks).toEqual([attempt]);
    expect(reloaded.getState().learnerName).toBe('Анна Петрова');
  });

  test('a name typed in this browser is not replaced by a file’s', async () => {
    const page = memoryPage();
    await page.saveLearnerName('Иван');
    await page.importReviews([], {
      exportedAt: new Date(T0).toISOString(),
      undone: [],
      resetAt: null,
      learnerName: 'Анна',
    });
    expect(page.getState().learnerName).toBe('Иван');
  });

  test('a reset clears the attempts and keeps the name; a file exported after the reset does not bring them back', async () => {
    const backing = createMemoryBacking();
    const clock = { nowMs: T0 };
    const page = memoryPage(backing, { now: () => clock.nowMs });
    await page.saveLearnerName('Анна');
    await page.finishFinalCheck(ANSWERS);
    const before = page.backup();
    clock.nowMs += DAY;
    await page.reset();
    expect(page.getState().finalChecks).toEqual([]);
    expect(page.getState().learnerName).toBe('Анна');
    const reloaded = memoryPage(backing, { now: () => clock.nowMs });
    await reloaded.load();
    expect(reloaded.getState().finalChecks).toEqual([]);
    expect(reloaded.getState().learnerName).toBe('Анна');

    // A file written after the reset that still lists the old attempt (another device): left out.
    clock.nowMs += DAY;
    await reloaded.importReviews(before.reviews, { ...before, exportedAt: new Date(clock.nowMs).toISOString() });
    expect(reloaded.getState().finalChecks).toEqual([]);
    // The file from before the reset is the learner asking for that state back: it restores it.
    await reloaded.importReviews(before.reviews, before);
    expect(reloaded.getState().finalChecks).toEqual(before.finalChecks);
  });

  test('another tab’s reset and name reach this tab', async () => {
    const listeners = new Set<(m: ProgressMessage) => void>();
    const channel: ProgressChannel = {
      ...quiet(),
      available: true,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    };
    const page = memoryPage(createMemoryBacking(), { channel });
    await page.finishFinalCheck(ANSWERS);
    for (const l of listeners) l({ type: 'name-changed', name: 'Анна' });
    for (const l of listeners) l({ type: 'progress-cleared' });
    expect(page.getState().learnerName).toBe('Анна');
    expect(page.getState().finalChecks).toEqual([]);
  });
});
