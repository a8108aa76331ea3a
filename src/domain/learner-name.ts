/** The learner's name for the certificate, typed on the page and kept in the store and backups. */

/** The longest name kept, in characters. */
export const MAX_NAME_LENGTH = 100;

/**
 * Reads a name (`unknown` until parsed): control characters dropped, runs of spaces made one, ends
 * trimmed, cut to `MAX_NAME_LENGTH`; anything that is not a string is no name ('').
 */
export function parseLearnerName(x: unknown): string {
  if (typeof x !== 'string') return '';
  return (
    x
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_NAME_LENGTH)
      .trim()
  );
}
