import { z } from 'astro/zod';
import { KEBAB_CASE } from './slugs';

const kebab = (what: string) => z.string().regex(KEBAB_CASE, `${what} must be kebab-case ASCII, e.g. "what-to-do"`);

const base = {
  /** Stable id, unique across the course. Progress is keyed by it: never rename a published id. */
  id: kebab('id'),
  /** The question as the learner sees it (plain text, Russian). */
  question: z.string().trim().min(10, 'question text is missing or too short'),
  /** Why the right answer is right (and a tempting wrong one wrong). Shown after answering. */
  explanation: z.string().trim().min(20, 'explanation is missing or too short'),
  /** Id of the heading in the same lesson to re-read when the learner misses this question. */
  source: kebab('source'),
  /**
   * Ids of earlier questions this one replaces (a rewrite that changed the meaning, or a split).
   * A learner's reviews of those ids count as reviews of this question, so no history is lost.
   */
  replaces: z.array(kebab('replaces')).min(1, 'list at least one id, or leave the field out').optional(),
};

/** Free recall: the learner answers in their head, reveals the answer and grades themself. */
export const recallSchema = z.strictObject({
  ...base,
  type: z.literal('recall'),
  /** The answer revealed by «Показать ответ». */
  answer: z.string().trim().min(2, 'answer is missing'),
});

/** One option of a choice question. */
const optionSchema = z.strictObject({
  /** Option text. */
  text: z.string().trim().min(1, 'option text is empty'),
  /** Marks the single right option; defaults to false. */
  correct: z.boolean().default(false),
});

/** Multiple choice: 3 or 4 options, exactly one right; shown shuffled. */
export const choiceSchema = z.strictObject({
  ...base,
  type: z.literal('choice'),
  options: z
    .array(optionSchema)
    .min(3, 'a choice question needs 3 or 4 options')
    .max(4, 'a choice question needs 3 or 4 options')
    .refine((options) => options.filter((o) => o.correct).length === 1, {
      message: 'a choice question needs exactly one option with "correct: true"',
    })
    .refine((options) => new Set(options.map((o) => o.text)).size === options.length, {
      message: 'two options have the same text',
    }),
});

/** A workplace situation; the options are lessons (by slug), the right one names the mistake. */
export const scenarioSchema = z.strictObject({
  ...base,
  type: z.literal('scenario'),
  /** Slugs of the lessons offered as options (3 or 4, including the answer). */
  options: z
    .array(kebab('option'))
    .min(3, 'a scenario needs 3 or 4 lesson slugs as options')
    .max(4, 'a scenario needs 3 or 4 lesson slugs as options')
    .refine((slugs) => new Set(slugs).size === slugs.length, { message: 'a lesson is listed twice' }),
  /** Slug of the lesson whose mistake the situation shows; must be one of `options`. */
  answer: kebab('answer'),
});

const questionSchema = z.discriminatedUnion('type', [recallSchema, choiceSchema, scenarioSchema]);

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = ['recall', 'choice', 'scenario'];

/** Parses one raw question, returning readable problems that name its id and the field. */
export function parseQuestion(
  raw: unknown,
  index: number,
): { ok: true; question: Question } | { ok: false; problems: string[] } {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : `#${index + 1} (no id)`;
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (!QUESTION_TYPES.includes(type as QuestionType)) {
    return {
      ok: false,
      problems: [
        `question «${id}», field «type»: "${String(type)}" is not a question type (use ${QUESTION_TYPES.join(', ')})`,
      ],
    };
  }
  const result = questionSchema.safeParse(raw);
  if (result.success) {
    const question = result.data;
    if (question.type === 'scenario' && !question.options.includes(question.answer)) {
      return {
        ok: false,
        problems: [`question «${id}», field «answer»: "${question.answer}" is not among the options`],
      };
    }
    return { ok: true, question };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(question)';
      const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
      return `question «${id}», field «${field}»: ${message}`;
    }),
  };
}
