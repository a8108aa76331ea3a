import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Chromium or Chrome usually lives when installed by the system. */
const SYSTEM_BROWSERS = [
  process.env['CHROMIUM_PATH'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter((p): p is string => Boolean(p));

/** Flags that keep Chromium from calling home, which a closed network refuses. */
export const QUIET_BROWSER_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function systemBrowser(): string | undefined {
  return SYSTEM_BROWSERS.find((p) => existsSync(p));
}

function tryInstall(): void {
  const attempts = ['npx playwright install chromium'];
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    attempts.push('apt-get update -qq && apt-get install -y -qq chromium');
  }
  for (const command of attempts) {
    try {
      console.log(`No browser found; trying: ${command}`);
      execSync(command, { stdio: 'inherit', timeout: 600_000 });
      if (playwrightOwn() || systemBrowser()) return;
    } catch {
      // Try the next way; the caller reports if none worked.
    }
  }
}

/**
 * Finds a Chromium for the end-to-end tests: Playwright's own if installed, else a system
 * Chromium or Chrome, else it tries to install one. Returns undefined for Playwright's own browser
 * (no executablePath needed) or the path of a system browser; throws saying how to get one.
 */
export function findBrowser(): { executablePath?: string } {
  let found = installedBrowser();
  if (!found) {
    tryInstall();
    found = installedBrowser();
  }
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium`, ' +
        'or `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome or Chromium binary.',
    );
  }
  return found;
}

/**
 * A Chromium already installed, without trying to install one: Playwright's own (`{}`), else a
 * system browser's path; null when there is none (for scripts that report rather than install).
 */
export function installedBrowser(): { executablePath?: string } | null {
  if (playwrightOwn()) return {};
  const path = systemBrowser();
  return path ? { executablePath: path } : null;
}
