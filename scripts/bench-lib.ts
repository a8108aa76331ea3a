/**
 * The benchmark itself, shared by the Node run (fake-indexeddb) and the Chromium run (real
 * IndexedDB): deterministic data, then timings of each step a page performs.
 */
import { trustStamp } from '../src/domain/deck-model';
import { createBackup } from '../src/domain/backup';
import { serializeBackup } from '../src/domain/backup-file';
import { parseBackup } from '../src/domain/backup-import';
import { serializeBackupV1 } from '../tests/fixtures/backup-v1';
import { allReviews, buildDeck, rate, withReviews, type Deck } from '../src/domain/deck';
import { buildQueue, type QuestionRef } from '../src/domain/queue';
import type { Review } from '../src/domain/review';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { createIdbStore } from '../src/storage/idb-store';
import { readLogFor } from '../src/runtime/load';
import { isTrusted, trustedStart } from '../src/runtime/trusted';

export const CARDS = 10_000;
export const REVIEWS_PER_CARD = 10;
const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-03-02T10:00:00+03:00');
const settings = { ...DEFAULT_SETTINGS };

/** One measured step: what, milliseconds, the budget it counts towards, and that budget in ms if it is judged. */
export type BenchRow = [what: string, ms: number, budget: string, budgetMs?: number];

/** What the generated history looks like. */
export interface GenerateOptions {
  /** When the history ends: reviews start 60 to 360 days before it. Defaults to a fixed date. */
  nowMs?: number;
  /** Questions of a real course: the first cards take their ids, the rest get made-up ids. */
  realQuestions?: readonly QuestionRef[];
}

/** Small deterministic PRNG so every run measures the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 10,000 questions in 7 lessons (the real course's first, if given), each with 10 reviews spread
 * over the year before `nowMs`.
 */
