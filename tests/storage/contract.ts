/**
 * The storage contract: every `ReviewStore` implementation must pass these tests. Run from
 * memory-store.test.ts and idb-store.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { createReview, type Review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { encodeCardSnapshot } from '../../src/storage/card-snapshot';
import type { ReviewStore } from '../../src/storage/store';

/** A store under test plus what the contract needs to poke at it. */
export interface StoreHarness {
  store: ReviewStore;
  /** A second store over the same data, as another tab would open it. */
  openAnother(): ReviewStore;
  /** Writes a raw record into the reviews store, bypassing validation. */
  writeRawReview(key: string, value: unknown): Promise<void>;
  /** Writes a raw record into the card cache. */
  writeRawCache(key: string, value: unknown): Promise<void>;
}

const T0 = Date.parse('2026-03-02T10:00+03:00');
let n = 0;
const makeReview = (questionId = 'q-1', offsetMs = 0): Review =>
  createReview({
    questionId,
    rating: 3,
    nowMs: T0 + offsetMs,
    settings: DEFAULT_SETTINGS,
    id: `contract-${++n}`,
    utcOffsetMinutes: 180,
  });
const sortById = (reviews: Review[]) => [...reviews].sort((a, b) => (a.id < b.id ? -1 : 1));
const cardOf = (questionId: string) => ({
  fingerprint: '1:x:abc',
  card: {
    questionId,
    phase: 'review' as const,
    stability: 2.3,
    difficulty: 5.1,
    reps: 1,
    lapses: 0,
    scheduledDays: 2,
    learningStep: 0,
    lastReviewedAt: T0,
    lastStudyClockMs: T0,
    dueStudyClockMs: T0 + 2 * 86_400_000,
    firstStudyDay: 20514,
  },
});

