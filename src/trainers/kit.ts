/**
 * Everything the trainer kit shows, with absolute URLs: lessons, their sections and review links.
 * The page renders this; the snippet is built from it.
 */
import type { Lesson } from '../lib/course';
import { absoluteUrl, publicOrigin, ORIGIN_PLACEHOLDER } from '../lib/absolute-url';
import { lessonUrl, reviewUrl } from '../lib/urls';

/** The lesson facts the kit needs (a subset of `Lesson`, so tests can pass plain objects). */
export type KitLessonSource = Pick<
  Lesson,
  'slug' | 'number' | 'title' | 'summary' | 'minutes' | 'headings' | 'objectives' | 'discussion'
>;

/** A link the kit shows: `href` for the page itself, `url` (absolute) to copy and paste. */
export interface KitLink {
  href: string;
  url: string;
}

/** A lesson section a trainer can deep-link: a level-2 heading with its stable id. */
export interface KitSection extends KitLink {
  id: string;
  title: string;
}

/** One lesson in the kit. */
export interface KitLesson {
  slug: string;
  number: number;
  title: string;
  summary: string;
  /** Time with the questions, in minutes. */
  minutes: number;
  objectives: string[];
  /** Questions for a team discussion after the lesson. */
  discussion: string[];
  lesson: KitLink;
  review: KitLink;
  sections: KitSection[];
}

/** The whole kit. */
export interface TrainerKit {
  lessons: KitLesson[];
  review: KitLink;
  totalMinutes: number;
}

/**
 * Builds the kit from the lessons. `href`s stay site-relative, so the page works on any host (a
 * preview, a laptop); `url`s are on `origin`: the public one (SITE_URL), or without it a
 * placeholder that the browser replaces with the address the page is served from.
 */
export function buildTrainerKit(
  lessons: readonly KitLessonSource[],
  origin: string = publicOrigin ?? ORIGIN_PLACEHOLDER,
): TrainerKit {
  const link = (href: string): KitLink => ({ href, url: absoluteUrl(href, origin) });
  return {
    lessons: lessons.map((lesson) => ({
      slug: lesson.slug,
      number: lesson.number,
      title: lesson.title,
      summary: lesson.summary,
      minutes: lesson.minutes,
      objectives: lesson.objectives,
      discussion: lesson.discussion,
      lesson: link(lessonUrl(lesson.slug)),
      review: link(reviewUrl(lesson.slug)),
      sections: lesson.headings
        .filter((heading) => heading.depth === 2)
        .map((heading) => ({ id: heading.id, title: heading.text, ...link(lessonUrl(lesson.slug, heading.id)) })),
    })),
    review: link(reviewUrl()),
    totalMinutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
  };
}
