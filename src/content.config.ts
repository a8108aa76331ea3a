import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { glossaryTermSchema, parseGlossary } from './content/glossary-schema';
import { lessonSchema, type LessonData } from './content/lesson-schema';
import { validateCourse, type LessonFile } from './content/validate-course';

/** Where lesson files live; overridable so tests can build broken fixtures. */
const LESSONS_DIR = process.env['LESSONS_DIR'] ?? './content/lessons';
/** The course's glossary; `<Term id>` links in lessons must name one of its terms. */
const GLOSSARY_FILE = process.env['GLOSSARY_FILE'] ?? './content/glossary.json';

async function glossaryTermIds(): Promise<Set<string>> {
  const { terms, problems } = parseGlossary(JSON.parse(await readFile(GLOSSARY_FILE, 'utf8')));
  if (problems.length > 0) throw new Error(`${GLOSSARY_FILE} is invalid:\n  ${problems.join('\n  ')}`);
  return new Set(terms.map((t) => t.id));
}

/**
 * The glob loader, followed by the checks a single file's schema cannot make (unique question ids
 * across lessons, `source` naming a real heading, every question placed in the text, glossary links).
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
      const problems = validateCourse(lessons, { termIds: await glossaryTermIds() });
      if (problems.length > 0) {
        throw new Error(`Lesson content is invalid:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

export const collections = {
  lessons: defineCollection({ loader: lessonsLoader(), schema: lessonSchema }),
  glossary: defineCollection({ loader: file(GLOSSARY_FILE), schema: glossaryTermSchema }),
};
