import { z } from 'astro/zod';
import { parseQuestion, type Question } from './question-schema';

/** The frontmatter of one lesson file in `content/lessons/`. The file name is the lesson's slug. */
export const lessonSchema = z.strictObject({
  /** Lesson title, without the number ("Игнорирование проблемы"). */
  title: z.string().trim().min(3),
  /** Position in the course, starting at 1; unique. Sets the number, order and prev/next links. */
  order: z.number().int().positive(),
  /** One sentence shown under the title, on the home page and in the trainer kit. */
  summary: z.string().trim().min(20).max(240),
  /** The lesson's short motto, shown at the top and repeated at the end. */
  motto: z.string().trim().min(5).max(160),
  /** The lesson's questions; each is placed in the text by a `<Checkpoint ids={[...]} />`. */
  questions: z
    .array(z.unknown())
    .min(1)
    .transform((raw, ctx): Question[] => {
      const questions: Question[] = [];
      raw.forEach((item, index) => {
        const parsed = parseQuestion(item, index);
        if (parsed.ok) questions.push(parsed.question);
        else for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message, path: [index] });
      });
      return questions;
    }),
});

export type LessonData = z.infer<typeof lessonSchema>;
