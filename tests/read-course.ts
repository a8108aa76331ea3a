import { join } from 'node:path';
import { readCourseFiles } from '../src/content/course-files';
import type { LessonFile } from '../src/content/validate-course';

/** Reads the real course from content/lessons as the content report does, in course order; throws on any problem. */
export function readCourse(): LessonFile[] {
  const root = join(import.meta.dirname, '..');
  const { lessons, problems } = readCourseFiles(
    join(root, 'content/lessons'),
    join(root, 'content/glossary.json'),
    root,
  );
  if (problems.length > 0) throw new Error(`The course does not read:\n  ${problems.join('\n  ')}`);
  return lessons;
}
