/** Another tab saved a change: what it does to this tab's deck. */
import { emptyProgress, rescheduleAll, withoutReviews, withReviews, type Progress } from '../domain/progress';
import type { Settings } from '../domain/settings';
import type { ProgressMessage } from '../storage/broadcast';

/**
 * Applies another tab's change to this tab's deck: added reviews are merged by id, removed ones
 * dropped (their cards replayed), a reset empties it, new settings reschedule every card.
 */
export function applyProgressMessage(progress: Progress, message: ProgressMessage, settings: Settings): Progress {
  switch (message.type) {
    case 'reviews-added':
      return withReviews(progress, message.reviews, settings).progress;
    case 'reviews-removed':
      return withoutReviews(progress, message.reviewIds, settings);
    case 'progress-cleared':
      return emptyProgress(progress.replacements);
    case 'settings-changed':
      return rescheduleAll(progress, message.settings);
  }
}
