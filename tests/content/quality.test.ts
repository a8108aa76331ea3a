import { describe, expect, test } from 'vitest';
import { readCourseFiles } from '../../src/content/course-files';
import { lessonSchema } from '../../src/content/lesson-schema';
import { assessCourse, countTextWords } from '../../src/content/quality';
import type { LessonFile } from '../../src/content/validate-course';

/** `n` words of filler text, so a field's size is what the test says it is. */
const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Слово' : 'слово')).join(' ');
/** An option text of exactly `length` characters; a different letter per option keeps the texts distinct. */
const chars = (letter: string, length: number) => letter.repeat(length);

interface LessonPlan {
  slug: string;
  order: number;
  /** Words in the recall answer. */
  answerWords: number;
  /** Words in the choice stem. */
  choiceStemWords: number;
  /** Option lengths in characters; the first is the right one. */
  optionLengths: number[];
  /** Words in the scenario's situation, and the lesson it points at. */
  scenarioWords: number;
  scenarioAnswer: string;
  /** Words in the explanation of each of the three questions. */
  explanationWords: number;
}

/**
 * One lesson of the in-memory course: a recall tied to the motto, a choice and a scenario.
 * Parsed with the real lesson schema, so the fixture is a lesson the build would accept.
 */
function lesson(plan: LessonPlan): LessonFile {
  const [right = 0, ...wrong] = plan.optionLengths;
  const raw = {
    title: `Урок ${plan.slug}`,
    order: plan.order,
    summary: 'Тестовый урок для проверки пределов качества вопросов.',
    motto: 'Девиз тестового урока',
    objectives: ['Объяснить, что проверяет отчёт', 'Назвать пределы для вопросов'],
    warningSigns: ['Правильный вариант всегда самый длинный', 'Ответ на вопрос занимает абзац'],
    firstStep: 'Запустите отчёт о содержимом и прочитайте его.',
    discussion: ['Какие вопросы легко угадать по длине?', 'Как сократить длинный ответ?'],
    questions: [
      {
        id: `${plan.slug}-recall`,
        type: 'recall',
        question: words(12),
        answer: words(plan.answerWords),
        explanation: words(plan.explanationWords),
        source: 'motto',
      },
      {
        id: `${plan.slug}-choice`,
        type: 'choice',
        question: words(plan.choiceStemWords),
        options: [
          { text: chars('а', right), correct: true },
          ...wrong.map((length, i) => ({ text: chars('бвгд'[i] ?? 'е', length) })),
        ],
        explanation: words(plan.explanationWords),
        source: 'the-mistake',
      },
      {
        id: `${plan.slug}-scenario`,
        type: 'scenario',
        question: words(plan.scenarioWords),
        options: ['alpha', 'beta', 'gamma'],
        answer: plan.scenarioAnswer,
        explanation: words(plan.explanationWords),
        source: 'the-mistake',
      },
    ],
  };
  return { slug: plan.slug, filePath: `content/lessons/${plan.slug}.mdx`, data: lessonSchema.parse(raw), body: '' };
}

/**
 * Three lessons that meet every limit, several of them exactly at the edge: a 25-word stem, a
 * 20-word recall answer, scenarios of 40 and 80 words, explanations of 30 and 80 words. The right
 * option is the strictly longest in one choice question of three (33 %), by 12 to 10 characters.
 */
function goodCourse(): LessonFile[] {
  return [
    lesson({
      slug: 'alpha',
      order: 1,
      answerWords: 8,
      choiceStemWords: 25,
      optionLengths: [12, 10, 10],
      scenarioWords: 40,
      scenarioAnswer: 'beta',
      explanationWords: 30,
    }),
    lesson({
      slug: 'beta',
      order: 2,
      answerWords: 12,
      choiceStemWords: 10,
      optionLengths: [10, 10, 12],
      scenarioWords: 60,
      scenarioAnswer: 'gamma',
      explanationWords: 50,
    }),
    lesson({
      slug: 'gamma',
      order: 3,
      answerWords: 20,
      choiceStemWords: 15,
      optionLengths: [9, 10, 11, 12],
      scenarioWords: 80,
      scenarioAnswer: 'alpha',
      explanationWords: 80,
    }),
  ];
}

/** The good course with some fields of one question replaced. */
function withQuestion(id: string, patch: Record<string, unknown>): LessonFile[] {
  const course = goodCourse();
  const lesson = course.find((l) => l.data.questions.some((q) => q.id === id));
  if (!lesson) throw new Error(`no question ${id} in the test course`);
  lesson.data.questions = lesson.data.questions.map((q) => (q.id === id ? { ...q, ...patch } : q));
  return course;
}

