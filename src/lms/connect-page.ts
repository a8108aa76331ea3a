/**
 * Connects a page of the LMS build to the LMS: which answers it reports (lessons and the final
 * check), and the final check's best score. Loaded by page.ts only inside the package.
 */
import type { Runtime } from '../runtime/runtime';
import { connectLms } from './bridge';
import type { LmsHost } from './host';

/** Pages whose answers are LMS interactions: a lesson's questions and the final check's. */
const ANSWER_PAGES = /\/(lessons\/[a-z0-9-]+|final-check)\/(index\.html)?$/;

export async function connectPage(runtime: Runtime, host: LmsHost): Promise<void> {
  const leave = await connectLms(runtime, host, { reportsAnswers: ANSWER_PAGES.test(location.pathname) });
  addEventListener('pagehide', leave, { once: true });
}
