/**
 * Tells other open tabs about saved changes, through BroadcastChannel. Where BroadcastChannel is
 * missing the channel does nothing; each tab then sees other tabs' reviews on its next load.
 */
import * as z from 'zod/mini';
import { reviewSchema, type Review } from '../domain/review';
import { settingsSchema, type Settings } from '../domain/settings';

/** Channel name shared by all tabs of the site. */
export const DEFAULT_CHANNEL_NAME = 'seven-reasons-progress';

/** A change another tab saved. */
export type ProgressMessage =
  | { type: 'reviews-added'; reviews: Review[] }
  | { type: 'reviews-removed'; reviewIds: string[] }
  | { type: 'progress-cleared' }
  | { type: 'settings-changed'; settings: Settings };

const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reviews-added'), reviews: z.array(reviewSchema) }),
  z.strictObject({ type: z.literal('reviews-removed'), reviewIds: z.array(z.string()) }),
  z.strictObject({ type: z.literal('progress-cleared') }),
  z.strictObject({ type: z.literal('settings-changed'), settings: settingsSchema }),
]);

/** Reads a message from another tab (`unknown` until parsed); null when it is not one of ours. */
export function parseProgressMessage(x: unknown): ProgressMessage | null {
  const parsed = messageSchema.safeParse(x);
  return parsed.success ? parsed.data : null;
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