export function generate({ nowMs = NOW, realQuestions = [] }: GenerateOptions = {}): {
  questions: QuestionRef[];
  reviews: Review[];
} {
  const random = mulberry32(42);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const questions: QuestionRef[] = [];
  const reviews: Review[] = [];
  for (let c = 0; c < CARDS; c++) {
    const question = realQuestions[c] ?? {
      id: `question-${String(c).padStart(5, '0')}`,
      lessonSlug: `lesson-${(c % 7) + 1}`,
    };
    const questionId = question.id;
    questions.push(question);
    let t = nowMs - Math.floor(random() * 300 + 60) * DAY_MS;
    for (let r = 0; r < REVIEWS_PER_CARD; r++) {
      const roll = random();
      const rating = roll < 0.1 ? 1 : roll < 0.25 ? 2 : roll < 0.9 ? 3 : 4;
      const id = `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
      reviews.push({ id, questionId, rating, reviewedAt: t, utcOffsetMinutes: 180, dayStartHour: 4 });
      t += Math.floor(random() * 20 * DAY_MS) + 10 * 60_000;
    }
  }
  return { questions, reviews };
}

async function time<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

/**
 * Writes the generated log into an empty database, as it would be after many sessions: most
 * reviews already packed into chunks (see idb-chunks.ts), the last 1,000 still single records.
 */
export async function seed(factory: IDBFactory, dbName: string, options: GenerateOptions = {}): Promise<BenchRow[]> {
  const { reviews } = generate(options);
  const store = createIdbStore(factory, dbName);
  const packedCount = reviews.length - 1000;
  const [, ms] = await time(async () => {
    for (let i = 0; i < packedCount; i += 10_000)
      await store.appendMany(reviews.slice(i, Math.min(i + 10_000, packedCount)));
    for (let i = packedCount; i < reviews.length; i += 100) await store.appendMany(reviews.slice(i, i + 100));
  });
  await store.close();
  return [[`setup: store ${reviews.length} reviews (${packedCount} packed, 1000 single)`, ms, '']];
}

/**
 * What a page does on load. `cold`: no card cache yet (first visit after an upgrade), so every
 * card is replayed; then the snapshot is written, single records packed and a 30-card session
 * rated. `warm`: the next visit: the review page's first card from the trusted cache alone (no log
 * read), then what the progress page adds: the whole log read and checked against the cache.
 */
export async function measureLoad(factory: IDBFactory, dbName: string, cold: boolean): Promise<BenchRow[]> {
  const { questions } = generate();
  const rows: BenchRow[] = [];
  const store = createIdbStore(factory, dbName);
  if (!cold) {
    // What the review page does: a trusted cache is the deck; the log is not read.
    const start = performance.now();
    const [cache] = await Promise.all([store.loadCardCache(), store.loadKept()]);
    if (!isTrusted(cache, settings)) throw new Error('the cache written by the cold run should be trusted');
    const trusted = trustedStart(store, settings, cache);
    buildQueue({ cards: trusted.cards, questions, nowMs: NOW, settings });
    const firstCardMs = performance.now() - start;
    // What the progress and settings pages add: the log, checked against the cache.
    const log = await readLogFor(store, settings);
    const deck = log.complete(trusted, new Set());
    buildQueue({ cards: deck.cards, questions, nowMs: NOW, settings });
    const verifiedMs = performance.now() - start;
    rows.push(['=> first card (warm): the trusted card cache + queue, no log read', firstCardMs, '≤ 300 ms']);
    rows.push([
      `=> checked progress (warm): whole log (${deck.reviewCount}) read, checked + queue`,
      verifiedMs,
      '≤ 500 ms (progress page)',
    ]);
    rows.push(...(await measureBackup(deck)));
    await store.close();
    return rows;
  }
  const [cache, cacheMs] = await time(() => store.loadCardCache());
  const [log, loadMs] = await time(() => store.loadAll());
  rows.push([`load the whole log from IndexedDB (${log.reviews.length} reviews)`, loadMs, '']);
  const [built, buildMs] = await time(() => buildDeck(log.reviews, settings, cache.cards));
  rows.push([`rebuild card state: replay all ${built.replayedCount} cards`, buildMs, '']);
  const [queue, queueMs] = await time(() => buildQueue({ cards: built.deck.cards, questions, nowMs: NOW, settings }));
  rows.push(['compute the due queue', queueMs, '']);
  // Every card replayed before the queue: the site replays the questions its page shows first
  // (its row is the one judged against the 300 ms budget).
  rows.push(['=> no cache yet: load + replay every card + queue', cacheMs + loadMs + buildMs + queueMs, '']);
  const [, snapshotMs] = await time(() =>
    store.replaceCardCache({ entries: built.cache, stamp: trustStamp(settings) }),
  );
  rows.push(['write the cache snapshot (in the background)', snapshotMs, '']);
  const [packed, packMs] = await time(() => store.compact());
  rows.push([`pack ${packed} single review records into a chunk (in the background)`, packMs, '']);
  let progress = built.deck;
  const [, sessionMs] = await time(async () => {
    for (const item of queue.due.slice(0, 30)) {
      const rated = rate(progress, { questionId: item.questionId, rating: 3, nowMs: NOW + 60_000, settings });
      progress = rated.deck;
      await store.append(rated.review, rated.cacheEntry);
    }
  });
  rows.push(['a session: rate and save 30 cards (review + cache entry each)', sessionMs / 30, 'per card']);
  await store.close();
  return rows;
}

async function measureBackup(progress: Deck): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const [text, exportMs] = await time(() =>
    serializeBackup(createBackup({ settings, reviews: allReviews(progress), nowMs: NOW })),
  );
  const sizeBytes = new TextEncoder().encode(text).length;
  rows.push([`export: build + serialise the file (${(sizeBytes / 1024 / 1024).toFixed(1)} MB)`, exportMs, '≤ 1 s']);
  const [parsed, parseMs] = await time(() => parseBackup(text, sizeBytes));
  if (!parsed.ok) throw new Error(parsed.error);
  rows.push(['import: parse + validate (format 2, under its own size limit)', parseMs, '']);
  // Every version ever exported must import again at this scale; version 1 is the largest.
  const v1 = serializeBackupV1({ settings, reviews: allReviews(progress), nowMs: NOW });
  const v1Bytes = new TextEncoder().encode(v1).length;
  const [parsedV1, parseV1Ms] = await time(() => parseBackup(v1, v1Bytes));
  if (!parsedV1.ok) throw new Error(`a version 1 file of ${v1Bytes} bytes no longer imports: ${parsedV1.error}`);
  rows.push([`import: parse + validate a format 1 file (${(v1Bytes / 1024 / 1024).toFixed(1)} MB)`, parseV1Ms, '']);
  const [merge, mergeMs] = await time(() => withReviews(progress, parsed.backup.reviews, settings));
  rows.push([`import: merge by id into the same log (${merge.added.length} added)`, mergeMs, '']);
  return rows;
}

/** Whether a judged row is within its budget; null when the row has no budget in ms. */
export function withinBudget([, ms, , budgetMs]: BenchRow): boolean | null {
  return budgetMs === undefined ? null : ms <= budgetMs;
}

/** Prints rows as an aligned table; judged rows end in «ok» or «OVER BUDGET». */
export function printRows(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    const [what, ms, budget] = row;
    const ok = withinBudget(row);
    const verdict = ok === null ? '' : ok ? '  ok' : '  OVER BUDGET';
    console.log(`  ${what.padEnd(72)} ${ms.toFixed(0).padStart(6)} ms  ${budget}${verdict}`);
  }
}
