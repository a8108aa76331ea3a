/**
 * Prints the course's question figures against the limits of ../shared/CONTENT.md and every
 * problem (file, question id, field); exits 1 when there is any. Runs in `npm test`.
 *
 *   npm run content:report                      the course in content/lessons
 *   npx tsx scripts/content-report.ts FILE...   only the problems of these files (figures stay course-wide)
 *   LESSONS_DIR=dir GLOSSARY_FILE=file          another course (the tests use fixtures)
 */
import { resolve } from 'node:path';
import { readCourseFiles } from '../src/content/course-files';
import { assessCourse, QUALITY_LIMITS as L } from '../src/content/quality';
import { lessonMinutes } from '../src/content/reading-time';
import { validateCourse } from '../src/content/validate-course';

const lessonsDir = resolve(process.env['LESSONS_DIR'] ?? 'content/lessons');
const glossaryFile = resolve(process.env['GLOSSARY_FILE'] ?? 'content/glossary.json');
const only = process.argv.slice(2).map((f) => f.replace(/^\.\//, ''));

const course = readCourseFiles(lessonsDir, glossaryFile);
const { figures: f, problems: quality } = assessCourse(course.lessons);
const problems = [
  ...course.problems,
  ...validateCourse(course.lessons, { termIds: new Set(course.glossary.map((t) => t.id)) }),
  ...quality,
].filter((p) => only.length === 0 || only.some((file) => p.startsWith(file) || p.startsWith('course:')));

const pct = (x: number) => `${Math.round(x * 100)} %`;
const row = (label: string, value: string, limit: string) =>
  console.log(`  ${label.padEnd(46)} ${value.padEnd(16)} ${limit}`);

console.log(`Course: ${course.lessons.length} lessons, ${f.questions} questions\n`);
console.log(`  ${'lesson'.padEnd(28)} recall choice scenario cross motto  minutes`);
for (const lesson of course.lessons) {
  const qs = lesson.data.questions;
  const count = (type: string) => String(qs.filter((q) => q.type === type).length).padStart(6);
  const cross = qs.filter((q) => q.type === 'scenario' && q.answer !== lesson.slug).length;
  const motto = qs.filter((q) => q.source === 'motto').length;
  console.log(
    `  ${lesson.slug.padEnd(28)} ${count('recall')} ${count('choice')} ${count('scenario').padStart(8)} ${String(cross).padStart(5)} ${String(motto).padStart(5)} ${String(lessonMinutes(lesson.body, qs)).padStart(8)}`,
  );
}
console.log('\n  figure                                         value            limit');
row(
  'right option strictly the longest',
  `${f.rightLongest} of ${f.choiceQuestions} (${pct(f.rightLongestShare)})`,
  `at most ${pct(L.rightLongestShareMax)}`,
);
row(
  'right option / mean of others, largest',
  `${f.worstRatio.value} (${f.worstRatio.questionId || '-'})`,
  `at most ${L.rightToOthersRatioMax}`,
);
row(
  'recall answer, words: mean / largest',
  `${f.recallAnswerWords.mean} / ${f.recallAnswerWords.max}`,
  `at most ${L.recallAnswerWordsMax}`,
);
row('recall and choice question, words: largest', String(f.stemWordsMax), `at most ${L.stemWordsMax}`);
row(
  'scenario situation, words: smallest-largest',
  `${f.scenarioStemWords.min}-${f.scenarioStemWords.max}`,
  `${L.scenarioStemWords.min}-${L.scenarioStemWords.max}`,
);
row(
  'explanation, words: smallest-largest',
  `${f.explanationWords.min}-${f.explanationWords.max}`,
  `${L.explanationWords.min}-${L.explanationWords.max}`,
);
row('scenarios / answered by another lesson', `${f.scenarios} / ${f.crossLessonScenarios}`, 'at least 1 per lesson');

if (problems.length > 0) {
  console.log(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nNo problems.');
}
