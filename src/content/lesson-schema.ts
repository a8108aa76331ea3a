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
  /** 2-4 learning objectives, each starting with an infinitive («Объяснить, почему…»); under the title and in the trainer kit. */
  objectives: z
    .array(z.string().trim().min(10).max(160))
    .min(2, 'list 2 to 4 objectives')
    .max(4, 'list 2 to 4 objectives'),
  /** Exactly two warning signs of the mistake, for the one-page cheat sheet (/summary/). */
  warningSigns: z.array(z.string().trim().min(10).max(140)).length(2, 'give exactly 2 warning signs'),
  /** The first concrete step against the mistake, one sentence, for the cheat sheet. */
  firstStep: z.string().trim().min(20).max(220),
  /** 2-3 open questions for a team discussion, shown in the trainer kit. */
  discussion: z
    .array(z.string().trim().min(15).max(240))
    .min(2, 'give 2 or 3 discussion questions')
    .max(3, 'give 2 or 3 discussion questions'),
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
