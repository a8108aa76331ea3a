/**
 * Where the learner is in the course: which questions have never been answered, when the lessons
 * were completed (every question answered once) and when the first answer was given. Read from the
 * deck built from the log (the cached cards alone carry no review times).
 */
import { cardReviews } from './grading';
import type { Deck } from './deck-model';

/** A lesson as these rules need it. */
export interface CourseLesson {
  slug: string;
  title: string;
  questionIds: readonly string[];
}

/** A lesson with questions not yet answered. */
export interface LessonRemaining {
  slug: string;
  title: string;
  /** Questions of the lesson not yet in the learner's deck. */
  remaining: number;
}

/** The lessons that still have questions never answered, in course order; empty once all are. */
export function remainingByLesson(
  lessons: readonly CourseLesson[],
  cards: { has(questionId: string): boolean },
): LessonRemaining[] {
  return lessons
    .map((l) => ({ slug: l.slug, title: l.title, remaining: l.questionIds.filter((id) => !cards.has(id)).length }))
    .filter((l) => l.remaining > 0);
}

/** When each of `questionIds` was first answered (epoch ms); undefined for one never answered. */
function firstAnswers(deck: Deck, questionIds: Iterable<string>): (number | undefined)[] {
  return [...questionIds].map((id) => cardReviews(deck.reviewsByQuestion, deck.replacements, id)[0]?.reviewedAt);
}

/**
 * The moment the lessons were completed: when the last of the course's questions got its first
 * answer. Null while any question has none (or there are no questions).
 */
export function lessonsCompletedAt(deck: Deck, lessons: readonly CourseLesson[]): number | null {
  const times = firstAnswers(
    deck,
    lessons.flatMap((l) => l.questionIds),
  );
  if (times.length === 0 || times.some((t) => t === undefined)) return null;
  return Math.max(...(times as number[]));
}

/** The learner's first answer to any of the course's questions (epoch ms), or null before any. */
export function firstAnswerAt(deck: Deck, lessons: readonly CourseLesson[]): number | null {
  const times = firstAnswers(
    deck,
    lessons.flatMap((l) => l.questionIds),
  ).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : null;
}
