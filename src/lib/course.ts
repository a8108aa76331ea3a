import { getCollection, type CollectionEntry } from 'astro:content';
import { readHeadings, type LessonHeading } from '../content/lesson-body';
import { readingMinutes } from '../content/reading-time';
import type { Question } from '../content/question-schema';

/** A lesson with what every page needs to show or link it. */
export interface Lesson {
  slug: string;
  number: number;
  title: string;
  summary: string;
  motto: string;
  readingMinutes: number;
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
        readingMinutes: readingMinutes(entry.body ?? ''),
        headings: readHeadings(entry.body ?? ''),
        questions: entry.data.questions,
        entry,
      })),
  );
  return cache;
}

/** Every question of the course with its lesson's slug. */
export async function getAllQuestions(): Promise<(Question & { lessonSlug: string })[]> {
  return (await getLessons()).flatMap((l) => l.questions.map((q) => ({ ...q, lessonSlug: l.slug })));
}
