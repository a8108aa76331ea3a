import { describe, expect, test } from 'vitest';
import { persistenceStatus, requestPersistence } from '../../src/storage/persist';

describe('persistent storage', () => {
  test('reports unsupported when the API is missing', async () => {
    expect(await persistenceStatus(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
  });

  test('reports what the browser answers', async () => {
    expect(await persistenceStatus({ persisted: async () => true })).toBe('persisted');
    expect(await requestPersistence({ persist: async () => false, persisted: async () => false })).toBe(
      'not-persisted',
    );
  });

  test('a throwing API is treated as unsupported, never as an error', async () => {
    const boom = async (): Promise<boolean> => {
      throw new Error('denied');
    };
    expect(await persistenceStatus({ persisted: boom })).toBe('unsupported');
    expect(await requestPersistence({ persist: boom, persisted: boom })).toBe('unsupported');
  });
});
