import { z } from 'astro/zod';
import { KEBAB_CASE } from './slugs';

/** One entry of `content/glossary.json`: a term of the course and its one definition. */
export const glossaryTermSchema = z.strictObject({
  /** Stable anchor on /glossary/ (`/glossary/#lead`) and the id a lesson's `<Term id>` names. */
  id: z.string().regex(KEBAB_CASE, 'id must be kebab-case ASCII, e.g. "lead"'),
  /** The term as the glossary lists it («Лид»). */
  term: z.string().trim().min(2),
  /** One or two sentences of plain Russian. */
  definition: z.string().trim().min(20).max(400),
});

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/**
 * Parses the whole glossary file, returning readable problems (entry, field) instead of throwing;
 * ids must be unique.
 */
export function parseGlossary(raw: unknown): { terms: GlossaryTerm[]; problems: string[] } {
  if (!Array.isArray(raw)) return { terms: [], problems: ['the glossary must be a JSON array of terms'] };
  const terms: GlossaryTerm[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const result = glossaryTermSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`term #${index + 1}, field «${issue.path.join('.') || '(term)'}»: ${issue.message}`);
      }
      return;
    }
    if (seen.has(result.data.id)) {
      problems.push(`term #${index + 1}, field «id»: "${result.data.id}" is used twice`);
      return;
    }
    seen.add(result.data.id);
    terms.push(result.data);
  });
  return { terms, problems };
}
