/** The course's cards as a file of their own (`/cards.json`, see src/pages/cards.json.ts), cached by the browser. */
import type { CourseCards } from '../lib/course';
import { cardsUrl } from '../lib/urls';

/** Fetches `/cards.json`; rejects when it cannot. */
export async function fetchCourseCards(): Promise<CourseCards> {
  const response = await fetch(cardsUrl());
  if (!response.ok) throw new Error(`cards.json: HTTP ${response.status}`);
  return (await response.json()) as CourseCards;
}
