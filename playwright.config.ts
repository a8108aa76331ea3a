import { defineConfig, devices } from '@playwright/test';
import { findBrowser, QUIET_BROWSER_ARGS } from './e2e/find-browser';

// E2E_PORT lets two checkouts (or two builds in ASTRO_OUT_DIR) run their suites side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4329);
const isCI = Boolean(process.env['CI']);

/** End-to-end tests drive the built site (`npm run build` first) in Chromium. */
export default defineConfig({
  testDir: 'e2e',
  // Separate result folders let suites of two builds run side by side without clearing each other's.
  outputDir: process.env['E2E_OUTPUT_DIR'] ?? 'test-results',
  forbidOnly: isCI,
  // Axe on long lessons takes seconds on a 2-core machine; a generous budget avoids flaky timeouts.
  timeout: 90_000,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: isCI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: { ...findBrowser(), args: QUIET_BROWSER_ARGS },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
});
