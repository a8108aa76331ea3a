/**
 * `/cards.json`: the course's cards for the review page, as a file of its own. The review page's
 * HTML stays small, and the browser (and the service worker) caches the cards between visits.
 */
import { getCourseCards } from '../lib/course';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await getCourseCards()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
