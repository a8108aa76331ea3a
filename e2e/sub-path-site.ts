/**
 * The site built for a folder (`BASE_PATH=/academy/sales/`) into dist-sub-path/, and served the
 * way a static host serves a site in a folder, for e2e/sub-path.spec.ts. Anything outside the
 * folder is a bare 404, so a URL that forgot the base fails the tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { fileForPath } from '../scripts/lib/built-site.mjs';

/** The folder the site is built for and served from. */
export const SUB_PATH = '/academy/sales/';

const OUT_DIR = resolve('dist-sub-path');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

/** Builds the site for SUB_PATH into OUT_DIR, with this Node, as `npm run build` does (5-10 s). */
export function buildSubPathSite(): void {
  const env = {
    ...process.env,
    BASE_PATH: SUB_PATH,
    ASTRO_OUT_DIR: OUT_DIR,
    ASTRO_CACHE_DIR: join('node_modules', '.astro-sub-path'),
  };
  const run = (args: string[]) => execFileSync(process.execPath, args, { env, stdio: 'inherit' });
  run([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent']);
  run([join('scripts', 'build-sw.mjs')]);
}

/** The built file for a request path under SUB_PATH, or undefined when there is none. */
function builtFile(pathname: string): string | undefined {
  if (!pathname.startsWith(SUB_PATH)) return undefined;
  const file = join(OUT_DIR, fileForPath(`/${pathname.slice(SUB_PATH.length)}`));
  return file.startsWith(OUT_DIR) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Serves OUT_DIR under SUB_PATH on a free port; unknown pages in the folder get the site's 404
 * page. Resolves with the folder's URL (`http://127.0.0.1:<port>/academy/sales/`).
 */
export async function serveSubPathSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = builtFile(pathname);
    if (file) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } else if (pathname.startsWith(SUB_PATH)) {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] ?? '' });
      response.end(readFileSync(join(OUT_DIR, '404.html')));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not under ${SUB_PATH}`);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`, server };
}
