import { getCollection, type CollectionEntry } from 'astro:content';
import { readHeadings, type LessonHeading } from '../content/lesson-body';
import { lessonMinutes } from '../content/reading-time';
import type { Question } from '../content/question-schema';
import { toCardView, type CardView } from './card-view';

/** A lesson with what every page needs to show or link it. */
export interface Lesson {
  slug: string;
  number: number;
  title: string;
  summary: string;
  motto: string;
  /** Learning objectives, 2-4, each starting with an infinitive. */
  objectives: string[];
  /** Two warning signs of the mistake (cheat sheet). */
  warningSigns: string[];
  /** The first step against the mistake (cheat sheet). */
  firstStep: string;
  /** Questions for a team discussion (trainer kit). */
  discussion: string[];
  /** Honest time for the lesson with its questions, in minutes (rule in content/reading-time.ts). */
  minutes: number;
  headings: LessonHeading[];
  questions: Question[];
  entry: CollectionEntry<'lessons'>;
}

let cache: Promise<Lesson[]> | undefined;

/** All lessons in course order, numbered from 1. Loaded once per build. */
export function getLessons(): Promise<Lesson[]> {
  cache ??= getCollection('lessons').then((entries) =>
    entries
      .sort((a, b) => a.data.order - b.data.order)
      .map((entry, index) => ({
        slug: entry.id,
        number: index + 1,
        title: entry.data.title,
        summary: entry.data.summary,
        motto: entry.data.motto,
        objectives: entry.data.objectives,
        warningSigns: entry.data.warningSigns,
        firstStep: entry.data.firstStep,
        discussion: entry.data.discussion,
        minutes: lessonMinutes(entry.body ?? '', entry.data.questions),
        headings: readHeadings(entry.body ?? ''),
        questions: entry.data.questions,
        entry,
      })),
  );
  return cache;
}

/** Pairs of [question id, retired ids it replaces], for the browser's runtime. */
export async function getReplacements(): Promise<[string, string[]][]> {
  return (await getLessons()).flatMap((l) =>
    l.questions.flatMap((q) => (q.replaces ? [[q.id, q.replaces] as [string, string[]]] : [])),
  );
}

/** Total honest time of the course in minutes. */
export async function getCourseMinutes(): Promise<number> {
  return (await getLessons()).reduce((sum, l) => sum + l.minutes, 0);
}

/**
 * The cards a `<Checkpoint ids={[…]} />` shows, in order (the interactive one in a lesson and the
 * printed one on /print/). The content loader has already checked every placement, so an unknown
 * id here only guards against misuse.
 */
export async function getCheckpointCards(ids: readonly string[]): Promise<CardView[]> {
  const lessons = await getLessons();
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  return ids.map((id) => {
    const lesson = lessons.find((l) => l.questions.some((q) => q.id === id));
    const question = lesson?.questions.find((q) => q.id === id);
    if (!lesson || !question) throw new Error(`<Checkpoint> names unknown question «${id}»`);
    return toCardView(question, lesson.slug, titles);
  });
}

/** What the review page fetches (`/cards.json`): every card in course order, and the lessons' titles. */
export interface CourseCards {
  cards: CardView[];
  lessons: { slug: string; title: string }[];
}

/** Every card of the course in course order, with the lessons' titles. */
export async function getCourseCards(): Promise<CourseCards> {
  const lessons = await getLessons();
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  return {
    cards: lessons.flatMap((l) => l.questions.map((q) => toCardView(q, l.slug, titles))),
    lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })),
  };
}
