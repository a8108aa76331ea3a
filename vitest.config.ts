/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/** Unit tests run in Node; storage tests use fake-indexeddb. Files sit in tests/ beside src/. */
export default getViteConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
  },
});
