/**
 * `npm run scale`: does the build stay fast as the course grows? Generates 500 valid lessons (the
 * shape of tests/fixtures/lessons/*.mdx: six sections, six questions of all three types, about 700
 * words of text each) into a temporary folder, and times a cold `npm run build` of them (Astro, then
 * the service worker and _headers) next to a cold build of the real course. Both build into the
 * temporary folder, so dist/ is untouched. Prints the times against PRODUCT.md's budgets; exits 1
 * only if a build fails.
 *
 * LESSON_COUNT changes the number of lessons; KEEP_SCALE_DIR=1 keeps the folder for a look.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const LESSON_COUNT = Number(process.env['LESSON_COUNT'] ?? 500);
/** PRODUCT.md "Performance budgets": build times in seconds. */
const COURSE_BUDGET_S = 10;
const SCALE_BUDGET_S = 60;

const WORDS = (
  'маркетинг продажи отдел заявка клиент сделка воронка встреча отчёт цель показатель команда ' +
  'руководитель менеджер процесс регламент договорённость квартал выручка бюджет кампания ' +
  'выставка вебинар звонок письмо рынок решение причина признак ошибка пример шаг правило ' +
  'доверие спор результат неделя месяц план задача вопрос ответ данные система таблица ' +
  'общий новый важный быстрый честный простой понятный регулярный главный первый ' +
  'обсуждает проверяет передаёт считает видит меняет назначает договаривается объясняет'
).split(' ');

/** A deterministic pseudo-random sequence, so every run builds the same course. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next, words) {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = picked.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next, wordCount) {
  const sentences = [];
  for (let left = wordCount; left > 0;) {
    const words = Math.min(left, 8 + Math.floor(next() * 8));
    sentences.push(sentence(next, words));
    left -= words;
  }
  return sentences.join(' ');
}

const SECTIONS = [
  ['the-mistake', 'В чём ошибка'],
  ['why-it-happens', 'Почему так происходит'],
  ['how-to-spot-it', 'Как распознать'],
  ['what-to-do', 'Что делать'],
  ['example', 'Пример из команды'],
];

/** The frontmatter and text of generated lesson `n` (1-based) among `slugs`. */
function lesson(n, slugs) {
  const next = random(n);
  const slug = slugs[n - 1];
  const others = [1, 2, 3].map((k) => slugs[(n - 1 + k * 37) % slugs.length]);
  const q = (suffix) => `${slug}-${suffix}`;
  const text = (words) => paragraph(next, words);
  const questions = `
  - id: ${q('recall-1')}
    type: recall
    question: ${text(9).replace(/\.$/, '?')}
    answer: ${text(12)}
    explanation: ${text(20)}
    source: the-mistake
  - id: ${q('recall-2')}
    type: recall
    question: ${text(9).replace(/\.$/, '?')}
    answer: ${text(12)}
    explanation: ${text(20)}
    source: what-to-do
  - id: ${q('choice-1')}
    type: choice
    question: ${text(9).replace(/\.$/, '?')}
    options:
      - text: Верный вариант номер ${n}
        correct: true
      - text: Неверный вариант А
      - text: Неверный вариант Б
    explanation: ${text(20)}
    source: how-to-spot-it
  - id: ${q('choice-2')}
    type: choice
    question: ${text(9).replace(/\.$/, '?')}
    options:
      - text: Первый вариант
      - text: Второй вариант
        correct: true
      - text: Третий вариант
      - text: Четвёртый вариант
    explanation: ${text(20)}
    source: example
  - id: ${q('scenario-1')}
    type: scenario
    question: ${text(25).replace(/\.$/, '?')}
    options: [${others[0]}, ${slug}, ${others[1]}]
    answer: ${slug}
    explanation: ${text(20)}
    source: why-it-happens
  - id: ${q('scenario-2')}
    type: scenario
    question: ${text(25).replace(/\.$/, '?')}
    options: [${slug}, ${others[1]}, ${others[2]}]
    answer: ${slug}
    explanation: ${text(20)}
    source: example`;
  const checkpointAfter = { 'the-mistake': [q('recall-1')], 'what-to-do': [q('recall-2'), q('choice-1')] };
  const body = SECTIONS.map(([id, title]) => {
    const checkpoint = checkpointAfter[id];
    return [
      `<h2 id="${id}">${title}</h2>`,
      text(60),
      id === 'what-to-do' ? ['1. ', '2. ', '3. '].map((marker) => marker + text(12)).join('\n') : text(35),
      `> ${text(12)}`,
      text(30),
      ...(checkpoint ? [`<Checkpoint ids={${JSON.stringify(checkpoint)}} />`] : []),
    ].join('\n\n');
  }).join('\n\n');
  return `---
title: Сгенерированный урок ${n}
order: ${n}
summary: ${text(14)}
motto: Девиз урока ${n}
questions:${questions}
---

${text(40)}

${body}

<h2 id="check-yourself">Проверьте себя</h2>

<Checkpoint ids={${JSON.stringify([q('choice-2'), q('scenario-1'), q('scenario-2')])}} />
`;
}

/** Runs `npm run build` with `env` added; returns seconds, or throws with the build's output. */
function timedBuild(label, env) {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    throw new Error(
      `${label} failed (exit ${result.status}):\n${result.stdout.slice(-4000)}${result.stderr.slice(-4000)}`,
    );
  }
  const pages = /(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? '?';
  return { seconds, pages };
}

const root = mkdtempSync(join(tmpdir(), 'course-scale-'));
try {
  const lessonsDir = join(root, 'lessons');
  mkdirSync(lessonsDir);
  const slugs = Array.from({ length: LESSON_COUNT }, (_, i) => `generated-lesson-${String(i + 1).padStart(3, '0')}`);
  let words = 0;
  slugs.forEach((slug, i) => {
    const source = lesson(i + 1, slugs);
    words +=
      source
        .split('---')[2]
        ?.split(/\s+/)
        .filter((w) => /[а-яё]/i.test(w)).length ?? 0;
    writeFileSync(join(lessonsDir, `${slug}.mdx`), source);
  });
  console.log(
    `Generated ${LESSON_COUNT} lessons in ${lessonsDir} (about ${Math.round(words / LESSON_COUNT)} words of text each)`,
  );

  // Cold builds: a fresh cache folder each, as on a CI machine.
  const course = timedBuild('The course build', {
    ASTRO_OUT_DIR: join(root, 'course-dist'),
    ASTRO_CACHE_DIR: join(root, 'course-cache'),
  });
  const scale = timedBuild(`The ${LESSON_COUNT}-lesson build`, {
    LESSONS_DIR: lessonsDir,
    ASTRO_OUT_DIR: join(root, 'dist'),
    ASTRO_CACHE_DIR: join(root, 'cache'),
  });

  const verdict = (seconds, budget) => (seconds <= budget ? `ok (≤ ${budget} s)` : `MISSED (> ${budget} s)`);
  console.log('\nBuild time (npm run build: astro build + service worker + _headers; cold cache)');
  const rows = [
    [`the course (${course.pages} pages)`, course.seconds, COURSE_BUDGET_S],
    [`${LESSON_COUNT} generated lessons (${scale.pages} pages)`, scale.seconds, SCALE_BUDGET_S],
  ];
  const width = Math.max(...rows.map(([label]) => String(label).length));
  for (const [label, seconds, budget] of rows) {
    console.log(
      `  ${String(label).padEnd(width)}  ${Number(seconds).toFixed(1).padStart(5)} s  ${verdict(Number(seconds), Number(budget))}`,
    );
  }
} finally {
  if (process.env['KEEP_SCALE_DIR']) console.log(`Kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
