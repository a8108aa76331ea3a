/** Rating button labels. Tests find the buttons by these words, so keep them first in the name. */
import type { Rating } from '../domain/review';
import type { IntervalPreview } from '../domain/card';
import { formatInterval } from './intervals';

/** The word on each rating button. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = Object.freeze({
  1: 'Снова',
  2: 'Трудно',
  3: 'Хорошо',
  4: 'Легко',
});

/** A rating button's text with the interval it would set: «Хорошо · 4 дн.». */
export function ratingButtonLabel(rating: Rating, interval: IntervalPreview): string {
  return `${RATING_LABELS[rating]} · ${formatInterval(interval)}`;
}
