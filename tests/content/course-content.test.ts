import { describe, expect, test } from 'vitest';
import { countWords } from '../../src/content/reading-time';
import { validateCourse } from '../../src/content/validate-course';
import { readFileSync } from 'node:fs';
import { parseGlossary } from '../../src/content/glossary-schema';
import { readHeadings } from '../../src/content/lesson-body';
import { readCourse } from '../read-course';

const glossary = parseGlossary(JSON.parse(readFileSync('content/glossary.json', 'utf8')));

const lessons = readCourse();

describe('the course content', () => {
  test('has the seven lessons of the product, in order', () => {
    expect(lessons.map((l) => l.slug)).toEqual([
      'ignoring-the-problem',
      'hasty-decisions',
      'no-referee',
      'neglecting-people',
      'technology-magic',
      'no-support-from-the-top',
      'expecting-instant-results',
    ]);
    expect(lessons.map((l) => l.data.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('passes the cross-file checks', () => {
    expect(glossary.problems).toEqual([]);
    expect(validateCourse(lessons, { termIds: new Set(glossary.terms.map((t) => t.id)) })).toEqual([]);
  });

  test.each(lessons.map((l) => [l.slug, l] as const))('%s has 600 to 1,200 words of prose', (_, lesson) => {
    const prose = lesson.body.replace(/<Checkpoint[^>]*\/>/g, '');
    expect(countWords(prose)).toBeGreaterThanOrEqual(600);
    expect(countWords(prose)).toBeLessThanOrEqual(1200);
  });

  test.each(lessons.map((l) => [l.slug, l] as const))(
    '%s has at least 6 questions, 2 recall and 2 choice',
    (_, lesson) => {
      const types = lesson.data.questions.map((q) => q.type);
      expect(types.length).toBeGreaterThanOrEqual(6);
      expect(types.filter((t) => t === 'recall').length).toBeGreaterThanOrEqual(2);
      expect(types.filter((t) => t === 'choice').length).toBeGreaterThanOrEqual(2);
    },
  );

  test('has at least 7 scenario questions in all', () => {
    const scenarios = lessons.flatMap((l) => l.data.questions).filter((q) => q.type === 'scenario');
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
  });

  test.each(lessons.map((l) => [l.slug, l] as const))('%s names its sections as every lesson does', (_, lesson) => {
    const text = new Map(
      readHeadings(lesson.body)
        .filter((h) => h.depth === 2)
        .map((h) => [h.id, h.text]),
    );
    expect(
      Object.fromEntries(
        ['the-mistake', 'why-it-happens', 'how-to-spot-it', 'what-to-do', 'motto', 'check-yourself'].map((id) => [
          id,
          text.get(id),
        ]),
      ),
    ).toEqual({
      'the-mistake': 'В чём ошибка',
      'why-it-happens': 'Почему так происходит',
      'how-to-spot-it': 'Как распознать',
      'what-to-do': 'Что делать',
      motto: 'Девиз',
      'check-yourself': 'Проверьте себя',
    });
    expect(text.get('example')).toMatch(/^Пример: \S/);
  });

  test.each(lessons.map((l) => [l.slug, l] as const))('%s presents its example as an illustration', (_, lesson) => {
    const example = lesson.body.split('<h2 id="example">')[1] ?? '';
    expect(example).toContain('Пример придуман для курса: компания, имена и цифры условные');
  });

  test('uses one term for one thing: «лид», not «заявка»; «менеджер», not «продавец»', () => {
    for (const lesson of lessons) {
      // «Заявка» appears once: where the first lesson says that a лид is what people call a заявка.
      const text = `${lesson.body} ${JSON.stringify(lesson.data)}`.replace(
        /<Term id="lead">лид<\/Term> — так в курсе называем заявку/,
        '',
      );
      expect(text, lesson.slug).not.toMatch(/заявк/i);
      expect(text, lesson.slug).not.toMatch(/продав[её]?ц|продажник/i);
    }
  });

  test('the hasty-decisions lesson holds the forgetting-curve chart', () => {
    expect(lessons[1]?.body).toContain('<ForgettingCurveChart />');
  });
});
