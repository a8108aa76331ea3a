import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '../fixtures/lessons');
const work = mkdtempSync(join(tmpdir(), 'lessons-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the valid fixture course, breaks one file, and runs Astro's content sync on it. */
async function syncBroken(name: string, file: string, from: string, to: string) {
  const dir = join(work, name);
  cpSync(fixtures, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
  const env = { ...process.env, LESSONS_DIR: dir, ASTRO_CACHE_DIR: join(dir, '.cache') };
  try {
    await run('npx', ['astro', 'sync'], { env, cwd: join(import.meta.dirname, '../..') });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}\n${stderr}`;
  }
  throw new Error('astro sync accepted a broken lesson');
}

describe('a broken lesson fails the build with the file, the question and the field named', { timeout: 60_000 }, () => {
  test('valid fixtures sync cleanly', async () => {
    const env = { ...process.env, LESSONS_DIR: fixtures, ASTRO_CACHE_DIR: join(work, 'ok-cache') };
    await expect(run('npx', ['astro', 'sync'], { env })).resolves.toBeDefined();
  });

  test('an unknown question type', async () => {
    const output = await syncBroken('type', 'alpha.mdx', 'type: recall', 'type: essay');
    expect(output).toContain('alpha.mdx');
    expect(output).toContain('question «alpha-recall», field «type»: "essay" is not a question type');
  });

  test('a choice with two right options', async () => {
    const output = await syncBroken('choice', 'alpha.mdx', '- text: Два', '- text: Два\n        correct: true');
    expect(output).toContain('alpha.mdx');
    expect(output).toContain('question «alpha-choice», field «options»: a choice question needs exactly one option');
  });

  test('a duplicate question id across files', async () => {
    const output = await syncBroken('dup', 'beta.mdx', 'beta-recall', 'alpha-recall');
    expect(output).toMatch(/beta\.mdx: question «alpha-recall», field «id»: duplicate, also defined in .*alpha\.mdx/);
  });

  test('a source that names no heading', async () => {
    const output = await syncBroken('source', 'beta.mdx', 'source: check-yourself', 'source: nowhere');
    expect(output).toMatch(/beta\.mdx: question «beta-recall», field «source»: no heading with id "nowhere"/);
  });
});
