/**
 * Another tab saved a change: what it does to this tab's deck (loaded only when such a message
 * arrives, since applying it may replay cards). What it tells about taken-back reviews: taken-back.ts.
 */
import { withoutTakenBack } from '../domain/backup';
import { emptyDeck, rescheduleAll, withoutReviews, withReviews, type Deck } from '../domain/deck';
import type { Settings } from '../domain/settings';
import type { ProgressMessage } from '../storage/broadcast';

/**
 * Applies another tab's change to this tab's deck: added reviews (a final check's too) are merged by id (never an undone
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
    case 'final-check-saved':
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
    case 'lesson-opened':
    case 'name-changed':
      return deck;
  }
}
