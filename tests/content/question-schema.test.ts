import { describe, expect, test } from 'vitest';
import { parseQuestion } from '../../src/content/question-schema';

const choice = {
  id: 'q-choice',
  type: 'choice',
  question: 'Какой вариант правильный?',
  options: [{ text: 'Первый', correct: true }, { text: 'Второй' }, { text: 'Третий' }],
  explanation: 'Первый вариант правильный, потому что так задумано.',
  source: 'the-mistake',
};

const problems = (raw: unknown) => {
  const result = parseQuestion(raw, 0);
  return result.ok ? [] : result.problems;
};

describe('parseQuestion', () => {
  test('accepts a well-formed choice question and defaults correct to false', () => {
    const result = parseQuestion(choice, 0);
    expect(result.ok && result.question.type === 'choice' && result.question.options[1]?.correct).toBe(false);
  });

  test('rejects an unknown type, naming the question and the field', () => {
    expect(problems({ ...choice, type: 'essay' })).toMatchInlineSnapshot(`
      [
        "question «q-choice», field «type»: "essay" is not a question type (use recall, choice, scenario)",
      ]
    `);
  });

  test('rejects a choice with two right options', () => {
    const options = [{ text: 'А', correct: true }, { text: 'Б', correct: true }, { text: 'В' }];
    expect(problems({ ...choice, options })).toEqual([
      'question «q-choice», field «options»: a choice question needs exactly one option with "correct: true"',
    ]);
  });

  test('rejects a choice with no right option', () => {
    const options = [{ text: 'А' }, { text: 'Б' }, { text: 'В' }];
    expect(problems({ ...choice, options })[0]).toContain('exactly one option');
  });

  test('rejects a choice with two options', () => {
    expect(problems({ ...choice, options: choice.options.slice(0, 2) })[0]).toContain('3 or 4 options');
  });

  test('rejects a scenario whose answer is not among its options', () => {
    const scenario = { ...choice, type: 'scenario', options: ['a', 'b', 'c'], answer: 'd' };
    expect(problems(scenario)).toEqual(['question «q-choice», field «answer»: "d" is not among the options']);
  });

  test('rejects an id that is not kebab-case', () => {
    expect(problems({ ...choice, id: 'Q Choice' })[0]).toMatch(/field «id»: id must be kebab-case/);
  });

  test('rejects unknown fields, naming them', () => {
    expect(problems({ ...choice, hint: 'x' })).toEqual([
      'question «q-choice», field «(question)»: unknown field(s) hint',
    ]);
  });

  test('names a question without an id by its position', () => {
    expect(problems({ type: 'recall' })[0]).toMatch(/^question «#1 \(no id\)», field «id»/);
  });
});
