/** What the progress island loads on mount, as one chunk, once the page is drawn. */
export { allReviews } from '../domain/progress';
export { createScheduler } from '../domain/scheduler';
export { loadProgress } from '../storage/load-progress';
export { openStore } from '../storage/open-store';
export { activityByDay, currentStreak, dueForecast, lessonStats, ownForgettingCurve } from '../progress-stats/stats';
