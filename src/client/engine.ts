/** The zod-using engine, loaded with a dynamic import after `jitless.ts` has run. */
export { rate, withoutReviews } from '../domain/progress';
export { applyProgressMessage } from '../storage/broadcast';
export { loadProgress } from '../storage/load-progress';
export { openStore } from '../storage/open-store';
