/** What the settings island loads on mount, as one chunk, once the page is drawn: the backup file and storage persistence. */
export { backupFileName, createBackup, isBackupOverdue, serializeBackup, MAX_BACKUP_BYTES } from '../domain/backup';
export { parseBackup } from '../domain/backup-import';
export { allReviews } from '../domain/progress';
export { settingsSchema } from '../domain/settings';
export { persistenceStatus, requestPersistence } from '../storage/persist';
