/** The course's cards as a file of their own (`/cards.json`, see src/pages/cards.json.ts), cached by the browser. */
import type { CourseCards } from '../lib/course';
import { cardsUrl } from '../lib/urls';
import { fill, h } from './dom';

/** Fetches `/cards.json`; rejects when it cannot. */
export async function fetchCourseCards(): Promise<CourseCards> {
  const response = await fetch(cardsUrl());
  if (!response.ok) throw new Error(`cards.json: HTTP ${response.status}`);
  return (await response.json()) as CourseCards;
}

/**
 * Starts a page that waits for the course's cards: `load` fetches them (and whatever else the page
 * needs), then `start` draws. A failure is said in Russian in `el`, with a button to try again.
 */
export function startWhenLoaded<T>(
  el: HTMLElement,
  load: () => Promise<T>,
  start: (loaded: T) => void,
  failure = 'Не удалось загрузить вопросы курса. Проверьте соединение и попробуйте ещё раз.',
): void {
  const attempt = () =>
    void load().then(start, () =>
      fill(
        el,
        h('p', { role: 'alert' }, failure),
        h('button', { type: 'button', onclick: attempt }, 'Попробовать ещё раз'),
      ),
    );
  attempt();
}
