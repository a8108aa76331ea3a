import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { relativePage, relativeUrl } from '../../scripts/lib/lms-relative.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the LMS build’s relative URLs', () => {
  test('name a file, relative to the page, keeping query and fragment', () => {
    expect(relativeUrl('', 0)).toBe('./index.html');
    expect(relativeUrl('review/?lesson=x', 1)).toBe('../review/index.html?lesson=x');
    expect(relativeUrl('lessons/a/#what-to-do', 2)).toBe('../../lessons/a/index.html#what-to-do');
    expect(relativeUrl('_astro/x.css', 2)).toBe('../../_astro/x.css');
  });

  test('a page: attributes rewritten, an inline script that changed gets its new hash in the CSP', () => {
    const script = 'const next = "/__lms_root__/review/";';
    const page = `<meta http-equiv="content-security-policy" content="script-src 'self' ${sha(script)}; style-src 'self'"><a href="/__lms_root__/glossary/#lead">x</a><link href="/__lms_root__/_astro/a.css"><script>${script}</script><a href="#here">y</a>`;
    const out = relativePage(page, 2);
    const rewritten = 'const next = "../../review/index.html";';
    expect(out).toContain('href="../../glossary/index.html#lead"');
    expect(out).toContain('href="../../_astro/a.css"');
    expect(out).toContain(`<script>${rewritten}</script>`);
    expect(out).toContain(sha(rewritten));
    expect(out).not.toContain(sha(script));
    expect(out).toContain('href="#here"');
    expect(out).not.toContain('__lms_root__');
  });
});
