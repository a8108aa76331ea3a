import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { LMS_PACKAGES } from '../../scripts/lib/lms-downloads.mjs';

/*
 * The test LMS's web server: its own page (test-lms.html and .js), scorm-again's runtime, and each
 * SCORM package unzipped from dist-lms/ and served from a nested folder, as an LMS serves uploads.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Where each package is served from: deep, so that nothing may assume the site's root. */
export const PACKAGE_PATHS = {
  '1.2': '/content/acme/onboarding/scorm12/',
  '2004': '/content/acme/onboarding/scorm2004/',
} as const;

/** The packages as `npm run package:lms` writes them. */
export const PACKAGE_FILES = Object.fromEntries(
  LMS_PACKAGES.map(({ version, file }) => [version, join(root, 'dist-lms', file)]),
) as Record<keyof typeof PACKAGE_PATHS, string>;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  xml: 'application/xml',
  woff2: 'font/woff2',
  webmanifest: 'application/manifest+json',
  ics: 'text/calendar',
};

export interface LmsServer {
  url: string;
  /** Paths requested that the server does not have (a URL that escaped the package, say). */
  missing: string[];
  close(): Promise<void>;
}

/** Reads a package's files (throws, naming the command, when it was not built). */
export function readPackage(version: keyof typeof PACKAGE_PATHS): Record<string, Uint8Array> {
  try {
    return unzipSync(readFileSync(PACKAGE_FILES[version]));
  } catch (error) {
    throw new Error(`${PACKAGE_FILES[version]} is missing or unreadable: run \`npm run package:lms\` first`, {
      cause: error,
    });
  }
}

export async function startLmsServer(): Promise<LmsServer> {
  const files = new Map<string, Uint8Array>();
  for (const version of ['1.2', '2004'] as const)
    for (const [name, data] of Object.entries(readPackage(version))) files.set(PACKAGE_PATHS[version] + name, data);
  for (const name of ['test-lms.html', 'test-lms.js']) files.set(`/lms/${name}`, readFileSync(join(here, name)));
  for (const name of ['scorm12.min.js', 'scorm2004.min.js'])
    files.set(`/vendor/${name}`, readFileSync(join(root, 'node_modules', 'scorm-again', 'dist', name)));
  const missing: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const body = files.get(path);
    if (!body) {
      missing.push(path);
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
