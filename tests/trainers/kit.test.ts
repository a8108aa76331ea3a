import { describe, expect, test } from 'vitest';
import { buildTrainerKit, type KitLessonSource } from '../../src/trainers/kit';
import { ORIGIN_PLACEHOLDER } from '../../src/lib/absolute-url';
import { buildOnboardingSnippet, escapeMarkdownText } from '../../src/trainers/snippet';

const lessons: KitLessonSource[] = [
  {
    slug: 'ignoring-the-problem',
    number: 1,
    title: 'Игнорирование проблемы',
    summary: 'Почему молчание дороже спора.',
    minutes: 6,
    objectives: ['Объяснить первое', 'Назвать второе'],
    discussion: ['Что мешает?', 'Что сделать?'],
    headings: [
      { depth: 2, id: 'the-mistake', text: 'В чём ошибка' },
      { depth: 3, id: 'detail', text: 'Подробность' },
      { depth: 2, id: 'check-yourself', text: 'Проверьте себя' },
    ],
  },
  {
    slug: 'no-referee',
    number: 2,
    title: 'Отсутствие [ответственного]',
    summary: 'Кто решает спор отделов.',
    minutes: 5,
    objectives: ['Объяснить первое', 'Назвать второе'],
    discussion: ['Что мешает?', 'Что сделать?'],
    headings: [{ depth: 2, id: 'what-to-do', text: 'Что делать' }],
  },
];
const kit = buildTrainerKit(lessons, 'https://course.example.org');
const courseName = 'Маркетинг и продажи: семь ошибок';

describe('buildTrainerKit', () => {
  test('gives every lesson a relative href and an absolute URL on the public origin', () => {
    expect(kit.lessons[0]?.lesson).toEqual({
      href: '/lessons/ignoring-the-problem/',
      url: 'https://course.example.org/lessons/ignoring-the-problem/',
    });
    expect(kit.lessons[1]?.review.url).toBe('https://course.example.org/review/?lesson=no-referee');
    expect(kit.review.url).toBe('https://course.example.org/review/');
  });

  test('links each level-2 section by its stable id, and skips level-3 headings', () => {
    expect(kit.lessons[0]?.sections.map((s) => s.url)).toEqual([
      'https://course.example.org/lessons/ignoring-the-problem/#the-mistake',
      'https://course.example.org/lessons/ignoring-the-problem/#check-yourself',
    ]);
    expect(kit.lessons[0]?.sections[0]?.title).toBe('В чём ошибка');
  });

  test('adds up the reading time of the course', () => {
    expect(kit.totalMinutes).toBe(11);
  });

  test('without a public origin, URLs carry the placeholder that the browser replaces with its own', () => {
    const unset = buildTrainerKit(lessons);
    expect(unset.review.url).toBe(`${ORIGIN_PLACEHOLDER}/review/`);
    expect(unset.lessons[0]?.lesson.href).toBe('/lessons/ignoring-the-problem/');
  });
});

describe('buildOnboardingSnippet', () => {
  const markdown = buildOnboardingSnippet(courseName, kit, 'markdown');
  const text = buildOnboardingSnippet(courseName, kit, 'text');

  test('both formats contain every lesson link and the daily review link', () => {
    for (const snippet of [markdown, text]) {
      for (const lesson of kit.lessons) expect(snippet).toContain(lesson.lesson.url);
      expect(snippet).toContain('https://course.example.org/review/');
    }
  });

  test('opens with a Russian introduction with correct plurals', () => {
    expect(text.split('\n')[0]).toBe(
      'Пройдите короткий курс «Маркетинг и продажи: семь ошибок»: 2 урока, всего около 11 минут вместе с вопросами. ' +
        'Ниже — план на 1 день и ссылка на повторение: 5 минут в день, чтобы выученное не забылось.',
    );
  });

  test('plain text gives a plan by day, then the daily review from the second day', () => {
    expect(text.split('\n').slice(1)).toEqual([
      '',
      'День 1: уроки 1–2 (≈\u00a011\u00a0мин)',
      '1. Игнорирование проблемы (6 мин): https://course.example.org/lessons/ignoring-the-problem/',
      '2. Отсутствие [ответственного] (5 мин): https://course.example.org/lessons/no-referee/',
      '',
      'Каждый день, начиная со второго: 5 минут повторения по ссылке https://course.example.org/review/',
    ]);
  });

  test('Markdown gives each day a bold title, a blank line before its list, and ends with the review link', () => {
    expect(markdown).toContain('**День 1: уроки 1–2 (≈\u00a011\u00a0мин)**\n\n1. [');
    expect(markdown.split('\n').at(-1)).toBe(
      '**Каждый день, начиная со второго:** 5 минут [повторения](https://course.example.org/review/)',
    );
  });

  test('Markdown lists the lessons as numbered links with escaped titles', () => {
    expect(markdown).toContain(
      '1. [Игнорирование проблемы](https://course.example.org/lessons/ignoring-the-problem/) — 6 мин',
    );
    expect(markdown).toContain('2. [Отсутствие \\[ответственного\\]](https://course.example.org/lessons/no-referee/)');
    expect(markdown).toContain('[повторения](https://course.example.org/review/)');
  });

  test('plain text has no Markdown syntax', () => {
    expect(text).toContain(
      '1. Игнорирование проблемы (6 мин): https://course.example.org/lessons/ignoring-the-problem/',
    );
    expect(text).not.toMatch(/\]\(/);
  });

  test('escapeMarkdownText escapes what would end link text or add emphasis', () => {
    expect(escapeMarkdownText('a*b_c[d]e\\f`g<h>')).toBe('a\\*b\\_c\\[d\\]e\\\\f\\`g\\<h\\>');
  });
});
