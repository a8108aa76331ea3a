/** What the progress island loads after turning off zod's eval probe (see src/client/jitless.ts). */
export { allReviews } from '../domain/progress';
export { createScheduler } from '../domain/scheduler';
export { loadProgress } from '../storage/load-progress';
export { openStore } from '../storage/open-store';
export { activityByDay, currentStreak, dueForecast, lessonStats, ownForgettingCurve } from '../progress-stats/stats';
