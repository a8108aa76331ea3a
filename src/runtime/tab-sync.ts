/** Another tab saved a change: what it does to this tab's deck. */
import { emptyDeck, rescheduleAll, withoutReviews, withReviews, type Deck } from '../domain/deck';
import type { Settings } from '../domain/settings';
import type { ProgressMessage } from '../storage/broadcast';

/**
 * Applies another tab's change to this tab's deck: added reviews are merged by id, removed ones
 * dropped (their cards replayed), a reset empties it, new settings reschedule every card.
 */
export function applyProgressMessage(deck: Deck, message: ProgressMessage, settings: Settings): Deck {
  switch (message.type) {
    case 'reviews-added':
      return withReviews(deck, message.reviews, settings).deck;
    case 'reviews-removed':
      return withoutReviews(deck, message.reviewIds, settings);
    case 'progress-cleared':
      return emptyDeck(deck.replacements);
    case 'settings-changed':
      return rescheduleAll(deck, message.settings);
  }
}
