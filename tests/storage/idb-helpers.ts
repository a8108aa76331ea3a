import { IDBFactory } from 'fake-indexeddb';

/** A fresh, isolated fake IndexedDB. */
export const freshFactory = (): IDBFactory => new IDBFactory();

/** Puts a raw value into one of the site's object stores, bypassing our code. */
export function putRaw(
  factory: IDBFactory,
  dbName: string,
  storeName: string,
  key: string,
  value: unknown,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(dbName);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    };
  });
}
