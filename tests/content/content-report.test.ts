import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

// The quality rules themselves are tested in-process (quality.test.ts); these spawns only check
// that the script wires them up: the env selects the course, problems are printed, the exit code is set.
const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'content-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The fixture course: valid lessons whose questions are far too short for the quality limits.
const lessonsDir = join(work, 'lessons');
cpSync(join(import.meta.dirname, '../fixtures/lessons'), lessonsDir, { recursive: true });
const glossaryFile = join(work, 'glossary.json');
writeFileSync(
  glossaryFile,
  JSON.stringify([{ id: 'lead', term: 'Лид', definition: 'Потенциальный клиент, который оставил контакт.' }]),
);

/** Runs the report on the fixture course; resolves with the exit code and everything printed. */
async function report(...files: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, LESSONS_DIR: lessonsDir, GLOSSARY_FILE: glossaryFile };
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/content-report.ts', ...files], { env, cwd: root });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: `${stdout}\n${stderr}` };
  }
}

describe('scripts/content-report.ts', { timeout: 60_000 }, () => {
  test('exits 1 on a course that breaks the limits, naming file, question id and field', async () => {
    const { code, output } = await report();
    expect(code).toBe(1);
    expect(output).toContain('Course: 3 lessons, 5 questions');
    expect(output).toMatch(/alpha\.mdx: question «alpha-recall», field «explanation»: \d+ words \(keep it to 30-80\)/);
    expect(output).toMatch(
      /alpha\.mdx: question «alpha-choice», field «options»: the right option is [\d.]+ × the mean length/,
    );
    expect(output).toMatch(/beta\.mdx: no question with «source: motto»/);
  });

  test('given a file, prints only that file’s problems and the course-wide ones', async () => {
    const { code, output } = await report(relative(root, join(lessonsDir, 'beta.mdx')));
    expect(code).toBe(1);
    expect(output).toMatch(/beta\.mdx: question «beta-recall», field «explanation»/);
    expect(output).toMatch(/course: the right option is the longest in 1 of 1 choice questions/);
    expect(output).not.toMatch(/alpha\.mdx: question/);
  });
});