/** Registers the contract suite for one implementation. */
export function runStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    test('an empty store loads no reviews, default settings and meta, and an empty cache', async () => {
      const { store } = await makeHarness();
      expect(await store.loadAll()).toEqual({
        reviews: [],
        problems: [],
        takenBack: { undone: [], resetAt: null },
        openedLessons: new Map(),
        finalChecks: [],
        learnerName: '',
      });
      expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await store.getMeta()).toEqual({ lastBackupAt: null });
      expect(await store.loadCardCache()).toEqual({
        cards: new Map(),
        compact: true,
        trust: null,
        undone: 0,
        generation: null,
        singles: 0,
        logEmpty: true,
      });
    });

    test('an appended review loads back equal, with its times as numbers', async () => {
      const { store } = await makeHarness();
      const review = makeReview();
      await store.append(review);
      const { reviews } = await store.loadAll();
      expect(reviews).toEqual([review]);
      expect(typeof reviews[0]?.reviewedAt).toBe('number');
    });

    test('appending the same review twice keeps one copy', async () => {
      const { store } = await makeHarness();
      const review = makeReview();
      await store.append(review);
      await store.append({ ...review });
      expect((await store.loadAll()).reviews).toHaveLength(1);
    });

    test('changing an object after appending it does not change what is stored', async () => {
      const { store } = await makeHarness();
      const review = makeReview();
      await store.append(review);
      (review as { rating: number }).rating = 1;
      expect((await store.loadAll()).reviews[0]?.rating).toBe(3);
    });

    test('appendMany stores every review', async () => {
      const { store } = await makeHarness();
      const reviews = Array.from({ length: 50 }, (_, i) => makeReview(`q-${i % 7}`, i));
      await store.appendMany(reviews);
      expect(sortById((await store.loadAll()).reviews)).toEqual(sortById(reviews));
    });

    test('remove deletes only that review, and removing an unknown id is harmless', async () => {
      const { store } = await makeHarness();
      const [a, b] = [makeReview(), makeReview()];
      await store.appendMany([a, b]);
      await store.remove(a.id);
      await store.remove('no-such-id');
      expect((await store.loadAll()).reviews).toEqual([b]);
    });

    test('clear removes reviews and the card cache but keeps settings and meta', async () => {
      const { store } = await makeHarness();
      await store.append(makeReview(), cardOf('q-1'));
      await store.replaceCardCache({ entries: [cardOf('q-2')], stamp: 'stamp' });
      await store.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
      await store.setMeta({ lastBackupAt: T0 });
      await store.clear(T0);
      expect((await store.loadAll()).reviews).toEqual([]);
      expect((await store.loadCardCache()).cards.size).toBe(0);
      expect((await store.getSettings()).newPerDay).toBe(3);
      expect(await store.getMeta()).toEqual({ lastBackupAt: T0 });
    });

    test('an undone review is recorded as undone, with the log, and stays recorded after a reset', async () => {
      const harness = await makeHarness();
      const [a, b] = [makeReview(), makeReview()];
      await harness.store.appendMany([a, b]);
      await harness.store.remove(a.id);
      expect(await harness.openAnother().loadAll()).toEqual({
        reviews: [b],
        problems: [],
        takenBack: { undone: [a.id], resetAt: null },
        openedLessons: new Map(),
        finalChecks: [],
        learnerName: '',
      });
      await harness.store.clear(T0 + 5);
      expect((await harness.openAnother().loadAll()).takenBack).toEqual({ undone: [a.id], resetAt: T0 + 5 });
    });

    test('a reset records its time with the log; the next reset replaces it', async () => {
      const { store } = await makeHarness();
      await store.append(makeReview());
      await store.clear(T0);
      expect(await store.loadAll()).toEqual({
        reviews: [],
        problems: [],
        takenBack: { undone: [], resetAt: T0 },
        openedLessons: new Map(),
        finalChecks: [],
        learnerName: '',
      });
      await store.clear(T0 + 60_000);
      expect((await store.loadAll()).takenBack.resetAt).toBe(T0 + 60_000);
    });

    test('an opened lesson keeps its first visit, survives a reset, and loads with the log', async () => {
      const { store } = await makeHarness();
      await store.recordLessonOpened('no-referee', T0 + 5_000);
      await store.recordLessonOpened('no-referee', T0);
      await store.recordLessonOpened('no-referee', T0 + 9_000);
      await store.recordLessonOpened('hasty-decisions', T0 + 1);
      await store.clear(T0 + 10_000);
      expect((await store.loadAll()).openedLessons).toEqual(
        new Map([
          ['no-referee', T0],
          ['hasty-decisions', T0 + 1],
        ]),
      );
    });

    test('a final-check attempt is saved with its reviews and their cache entries, loads back, and a reset deletes it', async () => {
      const harness = await makeHarness();
      const reviews = [makeReview('q-fc-1'), makeReview('q-fc-2')];
      const attempt = { attemptId: 'att-1', finishedAt: T0, score: 1, total: 2, reviewIds: reviews.map((r) => r.id) };
      await harness.store.recordFinalChecks([attempt], reviews, [cardOf('q-fc-1')]);
      await harness.store.recordFinalChecks([attempt]);
      const loaded = await harness.openAnother().loadAll();
      expect(loaded.finalChecks).toEqual([attempt]);
      expect(sortById(loaded.reviews)).toEqual(sortById(reviews));
      expect((await harness.store.loadCardCache()).cards.get('q-fc-1')).toEqual(cardOf('q-fc-1'));
      await harness.store.saveLearnerName('Анна Петрова');
      await harness.store.clear(T0 + 1);
      const after = await harness.openAnother().loadAll();
      expect(after.finalChecks).toEqual([]);
      expect(after.learnerName).toBe('Анна Петрова');
    });

    test("the learner's name is saved, replaced and removed", async () => {
      const { store } = await makeHarness();
      await store.saveLearnerName('Анна');
      await store.saveLearnerName('Анна Петрова');
      expect((await store.loadAll()).learnerName).toBe('Анна Петрова');
      await store.saveLearnerName('');
      expect((await store.loadAll()).learnerName).toBe('');
    });

    test('undoing a packed review records it as undone too, and the load leaves it out', async () => {
      const { store } = await makeHarness();
      const imported = Array.from({ length: 250 }, (_, i) => makeReview(`q-${i % 5}`, i));
      await store.appendMany(imported);
      const undone = imported[3]?.id ?? '';
      await store.remove(undone);
      const loaded = await store.loadAll();
      expect(loaded.takenBack.undone).toEqual([undone]);
      expect(loaded.reviews.map((r) => r.id)).not.toContain(undone);
      expect(loaded.reviews).toHaveLength(imported.length - 1);
    });

    test('settings, meta and card cache entries load back as saved', async () => {
      const { store } = await makeHarness();
      const settings = { desiredRetention: 0.85, newPerDay: 20, dayStartHour: 6 };
      await store.saveSettings(settings);
      await store.setMeta({ lastBackupAt: T0 });
      await store.replaceCardCache({ entries: [cardOf('q-1'), cardOf('q-2')], stamp: 'stamp' });
      expect(await store.getSettings()).toEqual(settings);
      expect(await store.getMeta()).toEqual({ lastBackupAt: T0 });
      const cache = await store.loadCardCache();
      expect(cache).toMatchObject({
        cards: new Map([
          ['q-1', cardOf('q-1')],
          ['q-2', cardOf('q-2')],
        ]),
        compact: true,
        trust: { stamp: 'stamp', undone: 0 },
        undone: 0,
      });
      expect(typeof cache.generation).toBe('string');
    });

    test('trust: the snapshot’s stamp stays while reviews are appended with their entries; a reset drops it', async () => {
      const { store } = await makeHarness();
      expect((await store.loadCardCache()).trust).toBeNull();
      await store.replaceCardCache({ entries: [cardOf('q-1')], stamp: 'v1|0.9' });
      const first = await store.loadCardCache();
      await store.append(makeReview('q-2'), cardOf('q-2'));
      const after = await store.loadCardCache();
      expect(after.trust).toEqual({ stamp: 'v1|0.9', undone: 0 });
      expect(after.generation).not.toBe(first.generation);
      await store.clear(T0);
      expect((await store.loadCardCache()).trust).toBeNull();
    });

    test('trust: an undo with the card’s new entry keeps the count of undone ids; one without it does not', async () => {
      const { store } = await makeHarness();
      const [a, b] = [makeReview('q-1'), makeReview('q-2')];
      await store.append(a, cardOf('q-1'));
      await store.append(b, cardOf('q-2'));
      await store.replaceCardCache({ entries: [cardOf('q-1'), cardOf('q-2')], stamp: 's' });
      await store.remove(a.id, { questionId: 'q-1', removed: true });
      const seen = await store.loadCardCache();
      expect(seen.trust).toEqual({ stamp: 's', undone: 1 });
      expect(seen.undone).toBe(1);
      expect([...seen.cards.keys()]).toEqual(['q-2']);
      const older = { ...cardOf('q-2'), fingerprint: '0:older:1' };
      await store.remove('unknown-id', older);
      expect((await store.loadCardCache()).cards.get('q-2')).toEqual(older);
      await store.remove(b.id);
      const unseen = await store.loadCardCache();
      expect(unseen.trust).toEqual({ stamp: 's', undone: 2 });
      expect(unseen.undone).toBe(3);
    });

    test('trust: a background rewrite happens only over the generation it read; invalidating drops the trust', async () => {
      const { store } = await makeHarness();
      await store.replaceCardCache({ entries: [cardOf('q-1')], stamp: 's' });
      const read = await store.loadCardCache();
      await store.append(makeReview('q-2'), cardOf('q-2'));
      expect(await store.replaceCardCache({ entries: [cardOf('q-9')], stamp: 's' }, read.generation)).toBe(false);
      expect([...(await store.loadCardCache()).cards.keys()].sort()).toEqual(['q-1', 'q-2']);
      const current = await store.loadCardCache();
      expect(await store.replaceCardCache({ entries: [cardOf('q-9')], stamp: 's2' }, current.generation)).toBe(true);
      const rewritten = await store.loadCardCache();
      expect([...rewritten.cards.keys()]).toEqual(['q-9']);
      expect(rewritten.trust).toEqual({ stamp: 's2', undone: 0 });
      await store.invalidateCardCache();
      expect((await store.loadCardCache()).trust).toBeNull();
    });

    test('a review appended with its cache entry stores both, and the entry overrides the snapshot until it is rewritten', async () => {
      const { store } = await makeHarness();
      await store.replaceCardCache({ entries: [cardOf('q-1'), cardOf('q-2')], stamp: 'stamp' });
      const review = makeReview('q-1');
      const newer = { ...cardOf('q-1'), fingerprint: '2:y:def' };
      await store.append(review, newer);
      expect((await store.loadAll()).reviews).toEqual([review]);
      const cache = await store.loadCardCache();
      expect(cache.compact).toBe(false);
      expect(cache.cards.get('q-1')).toEqual(newer);
      expect(cache.cards.get('q-2')).toEqual(cardOf('q-2'));
      await store.replaceCardCache({ entries: [cardOf('q-3')], stamp: 'stamp' });
      const rewritten = await store.loadCardCache();
      expect(rewritten.cards).toEqual(new Map([['q-3', cardOf('q-3')]]));
      expect(rewritten.compact).toBe(true);
    });

    test('malformed review records are skipped and reported while the rest loads', async () => {
      const harness = await makeHarness();
      const good = makeReview();
      await harness.store.append(good);
      await harness.writeRawReview('broken-1', { id: 'broken-1', questionId: 'q-1', rating: 9, reviewedAt: T0 });
      await harness.writeRawReview('broken-2', 'not even an object');
      const mismatched = makeReview();
      await harness.writeRawReview('wrong-key', mismatched);
      const { reviews, problems } = await harness.store.loadAll();
      expect(reviews).toEqual([good]);
      expect(problems.map((p) => p.key).sort()).toEqual(['broken-1', 'broken-2', 'wrong-key']);
    });

    test('malformed card cache entries are left out', async () => {
      const harness = await makeHarness();
      await harness.store.replaceCardCache({ entries: [cardOf('q-4')], stamp: 'stamp' });
      await harness.writeRawCache('card:q-1', {
        fingerprint: 'x',
        card: { questionId: 'q-1', phase: 'review', stability: 'NaN' },
      });
      await harness.writeRawCache('card:q-2', cardOf('q-3'));
      await harness.writeRawCache('something-else', cardOf('q-5'));
      expect([...(await harness.store.loadCardCache()).cards.keys()]).toEqual(['q-4']);
      const snapshot = encodeCardSnapshot([cardOf('q-6'), cardOf('q-7')]);
      snapshot.numbers[snapshot.numbers.length - 1] = Number.NaN;
      await harness.writeRawCache('snapshot', snapshot);
      expect([...(await harness.store.loadCardCache()).cards.keys()]).toEqual(['q-6']);
      await harness.writeRawCache('snapshot', { questionIds: ['q-8'], fingerprints: [], phases: [1], numbers: [] });
      expect((await harness.store.loadCardCache()).cards.size).toBe(0);
    });

    test('two tabs appending at the same time lose nothing', async () => {
      const harness = await makeHarness();
      const other = harness.openAnother();
      const mine = Array.from({ length: 100 }, (_, i) => makeReview('q-1', i));
      const theirs = Array.from({ length: 100 }, (_, i) => makeReview('q-1', i));
      await Promise.all(mine.flatMap((review, i) => [harness.store.append(review), other.append(theirs[i] as Review)]));
      expect(sortById((await harness.store.loadAll()).reviews)).toEqual(sortById([...mine, ...theirs]));
      expect((await other.loadAll()).reviews).toHaveLength(200);
    });

    test('one tab undoing while another appends loses only the undone review', async () => {
      const harness = await makeHarness();
      const other = harness.openAnother();
      const undone = makeReview();
      await harness.store.append(undone);
      const added = Array.from({ length: 20 }, (_, i) => makeReview('q-2', i));
      await Promise.all([harness.store.remove(undone.id), ...added.map((r) => other.append(r))]);
      expect(sortById((await harness.store.loadAll()).reviews)).toEqual(sortById(added));
    });

    test('compacting keeps every review, and later appends and undos still work', async () => {
      const { store } = await makeHarness();
      const packed = Array.from({ length: 300 }, (_, i) => makeReview(`q-${i % 9}`, i));
      for (const review of packed) await store.append(review);
      await store.compact();
      const later = makeReview('q-1', 999);
      await store.append(later);
      const [undone] = packed;
      if (!undone) throw new Error('no review');
      await store.remove(undone.id);
      await store.compact();
      expect(sortById((await store.loadAll()).reviews)).toEqual(sortById([...packed.slice(1), later]));
    });

    test('a large import loads back whole and its reviews can be removed one by one', async () => {
      const { store } = await makeHarness();
      const imported = Array.from({ length: 250 }, (_, i) => makeReview(`q-${i % 5}`, i));
      await store.appendMany(imported);
      await store.remove(imported[7]?.id ?? '');
      expect(sortById((await store.loadAll()).reviews)).toEqual(sortById(imported.filter((_, i) => i !== 7)));
    });

    test('a review stored both packed and single loads once, and undo removes both copies', async () => {
      const { store } = await makeHarness();
      const many = Array.from({ length: 250 }, (_, i) => makeReview('q-1', i));
      await store.appendMany(many);
      const [twice] = many;
      if (!twice) throw new Error('no review');
      await store.append(twice);
      expect((await store.loadAll()).reviews).toHaveLength(250);
      await store.remove(twice.id);
      expect((await store.loadAll()).reviews.map((r) => r.id)).not.toContain(twice.id);
    });

    test('a tab appending while another compacts loses nothing', async () => {
      const harness = await makeHarness();
      const other = harness.openAnother();
      const before = Array.from({ length: 250 }, (_, i) => makeReview('q-1', i));
      for (const review of before) await harness.store.append(review);
      const during = Array.from({ length: 50 }, (_, i) => makeReview('q-2', i));
      await Promise.all([harness.store.compact(), ...during.map((r) => other.append(r)), other.compact()]);
      expect(sortById((await harness.store.loadAll()).reviews)).toEqual(sortById([...before, ...during]));
    });

    test('what one instance saved, a newly opened one loads', async () => {
      const harness = await makeHarness();
      const review = makeReview();
      await harness.store.append(review);
      expect((await harness.openAnother().loadAll()).reviews).toEqual([review]);
    });
  });
}
