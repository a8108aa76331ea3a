import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { allReviews, replay } from '../../src/domain/deck';
import { trustedDeck } from '../../src/domain/deck-model';
import { readLogFor } from '../../src/runtime/load';
import type { Rating } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createRuntime } from '../../src/runtime/runtime';
import { createMemoryBacking, createMemoryStore, type MemoryBacking } from '../../src/storage/memory-store';
import { UNDONE_KEY_PREFIX } from '../../src/storage/store';
import { memoryPage, PAGE_NOW, quiet } from './pages';

const MINUTE = 60_000;

/** A page whose store counts how often the whole log is read. */
function countingPage(backing: MemoryBacking, nowMs = PAGE_NOW, extra: { replacements?: Map<string, string[]> } = {}) {
  const store = createMemoryStore(backing);
  const logReads = vi.spyOn(store, 'loadAll');
  const page = createRuntime({
    openStore: async () => ({ store, persistent: true, reason: null }),
    channel: quiet(),
    now: () => nowMs,
    ...extra,
  });
  return { page, logReads };
}

/** The cards a full replay of the stored log gives. */
async function replayed(backing: MemoryBacking) {
  const log = await createMemoryStore(backing).loadAll();
  return replay(log.reviews, DEFAULT_SETTINGS);
}

describe('a trusted card cache (the log is read only when a use-case needs reviews)', () => {
  test('the next page shows and rates cards without reading the log, and equals a full replay', async () => {
    const backing = createMemoryBacking();
    const first = memoryPage(backing);
    await first.load();
    await first.rate('q-1', 3);
    await first.rate('q-2', 1);
    const { page, logReads } = countingPage(backing, PAGE_NOW + 2 * 86_400_000);
    await page.load();
    expect(page.getState().checked).toBe(false);
    expect(page.getState().deck.cards).toEqual(await replayed(backing));
    await page.rate('q-1', 4);
    await page.rate('q-3', 2);
    expect(logReads).not.toHaveBeenCalled();
    expect(page.getState().deck.cards).toEqual(await replayed(backing));
    await page.loadLog();
    expect(logReads).toHaveBeenCalledTimes(1);
    expect(page.getState().checked).toBe(true);
    expect(page.getState().deck.cards).toEqual(await replayed(backing));
    expect(page.getState().deck.reviewCount).toBe(4);
  });

  test('undoing a rating made on the page restores its card without the log, and the cache stays trusted', async () => {
    const backing = createMemoryBacking();
    const first = memoryPage(backing);
    await first.rate('q-1', 3);
    const { page, logReads } = countingPage(backing, PAGE_NOW + 3 * 86_400_000);
    await page.load();
    const before = page.getState().deck.cards.get('q-1');
    const again = await page.rate('q-1', 1);
    const fresh = await page.rate('q-9', 3);
    await page.undo(again.id);
    await page.undo(fresh.id);
    expect(logReads).not.toHaveBeenCalled();
    expect(page.getState().deck.cards.get('q-1')).toEqual(before);
    expect(page.getState().deck.cards.has('q-9')).toBe(false);
    const next = countingPage(backing, PAGE_NOW + 4 * 86_400_000);
    await next.page.load();
    expect(next.page.getState().checked).toBe(false);
    expect(next.page.getState().deck.cards).toEqual(await replayed(backing));
    expect(next.logReads).not.toHaveBeenCalled();
  });

  test('an undo the cache did not see (an older version of the site) makes the next load check the log', async () => {
    const backing = createMemoryBacking();
    const first = memoryPage(backing);
    const kept = await first.rate('q-1', 3);
    const undone = await first.rate('q-2', 3);
    // What the previous version's undo wrote: the tombstone and the deletion, not the card.
    backing.kv.set(`${UNDONE_KEY_PREFIX}${undone.id}`, undone.id);
    backing.reviews.delete(undone.id);
    const { page, logReads } = countingPage(backing);
    await page.load();
    expect(logReads).toHaveBeenCalledTimes(1);
    expect(page.getState().checked).toBe(true);
    expect([...page.getState().deck.cards.keys()]).toEqual([kept.questionId]);
  });

  test('new settings or a course that replaces a question make the next load check the log', async () => {
    const backing = createMemoryBacking();
    await memoryPage(backing).rate('q-old', 3);
    await createMemoryStore(backing).saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 });
    const retuned = countingPage(backing);
    await retuned.page.load();
    expect(retuned.logReads).toHaveBeenCalledTimes(1);
    const replaced = countingPage(backing, PAGE_NOW, { replacements: new Map([['q-new', ['q-old']]]) });
    await replaced.page.load();
    expect(replaced.logReads).toHaveBeenCalledTimes(1);
    expect(replaced.page.getState().deck.cards.has('q-new')).toBe(true);
  });

  test('a cache found not to match the log when it is read is trusted no more', async () => {
    const backing = createMemoryBacking();
    const first = memoryPage(backing);
    await first.rate('q-1', 3);
    await memoryPage(backing).load();
    // A review the cache never saw (as if written by a writer that skipped the cache).
    const stray = { ...(await first.rate('q-1', 1)), id: 'stray' };
    backing.reviews.set(stray.id, { ...stray, reviewedAt: stray.reviewedAt + MINUTE });
    const { page } = countingPage(backing, PAGE_NOW + MINUTE * 5);
    await page.load();
    expect(page.getState().checked).toBe(false);
    await page.loadLog();
    expect(page.getState().deck.cards).toEqual(await replayed(backing));
    const next = countingPage(backing, PAGE_NOW + MINUTE * 6);
    await next.page.load();
    expect(next.logReads).toHaveBeenCalledTimes(1);
    expect(next.page.getState().deck.cards).toEqual(await replayed(backing));
  });

  test('a rating undone while the log was being read stays out of the completed deck', async () => {
    const backing = createMemoryBacking();
    const first = memoryPage(backing);
    const kept = await first.rate('q-1', 3);
    const undone = await first.rate('q-2', 3);
    const store = createMemoryStore(backing);
    const log = await readLogFor(store, DEFAULT_SETTINGS);
    const trusted = trustedDeck((await store.loadCardCache()).cards);
    const deck = log.complete(trusted, new Set([undone.id]));
    expect(allReviews(deck).map((r) => r.id)).toEqual([kept.id]);
    expect(deck.cards.has('q-2')).toBe(false);
  });

  test('any mix of ratings, undos and reloads leaves cards equal to a full replay of the stored log', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('rate' as const),
        question: fc.constantFrom('q-1', 'q-2', 'q-3'),
        rating: fc.constantFrom<Rating>(1, 2, 3, 4),
        waitMinutes: fc.constantFrom(0, 11, 60 * 24, 60 * 24 * 5),
      }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'reload' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const backing = createMemoryBacking();
        let now = PAGE_NOW;
        let page = countingPage(backing, now).page;
        const onPage: string[] = [];
        for (const step of ops) {
          if (step.kind === 'rate') {
            now += step.waitMinutes * MINUTE;
            page = page.now() === now ? page : await reopen();
            onPage.push((await page.rate(step.question, step.rating)).id);
          } else if (step.kind === 'undo') {
            const id = onPage.pop();
            if (id) await page.undo(id);
          } else page = await reopen();
        }
        expect(page.getState().deck.cards).toEqual(await replayed(backing));
        const last = countingPage(backing, now).page;
        await last.load();
        expect(last.getState().deck.cards).toEqual(await replayed(backing));
        // Reading the log finds every cached fingerprint matching it: the cache stays trusted.
        await last.loadLog();
        expect((await createMemoryStore(backing).loadCardCache()).trust).not.toBeNull();

        async function reopen() {
          onPage.length = 0;
          const next = countingPage(backing, now).page;
          await next.load();
          return next;
        }
      }),
      { numRuns: 150 },
    );
  });
});
