import type { LessonData } from './lesson-schema';
import {
  hasMarkdownSectionHeading,
  readCheckpoints,
  readHeadings,
  readHtmlSiteLinks,
  readTermIds,
} from './lesson-body';
import { KEBAB_CASE } from './slugs';

/** One parsed lesson file, as the loader sees it. */
export interface LessonFile {
  slug: string;
  filePath: string;
  data: LessonData;
  body: string;
}

/** Id of the final section that holds the remaining questions. */
export const CHECK_YOURSELF_ID = 'check-yourself';

/** What the course is checked against besides its own files. */
export interface CourseContext {
  /** Ids of the glossary's terms; `<Term id>` links must name one of them. */
  readonly termIds: ReadonlySet<string>;
}

/**
 * Checks what one file's schema cannot: rules across files and between frontmatter and body.
 * Returns readable problems, each starting with the file path; an empty list means valid.
 */
export function validateCourse(lessons: readonly LessonFile[], context: CourseContext): string[] {
  const problems: string[] = [];
  const slugs = new Set(lessons.map((l) => l.slug));
  const questionOwner = new Map<string, string>();
  const allQuestionIds = new Set(lessons.flatMap((l) => l.data.questions.map((q) => q.id)));
  const orderOwner = new Map<number, string>();

  // Files in path order, so the same course gives the same report whatever order the disk lists them in.
  const byPath = [...lessons].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  for (const lesson of byPath) {
    const at = (message: string) => problems.push(`${lesson.filePath}: ${message}`);
    if (!KEBAB_CASE.test(lesson.slug)) at(`file name "${lesson.slug}" must be a kebab-case ASCII slug`);

    const otherOrder = orderOwner.get(lesson.data.order);
    if (otherOrder) at(`field «order»: ${lesson.data.order} is also used by ${otherOrder}`);
    orderOwner.set(lesson.data.order, lesson.filePath);

    if (hasMarkdownSectionHeading(lesson.body)) {
      at('section headings must be written as <h2 id="ascii-id">…</h2> so their links stay stable');
    }
    const headings = readHeadings(lesson.body);
    const headingIds = new Set<string>();
    for (const h of headings) {
      if (!KEBAB_CASE.test(h.id)) at(`heading "${h.text}": id "${h.id}" must be kebab-case ASCII`);
      if (headingIds.has(h.id)) at(`heading id "${h.id}" is used twice`);
      headingIds.add(h.id);
    }
    if (!headingIds.has(CHECK_YOURSELF_ID)) {
      at(`the lesson needs a final <h2 id="${CHECK_YOURSELF_ID}">Проверьте себя</h2> section`);
    }

    const termsSeen = new Set<string>();
    for (const id of readTermIds(lesson.body)) {
      if (!context.termIds.has(id)) at(`<Term id="${id}">: no glossary term with this id in content/glossary.json`);
      else if (termsSeen.has(id)) at(`<Term id="${id}"> is linked twice; link a term only where it first appears`);
      termsSeen.add(id);
    }

    for (const href of readHtmlSiteLinks(lesson.body)) {
      at(
        `<a href="${href}">: write a link to the course as Markdown, [текст](${href}), so it follows the site's folder`,
      );
    }

    const placed = new Map<string, number>();
    for (const id of readCheckpoints(lesson.body).flat()) placed.set(id, (placed.get(id) ?? 0) + 1);
    const own = new Set(lesson.data.questions.map((q) => q.id));
    for (const [id, count] of placed) {
      if (!own.has(id)) at(`<Checkpoint> names question «${id}», which this lesson does not define`);
      else if (count > 1) at(`question «${id}» is placed in ${count} checkpoints; place it once`);
    }

    for (const q of lesson.data.questions) {
      const other = questionOwner.get(q.id);
      if (other) at(`question «${q.id}», field «id»: duplicate, also defined in ${other}`);
      questionOwner.set(q.id, lesson.filePath);
      if (!headingIds.has(q.source)) {
        at(`question «${q.id}», field «source»: no heading with id "${q.source}" in this lesson`);
      }
      for (const old of q.replaces ?? []) {
        if (allQuestionIds.has(old)) {
          at(
            `question «${q.id}», field «replaces»: «${old}» is still a question of the course; only a retired id can be replaced`,
          );
        }
      }
      if (!placed.has(q.id)) at(`question «${q.id}» is not placed in any <Checkpoint ids={[…]} />`);
      if (q.type === 'scenario') {
        for (const option of q.options) {
          if (!slugs.has(option)) at(`question «${q.id}», field «options»: no lesson with slug "${option}"`);
        }
      }
    }
  }
  return problems;
}
