import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyLmsDownloads, lmsDownloads } from '../../scripts/lib/lms-downloads.mjs';

describe('the packages as downloads of the plain site', () => {
  test('lists and copies the packages that exist, and none when none were made', () => {
    const packages = mkdtempSync(join(tmpdir(), 'lms-packages-'));
    const site = mkdtempSync(join(tmpdir(), 'lms-site-'));
    expect(lmsDownloads(packages)).toEqual([]);
    expect(copyLmsDownloads(site, packages)).toBe(0);
    expect(existsSync(join(site, 'downloads'))).toBe(false);

    writeFileSync(join(packages, 'seven-reasons-scorm2004.zip'), 'zip bytes');
    expect(lmsDownloads(packages)).toEqual([
      { version: '2004', path: 'downloads/seven-reasons-scorm2004.zip', bytes: 9 },
    ]);
    expect(copyLmsDownloads(site, packages)).toBe(1);
    expect(existsSync(join(site, 'downloads', 'seven-reasons-scorm2004.zip'))).toBe(true);
  });
});
