/** Another tab saved a change: what it does to this tab's deck and to what it knows was taken back. */
import { withoutTakenBack } from '../domain/backup';
import { emptyDeck, rescheduleAll, withoutReviews, withReviews, type Deck } from '../domain/deck';
import type { Settings } from '../domain/settings';
import type { ProgressMessage } from '../storage/broadcast';

/** What this tab knows the learner took back; the runtime keeps one and updates it in place. */
export interface LocalTakenBack {
  undone: Set<string>;
  resetAt: number | null;
}

/**
 * Records what another tab took back: its undone ids, and its reset (the message carries no time,
 * and tabs of the previous version send it as it is, so the moment it arrives stands in for it).
 * That tab already saved both; this tab keeps them for its own imports and backups.
 */
export function recordTakenBack(takenBack: LocalTakenBack, message: ProgressMessage, nowMs: number): void {
  if (message.type === 'reviews-removed') for (const id of message.reviewIds) takenBack.undone.add(id);
  else if (message.type === 'progress-cleared') takenBack.resetAt = Math.max(nowMs, takenBack.resetAt ?? nowMs);
}

/**
 * Applies another tab's change to this tab's deck: added reviews are merged by id (never an undone
 * one), removed ones dropped (their cards replayed), a reset empties it, new settings reschedule
 * every card. The reset marker does not filter added reviews: the tabs share one store, which the
 * reset cleared, so a review another tab announces is already saved after it (rated since, or
 * restored on purpose from an older backup); hiding it here would only make this tab's deck differ
 * from its own next load.
 */
export function applyProgressMessage(
  deck: Deck,
  message: ProgressMessage,
  settings: Settings,
  undone: ReadonlySet<string> = new Set(),
): Deck {
  switch (message.type) {
    case 'reviews-added':
      return withReviews(
        deck,
        undone.size ? withoutTakenBack(message.reviews, { undone }).kept : message.reviews,
        settings,
      ).deck;
    case 'reviews-removed':
      return withoutReviews(deck, message.reviewIds, settings);
    case 'progress-cleared':
      return emptyDeck(deck.replacements);
    case 'settings-changed':
      return rescheduleAll(deck, message.settings);
  }
}
