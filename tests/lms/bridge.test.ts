import '../domain/tz-moscow';
import { describe, expect, test } from 'vitest';
import { createReview, type Review } from '../../src/domain/review';
import { connectLms } from '../../src/lms/bridge';
import type { LmsHost, LmsUpdate } from '../../src/lms/host';
import { decodeLmsState, encodeLmsState } from '../../src/lms/suspend';
import { createMemoryBacking } from '../../src/storage/memory-store';
import { SETTINGS } from '../domain/fixtures';
import { memoryPage, PAGE_NOW } from '../runtime/pages';

const T0 = PAGE_NOW;
const QUESTIONS = ['q-a', 'q-b', 'q-c'];

function fakeHost(suspendData = ''): LmsHost & { updates: LmsUpdate[] } {
  const updates: LmsUpdate[] = [];
  let data = suspendData;
  return {
    version: '2004',
    learnerId: 'learner-1',
    learnerName: 'Иванова, Анна',
    get suspendData() {
      return data;
    },
    suspendLimit: 64_000,
    passingScore: 0.8,
    course: {
      title: 'Курс',
      version: '1.0.0',
      passingScore: 0.8,
      questions: QUESTIONS.map((id) => ({ id, type: 'choice' as const, lesson: 'lesson-1' })),
      lessons: [{ slug: 'lesson-1', title: 'Урок' }],
    },
    report(update) {
      updates.push(update);
      if (update.suspendData !== undefined) data = update.suspendData;
    },
    beforeEnd: () => () => undefined,
    updates,
  };
}

function memoryRuntime(backing = createMemoryBacking(), clock = { nowMs: T0 }) {
  return memoryPage(backing, { now: () => clock.nowMs });
}

const review = (id: string, questionId: string, atMs: number) =>
  createReview({ id, questionId, rating: 3, nowMs: atMs, settings: SETTINGS });

/** `suspend_data` another computer left: these reviews, and these ids undone there. */
const lmsState = (reviews: Review[], undone: string[] = []) =>
  encodeLmsState(
    { writtenAt: T0, reviews, undone, resetAt: null, openedLessons: {}, finalChecks: [] },
    64_000,
    QUESTIONS,
  ).data;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LMS reporting', () => {
  test('merges the LMS state, reports «incomplete», then an interaction and «completed» as answers come', async () => {
    const host = fakeHost(lmsState([review('r-1', 'q-a', T0 - 60_000)]));
    const runtime = memoryRuntime();
    await connectLms(runtime, host, { reportsAnswers: true });
    expect(runtime.getState().deck.cards.has('q-a')).toBe(true);
    expect(host.updates.at(-1)?.standing).toEqual({ completed: false, bestScore: null, passingScore: 0.8 });

    await runtime.rate('q-b', 1);
    await runtime.rate('q-c', 3);
    await settle();
    const interactions = host.updates.flatMap((u) => u.interactions ?? []);
    expect(interactions.map((i) => [i.id, i.correct])).toEqual([
      ['q-b', false],
      ['q-c', true],
    ]);
    expect(host.updates.at(-1)?.standing?.completed).toBe(true);
    const written = decodeLmsState(host.suspendData, QUESTIONS)!;
    expect(written.reviews.map((r) => r.questionId).sort()).toEqual(['q-a', 'q-b', 'q-c']);
  });

  test('a re-rating is not a second interaction; pages outside lessons report none', async () => {
    const host = fakeHost();
    const runtime = memoryRuntime();
    await connectLms(runtime, host, { reportsAnswers: true });
    const first = await runtime.rate('q-a', 3);
    await runtime.undo(first.id);
    await runtime.rate('q-a', 4);
    await settle();
    expect(host.updates.flatMap((u) => u.interactions ?? []).map((i) => i.id)).toEqual(['q-a']);

    const reviewHost = fakeHost();
    const reviewPage = memoryRuntime();
    await connectLms(reviewPage, reviewHost, { reportsAnswers: false });
    await reviewPage.rate('q-b', 3);
    await settle();
    expect(reviewHost.updates.flatMap((u) => u.interactions ?? [])).toEqual([]);
  });

  test('the final check: its best score reported, every attempt’s answers as interactions, attempts in the LMS state', async () => {
    const host = fakeHost();
    const clock = { nowMs: T0 };
    const runtime = memoryRuntime(createMemoryBacking(), clock);
    await connectLms(runtime, host, { reportsAnswers: true });
    const answers = (right: number) => QUESTIONS.map((questionId, i) => ({ questionId, correct: i < right }));
    await runtime.finishFinalCheck(answers(3));
    await settle();
    expect(host.updates.at(-1)?.standing).toEqual({ completed: true, bestScore: 1, passingScore: 0.8 });
    clock.nowMs += 86_400_000;
    await runtime.finishFinalCheck(answers(1));
    await settle();
    expect(host.updates.at(-1)?.standing?.bestScore).toBe(1);
    const interactions = host.updates.flatMap((u) => u.interactions ?? []);
    expect(interactions.map((i) => i.correct)).toEqual([true, true, true, true, false, false]);
    const written = decodeLmsState(host.suspendData, QUESTIONS)!;
    expect(written.finalChecks.map((a) => a.score)).toEqual([3, 1]);

    // Another computer: the attempts arrive with the state, so the score is not lost there.
    const elsewhere = fakeHost(host.suspendData);
    const other = memoryRuntime();
    await connectLms(other, elsewhere, { reportsAnswers: false });
    expect(elsewhere.updates.at(-1)?.standing?.bestScore).toBe(1);
  });

  test('what the learner undid on another computer is taken back here and stays out of the LMS state', async () => {
    const backing = createMemoryBacking();
    const here = memoryRuntime(backing);
    await here.load();
    await here.importReviews([review('r-old', 'q-a', T0 - 60_000)]);
    const host = fakeHost(lmsState([review('r-new', 'q-a', T0 - 30_000)], ['r-old']));
    const page = memoryRuntime(backing);
    await connectLms(page, host, { reportsAnswers: false });
    const ids = [...page.getState().deck.reviewsByQuestion.values()].flat().map((r) => r.id);
    expect(ids).toEqual(['r-new']);
    const written = decodeLmsState(host.suspendData, QUESTIONS)!;
    expect(written.reviews.map((r) => r.id)).toEqual(['r-new']);
    expect(written.undone).toContain('r-old');
    // A later page load from the same store does not see it either.
    const later = memoryRuntime(backing);
    await later.loadLog();
    expect([...later.getState().deck.reviewsByQuestion.values()].flat().map((r) => r.id)).toEqual(['r-new']);
  });
});
