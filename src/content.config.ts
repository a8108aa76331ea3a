import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { lessonSchema, type LessonData } from './content/lesson-schema';
import { validateCourse, type LessonFile } from './content/validate-course';

/** Where lesson files live; overridable so tests can build broken fixtures. */
const LESSONS_DIR = process.env['LESSONS_DIR'] ?? './content/lessons';

/**
 * The glob loader, followed by the checks a single file's schema cannot make (unique question ids
 * across lessons, `source` naming a real heading, every question placed in the text).
 */
function lessonsLoader(): Loader {
  const files = glob({ pattern: '**/*.mdx', base: LESSONS_DIR });
  return {
    name: 'lessons-loader',
    async load(context) {
      await files.load(context);
      const lessons: LessonFile[] = context.store.values().map((entry) => ({
        slug: entry.id,
        filePath: entry.filePath ?? entry.id,
        data: entry.data as LessonData,
        body: entry.body ?? '',
      }));
      const problems = validateCourse(lessons);
      if (problems.length > 0) {
        throw new Error(`Lesson content is invalid:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

export const collections = {
  lessons: defineCollection({ loader: lessonsLoader(), schema: lessonSchema }),
};
