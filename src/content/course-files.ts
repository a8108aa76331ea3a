/**
 * Reads the course from disk without Astro: for the content report, tests and scripts. The Astro
 * build reads the same files through its content loader (src/content.config.ts) with the same
 * schemas and checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseGlossary, type GlossaryTerm } from './glossary-schema';
import { lessonSchema } from './lesson-schema';
import type { LessonFile } from './validate-course';

/** Lessons that parsed, in course order, and a problem for each file that did not. */
export interface CourseOnDisk {
  lessons: LessonFile[];
  glossary: GlossaryTerm[];
  problems: string[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

/** Reads every `*.mdx` in `lessonsDir` and the glossary file; paths in problems are relative to `root`. */
export function readCourseFiles(lessonsDir: string, glossaryFile: string, root = process.cwd()): CourseOnDisk {
  const problems: string[] = [];
  const lessons: LessonFile[] = [];
  for (const file of readdirSync(lessonsDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const filePath = relative(root, join(lessonsDir, file));
    const match = FRONTMATTER.exec(readFileSync(join(lessonsDir, file), 'utf8'));
    if (!match) {
      problems.push(`${filePath}: no frontmatter between --- lines`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parse(match[1] ?? '');
    } catch (error) {
      problems.push(`${filePath}: frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const result = lessonSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(lesson)';
        const message = issue.message.startsWith('question «') ? issue.message : `field «${field}»: ${issue.message}`;
        problems.push(`${filePath}: ${message}`);
      }
      continue;
    }
    lessons.push({ slug: file.replace(/\.mdx$/, ''), filePath, data: result.data, body: match[2] ?? '' });
  }
  const glossary = parseGlossary(JSON.parse(readFileSync(glossaryFile, 'utf8')));
  problems.push(...glossary.problems.map((p) => `${relative(root, glossaryFile)}: ${p}`));
  lessons.sort((a, b) => a.data.order - b.data.order);
  return { lessons, glossary: glossary.terms, problems };
}
