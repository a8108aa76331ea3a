/**
 * Course checks beyond validity: cues that give an answer away and sizes that keep a question
 * focused (../shared/CONTENT.md). Pure: takes the parsed lessons, returns figures and problems.
 * `npm run content:report` prints them; a unit test holds the real course to the limits.
 */
import type { Question } from './question-schema';
import type { LessonFile } from './validate-course';

/** The limits the course is held to. */
export const QUALITY_LIMITS = {
  /** At most this share of choice questions may have the right option as the strictly longest. */
  rightLongestShareMax: 0.35,
  /** The right option's length, in characters, over the mean length of the others. */
  rightToOthersRatioMax: 1.3,
  /** Words in a recall answer (what the learner grades themself against). */
  recallAnswerWordsMax: 20,
  /** Words in the question of a recall or choice card. */
  stemWordsMax: 25,
  /** Words in a scenario's situation. */
  scenarioStemWords: { min: 40, max: 80 },
  /** Words in an explanation shown after answering. */
  explanationWords: { min: 30, max: 80 },
} as const;

/** The figures the report prints. */
export interface CourseFigures {
  questions: number;
  choiceQuestions: number;
  /** Choice questions whose right option is strictly longer than every other option. */
  rightLongest: number;
  rightLongestShare: number;
  /** The largest right-option-to-mean-of-others length ratio, and its question. */
  worstRatio: { value: number; questionId: string };
  recallAnswerWords: { mean: number; max: number };
  stemWordsMax: number;
  scenarioStemWords: { min: number; max: number };
  explanationWords: { min: number; max: number };
  scenarios: number;
  /** Scenarios whose answer is another lesson's mistake than the lesson they sit in. */
  crossLessonScenarios: number;
}

/** Words as a reader counts them: runs of text holding a letter or digit («—» is not a word). */
export function countTextWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

type ChoiceQuestion = Extract<Question, { type: 'choice' }>;

/** Length of the right option over the mean length of the others, in characters. */
export function rightToOthersRatio(question: ChoiceQuestion): number {
  const right = question.options.find((o) => o.correct)!;
  const others = question.options.filter((o) => !o.correct);
  const mean = others.reduce((sum, o) => sum + o.text.length, 0) / others.length;
  return right.text.length / mean;
}

/** True when the right option is longer than every other option. */
export function rightIsLongest(question: ChoiceQuestion): boolean {
  const right = question.options.find((o) => o.correct)!;
  return question.options.every((o) => o === right || o.text.length < right.text.length);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Measures the course and lists every limit it breaks, naming file, question id and field. */
export function assessCourse(lessons: readonly LessonFile[]): { figures: CourseFigures; problems: string[] } {
  const L = QUALITY_LIMITS;
  const problems: string[] = [];
  const longest: { filePath: string; id: string }[] = [];
  let choiceQuestions = 0;
  let worstRatio = { value: 0, questionId: '' };
  const answerWords: number[] = [];
  const stemWords: number[] = [];
  const scenarioWords: number[] = [];
  const explanationWords: number[] = [];
  let scenarios = 0;
  let crossLessonScenarios = 0;

  for (const lesson of lessons) {
    const at = (q: Question, field: string, message: string) =>
      problems.push(`${lesson.filePath}: question «${q.id}», field «${field}»: ${message}`);
    let crossHere = 0;
    for (const q of lesson.data.questions) {
      const words = countTextWords(q.question);
      const explained = countTextWords(q.explanation);
      explanationWords.push(explained);
      if (explained < L.explanationWords.min || explained > L.explanationWords.max) {
        at(q, 'explanation', `${explained} words (keep it to ${L.explanationWords.min}-${L.explanationWords.max})`);
      }
      if (q.type === 'scenario') {
        scenarios++;
        scenarioWords.push(words);
        if (q.answer !== lesson.slug) {
          crossLessonScenarios++;
          crossHere++;
        }
        if (words < L.scenarioStemWords.min || words > L.scenarioStemWords.max) {
          at(
            q,
            'question',
            `the situation has ${words} words (keep it to ${L.scenarioStemWords.min}-${L.scenarioStemWords.max})`,
          );
        }
        continue;
      }
      stemWords.push(words);
      if (words > L.stemWordsMax) at(q, 'question', `${words} words (at most ${L.stemWordsMax})`);
      if (q.type === 'recall') {
        const n = countTextWords(q.answer);
        answerWords.push(n);
        if (n > L.recallAnswerWordsMax) {
          at(q, 'answer', `${n} words (at most ${L.recallAnswerWordsMax}: one idea the learner can grade honestly)`);
        }
        continue;
      }
      choiceQuestions++;
      const ratio = rightToOthersRatio(q);
      if (ratio > worstRatio.value) worstRatio = { value: ratio, questionId: q.id };
      if (ratio > L.rightToOthersRatioMax) {
        at(
          q,
          'options',
          `the right option is ${round2(ratio)} × the mean length of the others (at most ${L.rightToOthersRatioMax})`,
        );
      }
      if (rightIsLongest(q)) longest.push({ filePath: lesson.filePath, id: q.id });
    }
    if (crossHere === 0) problems.push(`${lesson.filePath}: no scenario whose answer is another lesson's mistake`);
    if (!lesson.data.questions.some((q) => q.source === 'motto')) {
      problems.push(`${lesson.filePath}: no question with «source: motto» tying the motto to the mistake`);
    }
  }

  const rightLongestShare = choiceQuestions === 0 ? 0 : longest.length / choiceQuestions;
  if (rightLongestShare > L.rightLongestShareMax) {
    const list = longest.map((l) => `${l.filePath} «${l.id}»`).join(', ');
    problems.push(
      `course: the right option is the longest in ${longest.length} of ${choiceQuestions} choice questions ` +
        `(${Math.round(rightLongestShare * 100)} %, at most ${L.rightLongestShareMax * 100} %): ${list}`,
    );
  }
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : 0);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  return {
    figures: {
      questions: lessons.reduce((n, l) => n + l.data.questions.length, 0),
      choiceQuestions,
      rightLongest: longest.length,
      rightLongestShare: round2(rightLongestShare),
      worstRatio: { value: round2(worstRatio.value), questionId: worstRatio.questionId },
      recallAnswerWords: { mean: mean(answerWords), max: max(answerWords) },
      stemWordsMax: max(stemWords),
      scenarioStemWords: { min: min(scenarioWords), max: max(scenarioWords) },
      explanationWords: { min: min(explanationWords), max: max(explanationWords) },
      scenarios,
      crossLessonScenarios,
    },
    problems,
  };
}
