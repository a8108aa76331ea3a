import { describe, expect, test } from 'vitest';
import { basePath } from '../../scripts/lib/base-path.mjs';

describe('basePath', () => {
  test('is the root when BASE_PATH is unset or blank', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath(' / ')).toBe('/');
  });

  test('gets one slash at each end however it was written', () => {
    for (const value of ['/academy/sales/', 'academy/sales', '/academy/sales', 'academy/sales//']) {
      expect(basePath(value)).toBe('/academy/sales/');
    }
  });
});
