/**
 * Tells other open tabs about saved changes, through BroadcastChannel. Where BroadcastChannel is
 * missing the channel does nothing; each tab then sees other tabs' reviews on its next load.
 */
import { parseFinalCheckAttempt, type FinalCheckAttempt } from '../domain/final-check-record';
import { parseLearnerName } from '../domain/learner-name';
import { parseReview, type Review } from '../domain/review';
import { isSettings, type Settings } from '../domain/settings';

/** Channel name shared by all tabs of the site. */
export const DEFAULT_CHANNEL_NAME = 'seven-reasons-progress';

/** A change another tab saved. */
export type ProgressMessage =
  | { type: 'reviews-added'; reviews: Review[] }
  | { type: 'reviews-removed'; reviewIds: string[] }
  | { type: 'progress-cleared' }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'lesson-opened'; slug: string; atMs: number }
  /** Final-check attempts saved, with the reviews they wrote. */
  | { type: 'final-check-saved'; attempts: FinalCheckAttempt[]; reviews: Review[] }
  | { type: 'name-changed'; name: string };

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((id) => typeof id === 'string');

/** Reads a message from another tab (`unknown` until parsed); null when it is not exactly one of ours. */
export function parseProgressMessage(x: unknown): ProgressMessage | null {
  if (typeof x !== 'object' || x === null) return null;
  const m = x as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  switch (m['type']) {
    case 'reviews-added': {
      if (keys !== 'reviews,type' || !Array.isArray(m['reviews'])) return null;
      const reviews = m['reviews'].map(parseReview);
      return reviews.every((r) => r !== null) ? { type: 'reviews-added', reviews: reviews } : null;
    }
    case 'reviews-removed':
      return keys === 'reviewIds,type' && isStringArray(m['reviewIds'])
        ? { type: 'reviews-removed', reviewIds: [...m['reviewIds']] }
        : null;
    case 'progress-cleared':
      return keys === 'type' ? { type: 'progress-cleared' } : null;
    case 'settings-changed':
      return keys === 'settings,type' && isSettings(m['settings'])
        ? { type: 'settings-changed', settings: { ...m['settings'] } }
        : null;
    case 'lesson-opened':
      return keys === 'atMs,slug,type' && typeof m['slug'] === 'string' && Number.isFinite(m['atMs'])
        ? { type: 'lesson-opened', slug: m['slug'], atMs: m['atMs'] as number }
        : null;
    case 'final-check-saved': {
      if (keys !== 'attempts,reviews,type' || !Array.isArray(m['attempts']) || !Array.isArray(m['reviews']))
        return null;
      const attempts = m['attempts'].map(parseFinalCheckAttempt);
      const reviews = m['reviews'].map(parseReview);
      return attempts.every((a) => a !== null) && reviews.every((r) => r !== null)
        ? { type: 'final-check-saved', attempts, reviews }
        : null;
    }
    case 'name-changed':
      return keys === 'name,type' && typeof m['name'] === 'string'
        ? { type: 'name-changed', name: parseLearnerName(m['name']) }
        : null;
    default:
      return null;
  }
}

/** A channel to the site's other tabs. */
export interface ProgressChannel {
  /** False when this browser has no BroadcastChannel. */
  readonly available: boolean;
  /** Sends a change to the other tabs (not to this one). */
  post(message: ProgressMessage): void;
  /** Calls `listener` for every valid change another tab posts; returns an unsubscribe function. */
  subscribe(listener: (message: ProgressMessage) => void): () => void;
  /** Stops sending and listening. */
  close(): void;
}

type ChannelConstructor = new (name: string) => BroadcastChannel;

/**
 * Opens the channel. `Channel` defaults to the browser's BroadcastChannel; pass null to get a
 * channel that does nothing (as in a browser without it).
 */
export function openProgressChannel(
  name: string = DEFAULT_CHANNEL_NAME,
  Channel: ChannelConstructor | null = typeof BroadcastChannel === 'function' ? BroadcastChannel : null,
): ProgressChannel {
  let channel: BroadcastChannel | undefined;
  try {
    channel = Channel ? new Channel(name) : undefined;
  } catch {
    channel = undefined;
  }
  const listeners = new Set<(message: ProgressMessage) => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseProgressMessage(event.data);
      if (message) for (const listener of listeners) listener(message);
    };
  }
  return {
    available: channel !== undefined,
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel or an uncloneable value must not break saving; other tabs catch up on load.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}
