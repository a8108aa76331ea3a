/**
 * Reads the structure an author writes into a lesson's MDX body: section headings with explicit
 * ids (`<h2 id="what-to-do">Что делать</h2>`) and question placements
 * (`<Checkpoint ids={["id-a", "id-b"]} />`). Kept as plain text parsing so that the course can be
 * validated before anything is rendered.
 */

/** A section heading with its stable id. */
export interface LessonHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

const HEADING = /<h([23])\s+id=["']([^"']+)["']\s*>([\s\S]*?)<\/h\1>/g;
const CHECKPOINT = /<Checkpoint\s+ids=\{\s*\[([^\]]*)\]\s*\}\s*\/>/g;
const TERM = /<Term\s+id=["']([^"']+)["']\s*>/g;
const MARKDOWN_HEADING = /^#{2,3}\s+\S/m;
const HTML_SITE_LINK = /<a\s[^>]*\bhref=["'](\/(?!\/)[^"']*)["']/g;

/** Headings with explicit ids, in document order. */
export function readHeadings(body: string): LessonHeading[] {
  return [...body.matchAll(HEADING)].map((m) => ({
    depth: m[1] === '2' ? 2 : 3,
    id: m[2] ?? '',
    text: (m[3] ?? '').replace(/<[^>]+>/g, '').trim(),
  }));
}

/** The question ids of each checkpoint, in document order. */
export function readCheckpoints(body: string): string[][] {
  return [...body.matchAll(CHECKPOINT)].map((m) =>
    [...(m[1] ?? '').matchAll(/["']([^"']+)["']/g)].map((id) => id[1] ?? ''),
  );
}

/** The glossary ids of the `<Term id="…">` links in the body, in document order. */
export function readTermIds(body: string): string[] {
  return [...body.matchAll(TERM)].map((m) => m[1] ?? '');
}

/** True when the body uses a Markdown `##` heading, which would get no stable id. */
export function hasMarkdownSectionHeading(body: string): boolean {
  return MARKDOWN_HEADING.test(body.replace(/```[\s\S]*?```/g, ''));
}

/**
 * The site paths of links written as HTML (`<a href="/glossary/">`). Only Markdown links get the
 * folder the site is served from added at render, so these would break under a base path.
 */
export function readHtmlSiteLinks(body: string): string[] {
  return [...body.matchAll(HTML_SITE_LINK)].map((m) => m[1] ?? '');
}
