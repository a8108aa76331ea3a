/** What the settings island loads on mount, as one chunk, once the page is drawn. */
export { backupFileName, createBackup, isBackupOverdue, mergeReviews, serializeBackup, MAX_BACKUP_BYTES } from '../domain/backup';
export { parseBackup } from '../domain/backup-import';
export { allReviews, EMPTY_PROGRESS, rescheduleAll, withReviews } from '../domain/progress';
export { settingsSchema } from '../domain/settings';
export { loadProgress } from '../storage/load-progress';
export { openStore } from '../storage/open-store';
export { persistenceStatus, requestPersistence } from '../storage/persist';
