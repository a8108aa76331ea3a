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
    data: {
      title: slug,
      order,
      summary: 's',
      motto: 'm',
      objectives: ['Объяснить ошибку', 'Назвать первый шаг'],
      warningSigns: ['Первый признак', 'Второй признак'],
      firstStep: 'Сделайте первый шаг.',
      discussion: ['Первый вопрос?', 'Второй вопрос?'],
      questions,
    },
    body: text ?? body(questions.map((q) => q.id)),
  };
}

/** The glossary the tests check `<Term id>` links against. */
const context = { termIds: new Set(['lead', 'crm']) };
const validate = (lessons: LessonFile[]) => validateCourse(lessons, context);

describe('validateCourse', () => {
  test('accepts a consistent course', () => {
    expect(validate([lesson('one', 1, [recall('a')]), lesson('two', 2, [recall('b')])])).toEqual([]);
  });

  test('rejects a question id used in two lessons, naming both files', () => {
    const problems = validate([lesson('one', 1, [recall('a')]), lesson('two', 2, [recall('a')])]);
    expect(problems).toEqual([
      'content/lessons/two.mdx: question «a», field «id»: duplicate, also defined in content/lessons/one.mdx',
    ]);
  });

  test('reports the same problems whatever order the files are listed in', () => {
    const one = lesson('one', 1, [recall('a')]);
    const two = lesson('two', 2, [recall('a')]);
    expect(validate([two, one])).toEqual(validate([one, two]));
  });

  test('rejects a source that names no heading', () => {
    expect(validate([lesson('one', 1, [recall('a', 'nowhere')])])).toEqual([
      'content/lessons/one.mdx: question «a», field «source»: no heading with id "nowhere" in this lesson',
    ]);
  });

  test('rejects a question that is never placed in the text', () => {
    const problems = validate([lesson('one', 1, [recall('a'), recall('b')], body(['a']))]);
    expect(problems).toEqual(['content/lessons/one.mdx: question «b» is not placed in any <Checkpoint ids={[…]} />']);
  });

  test('rejects a checkpoint naming a question of another lesson', () => {
    const problems = validate([lesson('one', 1, [recall('a')], body(['a', 'zzz']))]);
    expect(problems).toEqual([
      'content/lessons/one.mdx: <Checkpoint> names question «zzz», which this lesson does not define',
    ]);
  });

  test('rejects Markdown section headings, which would get unstable ids', () => {
    const problems = validate([lesson('one', 1, [recall('a')], `## Раздел\n\n${body(['a'])}`)]);
    expect(problems[0]).toContain('section headings must be written as <h2 id="ascii-id">');
  });

  test('rejects a lesson without the final check-yourself section', () => {
    const text = '<h2 id="the-mistake">Ошибка</h2>\n<Checkpoint ids={["a"]} />';
    expect(validate([lesson('one', 1, [recall('a')], text)])).toEqual([
      'content/lessons/one.mdx: the lesson needs a final <h2 id="check-yourself">Проверьте себя</h2> section',
    ]);
  });

  test('rejects two lessons with the same order', () => {
    const problems = validate([lesson('one', 1, [recall('a')]), lesson('two', 1, [recall('b')])]);
    expect(problems).toEqual(['content/lessons/two.mdx: field «order»: 1 is also used by content/lessons/one.mdx']);
  });

  test('rejects a scenario option that names no lesson', () => {
    const scenario = { ...recall('s'), type: 'scenario' as const, options: ['one', 'ghost', 'two'], answer: 'one' };
    const problems = validate([lesson('one', 1, [scenario]), lesson('two', 2, [recall('b')])]);
    expect(problems).toEqual(['content/lessons/one.mdx: question «s», field «options»: no lesson with slug "ghost"']);
  });
});

describe('validateCourse: glossary links', () => {
  /** A lesson body with `<Term>` links to these ids, placing question `questionId`. */
  const withTerms = (ids: string[], questionId = 'a') =>
    `${ids.map((id) => `Текст про <Term id="${id}">термин</Term>.`).join('\n\n')}\n\n${body([questionId])}`;

  test('accepts a link to a glossary term', () => {
    expect(validate([lesson('one', 1, [recall('a')], withTerms(['lead', 'crm']))])).toEqual([]);
  });

  test('rejects a link to an id the glossary does not have', () => {
    expect(validate([lesson('one', 1, [recall('a')], withTerms(['lead', 'ghost']))])).toEqual([
      'content/lessons/one.mdx: <Term id="ghost">: no glossary term with this id in content/glossary.json',
    ]);
  });

  test('rejects the same term linked twice in a lesson', () => {
    expect(validate([lesson('one', 1, [recall('a')], withTerms(['lead', 'crm', 'lead']))])).toEqual([
      'content/lessons/one.mdx: <Term id="lead"> is linked twice; link a term only where it first appears',
    ]);
  });

  test('accepts the same term linked once in each of two lessons', () => {
    const one = lesson('one', 1, [recall('a')], withTerms(['lead']));
    const two = lesson('two', 2, [recall('b')], withTerms(['lead'], 'b'));
    expect(validate([one, two])).toEqual([]);
  });
});

describe('validateCourse: replaced questions', () => {
  test('accepts a question that replaces retired ids', () => {
    const rewritten = { ...recall('b'), replaces: ['retired-a', 'retired-b'] };
    expect(validate([lesson('one', 1, [recall('a')]), lesson('two', 2, [rewritten])])).toEqual([]);
  });

  test('rejects a question that replaces an id still in the course, wherever it is', () => {
    const rewritten = { ...recall('b'), replaces: ['a', 'retired'] };
    expect(validate([lesson('one', 1, [recall('a')]), lesson('two', 2, [rewritten])])).toEqual([
      'content/lessons/two.mdx: question «b», field «replaces»: «a» is still a question of the course; only a retired id can be replaced',
    ]);
  });

  test('rejects a question that replaces itself', () => {
    const rewritten = { ...recall('a'), replaces: ['a'] };
    expect(validate([lesson('one', 1, [rewritten])])).toEqual([
      'content/lessons/one.mdx: question «a», field «replaces»: «a» is still a question of the course; only a retired id can be replaced',
    ]);
  });
});

describe('validateCourse: links to the course', () => {
  const withLink = (link: string) => `Смотрите ${link}.\n\n${body(['a'])}`;

  test('accepts Markdown links to the course and HTML links elsewhere', () => {
    const text = withLink('[словарь](/glossary/#lead), <a href="https://example.com/">сайт</a>, <a href="#x">выше</a>');
    expect(validate([lesson('one', 1, [recall('a')], text)])).toEqual([]);
  });

  test('rejects an HTML link to the course, which would miss the folder the site is served from', () => {
    expect(validate([lesson('one', 1, [recall('a')], withLink('<a href="/glossary/">словарь</a>'))])).toEqual([
      'content/lessons/one.mdx: <a href="/glossary/">: write a link to the course as Markdown, [текст](/glossary/), so it follows the site\'s folder',
    ]);
  });
});
