import { describe, expect, test } from 'vitest';
import { createReview } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { openProgressChannel, parseProgressMessage, type ProgressMessage } from '../../src/storage/broadcast';

const review = createReview({ questionId: 'q-1', rating: 4, nowMs: Date.parse('2026-03-02T10:00+03:00'), settings: DEFAULT_SETTINGS, id: 'b-1' });
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
