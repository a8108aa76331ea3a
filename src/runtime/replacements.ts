/**
 * The course's replaced question ids reach the browser as a JSON data block the layout writes
 * (`<script type="application/json" id="question-replacements">`): a data block is never run, so
 * it needs no CSP hash, and every page's runtime reads the same map.
 */
import type { QuestionReplacements } from '../domain/deck';

/** Id of the data block in the layout. */
export const REPLACEMENTS_ELEMENT_ID = 'question-replacements';

/** Parses the data block's text (`unknown` until checked): pairs of [new id, [retired ids]]. */
export function parseReplacements(text: string | null | undefined): QuestionReplacements {
  const map = new Map<string, readonly string[]>();
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '[]');
  } catch {
    return map;
  }
  if (!Array.isArray(raw)) return map;
  for (const pair of raw) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !Array.isArray(pair[1])) continue;
    const retired = (pair[1] as unknown[]).filter((id): id is string => typeof id === 'string');
    if (retired.length > 0) map.set(pair[0], retired);
  }
  return map;
}

/** The replacements of the current page, or none outside a browser. */
export function readPageReplacements(): QuestionReplacements {
  if (typeof document === 'undefined') return new Map();
  return parseReplacements(document.getElementById(REPLACEMENTS_ELEMENT_ID)?.textContent);
}
