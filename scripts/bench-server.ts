/**
 * A tiny static server for the site benchmark: serves a built site folder on a free port of
 * 127.0.0.1, as a static host would (a folder's index.html, 404.html for anything missing), plus a
 * few extra in-memory files the benchmark needs on the same origin (IndexedDB is per origin).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file served from memory: its content type and body. */
export interface ExtraFile {
  type: string;
  body: string;
}

/** A running server: its origin (`http://127.0.0.1:<port>`) and how to stop it. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Serves `root` (and `extra`, keyed by URL path) until `close()`. */
export async function serveFolder(folder: string, extra: Readonly<Record<string, ExtraFile>> = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const own = extra[pathname];
      if (own) {
        response.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-store' }).end(own.body);
        return;
      }
      // normalize() resolves "..", so a path that still starts with root stays inside it.
      const path = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
      const inside = path.startsWith(root + sep);
      const found = inside && (await isFile(path));
      if (!found && inside && (await isFile(join(path, 'index.html')))) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      const file = found ? path : join(root, '404.html');
      const body = await readFile(file).catch(() => Buffer.from('Not found'));
      response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections(); // keep-alive connections would hold close() open
      }),
  };
}
