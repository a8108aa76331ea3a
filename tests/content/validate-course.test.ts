import { describe, expect, test } from 'vitest';
import type { LessonData } from '../../src/content/lesson-schema';
import { validateCourse, type LessonFile } from '../../src/content/validate-course';

const body = (ids: string[]) =>
  `<h2 id="the-mistake">Ошибка</h2>\n\nТекст.\n\n<h2 id="check-yourself">Проверьте себя</h2>\n\n<Checkpoint ids={[${ids
    .map((id) => `"${id}"`)
    .join(', ')}]} />\n`;

const recall = (id: string, source = 'the-mistake') => ({
  id,
  type: 'recall' as const,
  question: 'Вопрос?',
  answer: 'Ответ',
  explanation: 'Объяснение',
  source,
});

function lesson(slug: string, order: number, questions: LessonData['questions'], text?: string): LessonFile {
  return {
    slug,
    filePath: `content/lessons/${slug}.mdx`,
    data: { title: slug, order, summary: 's', motto: 'm', questions },
    body: text ?? body(questions.map((q) => q.id)),
  };
}

describe('validateCourse', () => {
  test('accepts a consistent course', () => {
    expect(validateCourse([lesson('one', 1, [recall('a')]), lesson('two', 2, [recall('b')])])).toEqual([]);
  });

  test('rejects a question id used in two lessons, naming both files', () => {
    const problems = validateCourse([lesson('one', 1, [recall('a')]), lesson('two', 2, [recall('a')])]);
    expect(problems).toEqual([
      'content/lessons/two.mdx: question «a», field «id»: duplicate, also defined in content/lessons/one.mdx',
    ]);
  });

  test('reports the same problems whatever order the files are listed in', () => {
    const one = lesson('one', 1, [recall('a')]);
    const two = lesson('two', 2, [recall('a')]);
    expect(validateCourse([two, one])).toEqual(validateCourse([one, two]));
  });

  test('rejects a source that names no heading', () => {
    expect(validateCourse([lesson('one', 1, [recall('a', 'nowhere')])])).toEqual([
      'content/lessons/one.mdx: question «a», field «source»: no heading with id "nowhere" in this lesson',
    ]);
  });

  test('rejects a question that is never placed in the text', () => {
    const problems = validateCourse([lesson('one', 1, [recall('a'), recall('b')], body(['a']))]);
    expect(problems).toEqual(['content/lessons/one.mdx: question «b» is not placed in any <Checkpoint ids={[…]} />']);
  });

  test('rejects a checkpoint naming a question of another lesson', () => {
    const problems = validateCourse([lesson('one', 1, [recall('a')], body(['a', 'zzz']))]);
    expect(problems).toEqual(['content/lessons/one.mdx: <Checkpoint> names question «zzz», which this lesson does not define']);
  });

  test('rejects Markdown section headings, which would get unstable ids', () => {
    const problems = validateCourse([lesson('one', 1, [recall('a')], `## Раздел\n\n${body(['a'])}`)]);
    expect(problems[0]).toContain('section headings must be written as <h2 id="ascii-id">');
  });

  test('rejects a lesson without the final check-yourself section', () => {
    const text = '<h2 id="the-mistake">Ошибка</h2>\n<Checkpoint ids={["a"]} />';
    expect(validateCourse([lesson('one', 1, [recall('a')], text)])).toEqual([
      'content/lessons/one.mdx: the lesson needs a final <h2 id="check-yourself">Проверьте себя</h2> section',
    ]);
  });

  test('rejects two lessons with the same order', () => {
    const problems = validateCourse([lesson('one', 1, [recall('a')]), lesson('two', 1, [recall('b')])]);
    expect(problems).toEqual(['content/lessons/two.mdx: field «order»: 1 is also used by content/lessons/one.mdx']);
  });

  test('rejects a scenario option that names no lesson', () => {
    const scenario = { ...recall('s'), type: 'scenario' as const, options: ['one', 'ghost', 'two'], answer: 'one' };
    const problems = validateCourse([lesson('one', 1, [scenario]), lesson('two', 2, [recall('b')])]);
    expect(problems).toEqual(['content/lessons/one.mdx: question «s», field «options»: no lesson with slug "ghost"']);
  });
});
