import { describe, expect, test } from 'vitest';
import { countWords } from '../../src/content/reading-time';
import { validateCourse } from '../../src/content/validate-course';
import { readCourse } from '../read-course';

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
    expect(validateCourse(lessons)).toEqual([]);
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

  test('the hasty-decisions lesson holds the forgetting-curve chart', () => {
    expect(lessons[1]?.body).toContain('<ForgettingCurveChart />');
  });
});