describe('assessCourse', () => {
  test('finds no problem in a course that meets every limit, even at the edges', () => {
    expect(assessCourse(goodCourse()).problems).toEqual([]);
  });

  test('measures the course', () => {
    expect(assessCourse(goodCourse()).figures).toEqual({
      questions: 9,
      choiceQuestions: 3,
      rightLongest: 1,
      rightLongestShare: 0.33,
      worstRatio: { value: 1.2, questionId: 'alpha-choice' },
      recallAnswerWords: { mean: 13.33, max: 20 },
      stemWordsMax: 25,
      scenarioStemWords: { min: 40, max: 80 },
      explanationWords: { min: 30, max: 80 },
      scenarios: 3,
      crossLessonScenarios: 3,
    });
  });

  test('holds the right-option-longest share course-wide, not per lesson', () => {
    // alpha's only choice question has the right option longest: 100 % on its own, 1 of 3 in the course.
    const [alpha] = goodCourse();
    if (!alpha) throw new Error('no lesson');
    expect(assessCourse([alpha]).problems).toEqual([
      'course: the right option is the longest in 1 of 1 choice questions (100 %, at most 35 %): content/lessons/alpha.mdx «alpha-choice»',
    ]);
    expect(assessCourse(goodCourse()).problems).toEqual([]);
  });

  test('reports a course where the right option is the longest in more than 35 % of choice questions, listing them', () => {
    const course = withQuestion('beta-choice', {
      options: [
        { text: chars('а', 12), correct: true },
        { text: chars('б', 10), correct: false },
        { text: chars('в', 11), correct: false },
      ],
    });
    expect(assessCourse(course).problems).toEqual([
      'course: the right option is the longest in 2 of 3 choice questions (67 %, at most 35 %): ' +
        'content/lessons/alpha.mdx «alpha-choice», content/lessons/beta.mdx «beta-choice»',
    ]);
  });

  test('reports a right option more than 1.3 × the mean length of the others, even when it is not the longest', () => {
    // 14 characters against others of 16, 6 and 6 (mean 9.33): 1.5 ×, and 16 is still the longest.
    const course = withQuestion('beta-choice', {
      options: [
        { text: chars('а', 14), correct: true },
        { text: chars('б', 16), correct: false },
        { text: chars('в', 6), correct: false },
        { text: chars('г', 6), correct: false },
      ],
    });
    expect(assessCourse(course).problems).toEqual([
      'content/lessons/beta.mdx: question «beta-choice», field «options»: the right option is 1.5 × the mean length of the others (at most 1.3)',
    ]);
  });

  test('reports a recall answer over 20 words', () => {
    const course = withQuestion('gamma-recall', { answer: words(21) });
    expect(assessCourse(course).problems).toEqual([
      'content/lessons/gamma.mdx: question «gamma-recall», field «answer»: 21 words (at most 20: one idea the learner can grade honestly)',
    ]);
  });

  test.each([
    ['choice', 'alpha-choice', 'alpha'],
    ['recall', 'beta-recall', 'beta'],
  ])('reports a %s question of 26 words, over 25', (_type, id, slug) => {
    const course = withQuestion(id, { question: words(26) });
    expect(assessCourse(course).problems).toEqual([
      `content/lessons/${slug}.mdx: question «${id}», field «question»: 26 words (at most 25)`,
    ]);
  });

  test.each([39, 81])('reports a scenario situation of %i words', (n) => {
    const course = withQuestion('beta-scenario', { question: words(n) });
    expect(assessCourse(course).problems).toEqual([
      `content/lessons/beta.mdx: question «beta-scenario», field «question»: the situation has ${n} words (keep it to 40-80)`,
    ]);
  });

  test.each([29, 81])('reports an explanation of %i words', (n) => {
    const course = withQuestion('alpha-recall', { explanation: words(n) });
    expect(assessCourse(course).problems).toEqual([
      `content/lessons/alpha.mdx: question «alpha-recall», field «explanation»: ${n} words (keep it to 30-80)`,
    ]);
  });

  test('reports a lesson whose only scenario points at the lesson itself', () => {
    const course = withQuestion('gamma-scenario', { answer: 'gamma' });
    const { figures, problems } = assessCourse(course);
    expect(problems).toEqual(["content/lessons/gamma.mdx: no scenario whose answer is another lesson's mistake"]);
    expect(figures.crossLessonScenarios).toBe(2);
  });

  test('reports a lesson with no question sourced from the motto', () => {
    const course = withQuestion('beta-recall', { source: 'the-mistake' });
    expect(assessCourse(course).problems).toEqual([
      'content/lessons/beta.mdx: no question with «source: motto» tying the motto to the mistake',
    ]);
  });

  test('does not count a dash or a lone punctuation mark as a word', () => {
    expect(countTextWords('Падение продаж — симптом , а не причина.')).toBe(6);
  });
});

describe('the real course', () => {
  // Depends on the lessons as written: fails while a lesson breaks a limit, naming it.
  test('meets every quality limit', () => {
    const { lessons, problems: readProblems } = readCourseFiles('content/lessons', 'content/glossary.json');
    expect(readProblems).toEqual([]);
    expect(assessCourse(lessons).problems).toEqual([]);
  });
});
