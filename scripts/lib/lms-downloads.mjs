/**
 * The SCORM packages as downloads of the plain site: `npm run package:lms` writes them into
 * dist-lms/, and a later `npm run build` copies them into the site's `downloads/` folder
 * (scripts/build-sw.mjs), where the trainer kit links them. A build without packages links none.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The packages, as scripts/package-lms.ts names them. */
export const LMS_PACKAGES = /** @type {const} */ ([
  { version: '1.2', file: 'seven-reasons-scorm12.zip' },
  { version: '2004', file: 'seven-reasons-scorm2004.zip' },
]);

/** Where scripts/package-lms.ts writes the packages. */
export const packagesDir = () => join(process.cwd(), process.env.LMS_OUT_DIR ?? 'dist-lms');

/**
 * The packages present: version, path in the site (without the base) and size in bytes.
 * @param {string} [dir]
 * @returns {{ version: '1.2' | '2004'; path: string; bytes: number }[]}
 */
export function lmsDownloads(dir = packagesDir()) {
  return LMS_PACKAGES.filter(({ file }) => existsSync(join(dir, file))).map(({ version, file }) => ({
    version,
    path: `downloads/${file}`,
    bytes: statSync(join(dir, file)).size,
  }));
}

/**
 * Copies the packages present into the built site (`<siteDir>/downloads/`); returns how many.
 * @param {string} siteDir
 * @param {string} [dir]
 */
export function copyLmsDownloads(siteDir, dir = packagesDir()) {
  const downloads = lmsDownloads(dir);
  if (downloads.length) mkdirSync(join(siteDir, 'downloads'), { recursive: true });
  for (const { path } of downloads) copyFileSync(join(dir, path.slice('downloads/'.length)), join(siteDir, path));
  return downloads.length;
}
