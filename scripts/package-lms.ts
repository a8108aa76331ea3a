/**
 * `npm run package:lms`: the course as two SCORM packages, one SCO each, in dist-lms/:
 * `seven-reasons-scorm12.zip` (SCORM 1.2) and `seven-reasons-scorm2004.zip` (2004 4th edition).
 *
 * 1. Builds the site in its LMS mode (`LMS_BUILD=1`, see astro.config.mjs) into dist-lms/site, for a
 *    placeholder base path that step 2 turns into relative URLs naming files
 *    (`../review/index.html`): an LMS serves a package from a folder of its choosing and may not
 *    map a folder to its index. No service worker, no `_headers`, no sitemap.
 * 2. Adds the launch page (src/lms/launch-page, with src/lms/launch.ts bundled) and the course data
 *    the LMS reporting needs.
 * 3. Writes each version's `imsmanifest.xml` from the course data, listing every file, and zips.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import type { LmsCourse, LmsQuestion } from '../src/lms/host';
import { scormManifest, type ScormVersion } from '../src/lms/manifest';
import { LMS_PACKAGES } from './lib/lms-downloads.mjs';
import { makeRelative, LMS_ROOT } from './lib/lms-relative.mjs';
import { pruneCspInBuild } from './lib/prune-csp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, process.env['LMS_OUT_DIR'] ?? 'dist-lms');
const site = join(out, 'site');
const LAUNCH = 'launch.html';
/** The final check's share to pass (PRODUCT.md: mastery 80 %). */
const MASTERY_SCORE = 0.8;

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The course data the launch page and the pages' LMS reporting need, from the build's cards.json. */
function courseData(): LmsCourse {
  const cards = JSON.parse(readFileSync(join(site, 'cards.json'), 'utf8')) as {
    cards: { id: string; type: LmsQuestion['type']; lessonSlug: string }[];
    lessons: { slug: string; title: string }[];
  };
  const course = JSON.parse(readFileSync(join(root, 'content', 'course.json'), 'utf8')) as { title: string };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    title: course.title,
    version: pkg.version,
    questions: cards.cards.map(({ id, type, lessonSlug }) => ({ id, type, lesson: lessonSlug })),
    lessons: cards.lessons.map(({ slug, title }) => ({ slug, title })),
    passingScore: MASTERY_SCORE,
  };
}

async function writeLaunchPage(course: LmsCourse): Promise<void> {
  const templates = join(root, 'src', 'lms', 'launch-page');
  const escapeHtml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = readFileSync(join(templates, 'launch.html'), 'utf8')
    .replaceAll('__TITLE__', escapeHtml(course.title))
    // JSON in a script element: `<` escaped so no text can close the element.
    .replace('__COURSE__', JSON.stringify(course).replaceAll('<', '\\u003c'));
  writeFileSync(join(site, LAUNCH), html);
  mkdirSync(join(site, 'lms'), { recursive: true });
  writeFileSync(join(site, 'lms', 'launch.css'), readFileSync(join(templates, 'launch.css')));
  await build({
    entryPoints: [join(root, 'src', 'lms', 'launch.ts')],
    outfile: join(site, 'lms', 'launch.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  });
}

function writePackage(version: ScormVersion, course: LmsCourse): { file: string; bytes: number; files: number } {
  const files = filesUnder(site);
  const manifest = scormManifest(version, {
    identifier: 'seven-reasons-course',
    version: course.version,
    title: course.title,
    launch: LAUNCH,
    files,
    masteryScore: course.passingScore,
  });
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': new TextEncoder().encode(manifest) };
  for (const file of files) entries[file] = readFileSync(join(site, ...file.split('/')));
  const zip = zipSync(entries, { level: 9 });
  const file = join(out, LMS_PACKAGES.find((p) => p.version === version)!.file);
  writeFileSync(file, zip);
  return { file: relative(root, file), bytes: zip.length, files: files.length + 1 };
}

rmSync(out, { recursive: true, force: true });
execFileSync('npx', ['astro', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LMS_BUILD: '1', BASE_PATH: LMS_ROOT, ASTRO_OUT_DIR: site, SITE_URL: '' },
});
for (const leftOver of ['_headers', 'sitemap-index.xml', 'sitemap-0.xml', 'manifest.webmanifest'])
  rmSync(join(site, leftOver), { force: true });
pruneCspInBuild(site);
const rewritten = makeRelative(site);
console.log(`LMS build: URLs made relative in ${rewritten} files`);
const course = courseData();
await writeLaunchPage(course);
for (const version of ['1.2', '2004'] as const) {
  const { file, bytes, files } = writePackage(version, course);
  console.log(`${file}: SCORM ${version}, ${files} files, ${(bytes / 1024).toFixed(0)} KiB`);
}
