/**
 * Starts `astro preview` on the existing build, on a free port, for the audit scripts. Nothing is
 * built here: run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { distDir } from './built-site.mjs';

/** @returns {Promise<number>} a TCP port nothing listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Serves the build folder with `astro preview` and resolves once it answers.
 * @returns {Promise<{ origin: string, stop: () => void }>}
 */
export async function startPreview() {
  if (!existsSync(join(distDir(), 'index.html'))) {
    throw new Error(`No build in ${distDir()}: run \`npm run build\` first.`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The project's own Astro, run by this Node, so that `stop` ends exactly this process;
  // --ignore-lock lets it run beside a preview server someone else started on this project.
  const child = spawn(
    process.execPath,
    [
      join('node_modules', 'astro', 'bin', 'astro.mjs'),
      'preview',
      '--ignore-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
  );
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`astro preview did not answer on ${origin} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
