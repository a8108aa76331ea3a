import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lessonSchema } from '../src/content/lesson-schema';
import type { LessonFile } from '../src/content/validate-course';

/** Reads the real course from content/lessons the way the content loader does, in course order. */
export function readCourse(): LessonFile[] {
  const dir = join(import.meta.dirname, '../content/lessons');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      return {
        slug: file.replace(/\.mdx$/, ''),
        filePath: `content/lessons/${file}`,
        data: lessonSchema.parse(parse(frontmatter)),
        body,
      };
    })
    .sort((a, b) => a.data.order - b.data.order);
}
