import { describe, expect, test } from 'vitest';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { allReviews, EMPTY_DECK, emptyDeck, rate, replay } from '../../src/domain/deck';
import { applyProgressMessage } from '../../src/runtime/tab-sync';
import { openProgressChannel, parseProgressMessage, type ProgressMessage } from '../../src/storage/broadcast';

const review = createReview({
  questionId: 'q-1',
  rating: 4,
  nowMs: Date.parse('2026-03-02T10:00+03:00'),
  settings: DEFAULT_SETTINGS,
  id: 'b-1',
});
const nextMessage = (subscribe: (listener: (m: ProgressMessage) => void) => void) =>
  new Promise<ProgressMessage>((resolve) => subscribe(resolve));

describe('tab channel', () => {
  test('another tab hears a saved review, with its time still a number', async () => {
    const mine = openProgressChannel('test-a');
    const theirs = openProgressChannel('test-a');
    try {
      const heard = nextMessage((l) => theirs.subscribe(l));
      mine.post({ type: 'reviews-added', reviews: [review] });
      expect(await heard).toEqual({ type: 'reviews-added', reviews: [review] });
    } finally {
      mine.close();
      theirs.close();
    }
  });

  test('messages that are not ours are ignored', async () => {
    const raw = new BroadcastChannel('test-b');
    const theirs = openProgressChannel('test-b');
    const heard: ProgressMessage[] = [];
    theirs.subscribe((m) => heard.push(m));
    try {
      raw.postMessage({ type: 'reviews-added', reviews: [{ id: 1 }] });
      raw.postMessage('hello');
      raw.postMessage({ type: 'reviews-removed', reviewIds: ['x'] });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([{ type: 'reviews-removed', reviewIds: ['x'] }]);
    } finally {
      raw.close();
      theirs.close();
    }
  });

  test('without BroadcastChannel the channel is a harmless no-op', () => {
    const channel = openProgressChannel('test-c', null);
    expect(channel.available).toBe(false);
    expect(() => channel.post({ type: 'progress-cleared' })).not.toThrow();
    channel.subscribe(() => undefined)();
    channel.close();
  });

  test('parsing checks reviews inside messages', () => {
    expect(parseProgressMessage({ type: 'progress-cleared' })).toEqual({ type: 'progress-cleared' });
    expect(parseProgressMessage({ type: 'reviews-added', reviews: [{ ...review, rating: 5 }] })).toBeNull();
    expect(parseProgressMessage(null)).toBeNull();
  });
});

describe("applying another tab's change", () => {
  const settings = { ...DEFAULT_SETTINGS };
  const T0 = Date.parse('2026-03-02T10:00+03:00');

  test('added and removed reviews give the same progress as the other tab has', () => {
    const theirs = rate(EMPTY_DECK, { questionId: 'q-1', rating: 3, nowMs: T0, settings });
    const mine = applyProgressMessage(EMPTY_DECK, { type: 'reviews-added', reviews: [theirs.review] }, settings);
    expect(mine.cards).toEqual(theirs.deck.cards);
    const undone = applyProgressMessage(mine, { type: 'reviews-removed', reviewIds: [theirs.review.id] }, settings);
    expect(undone.cards.size).toBe(0);
  });

  test("a reset keeps the course's replaced question ids, so later reviews still carry over", () => {
    const replacements = new Map([['q-new', ['q-old']]]);
    const { deck: progress } = rate(emptyDeck(replacements), { questionId: 'q-new', rating: 3, nowMs: T0, settings });
    expect(applyProgressMessage(progress, { type: 'progress-cleared' }, settings).replacements).toBe(replacements);
  });

  test('a reset empties progress and new settings reschedule every card', () => {
    const { deck: progress } = rate(EMPTY_DECK, { questionId: 'q-1', rating: 3, nowMs: T0, settings });
    expect(applyProgressMessage(progress, { type: 'progress-cleared' }, settings)).toEqual(EMPTY_DECK);
    const strict = { ...settings, desiredRetention: 0.97 };
    const rescheduled = applyProgressMessage(progress, { type: 'settings-changed', settings: strict }, settings);
    expect(rescheduled.cards).toEqual(replay(allReviews(progress), strict));
  });
});
