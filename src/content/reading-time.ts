/** Silent reading speed for Russian non-fiction, in words per minute. */
const WORDS_PER_MINUTE = 180;

/** Counts the words of prose in an MDX body, ignoring tags and JSX expressions. */
export function countWords(body: string): number {
  const prose = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_>`|-]+/g, ' ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes needed to read a body, at least 1. */
export function readingMinutes(body: string): number {
  return Math.max(1, Math.round(countWords(body) / WORDS_PER_MINUTE));
}
