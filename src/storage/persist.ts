/**
 * Persistent storage: asks the browser not to evict the site's data (`navigator.storage.persist()`)
 * and reports whether it agreed. Guarded: older browsers and insecure contexts lack the API.
 */

/** Whether the browser keeps the site's data even under storage pressure. */
export type PersistenceStatus = 'persisted' | 'not-persisted' | 'unsupported';

/** The part of `StorageManager` used here (injectable for tests). */
export interface PersistApi {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

function defaultApi(): PersistApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** The current status, without asking the learner anything. */
export async function persistenceStatus(api: PersistApi | undefined = defaultApi()): Promise<PersistenceStatus> {
  if (!api || typeof api.persisted !== 'function') return 'unsupported';
  try {
    return (await api.persisted()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

/** Asks for persistent storage (browsers may grant it silently, prompt, or refuse) and returns the status. */
export async function requestPersistence(api: PersistApi | undefined = defaultApi()): Promise<PersistenceStatus> {
  if (!api || typeof api.persist !== 'function') return persistenceStatus(api);
  try {
    return (await api.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return persistenceStatus(api);
  }
}
