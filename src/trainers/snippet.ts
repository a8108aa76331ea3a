/**
 * The onboarding snippet a trainer pastes into a plan, an e-mail or a wiki: a short Russian
 * introduction, a suggested plan by day with every lesson's link and its time with the questions,
 * and the daily review link.
 */
import { formatCount } from '../i18n/plurals';
import type { KitLesson, TrainerKit } from './kit';
import { formatDays, planByDay, planDayTitle } from './study-plan';

/** Markdown for wikis and chats; plain text for e-mail and anything else. */
export type SnippetFormat = 'markdown' | 'text';

const LESSONS = { one: 'урок', few: 'урока', many: 'уроков' };
const MINUTES = { one: 'минута', few: 'минуты', many: 'минут' };

/** The introduction, the same in both formats; `days` is the length of the plan. */
export function snippetIntro(
  courseName: string,
  kit: Pick<TrainerKit, 'lessons' | 'totalMinutes'>,
  days: number,
): string {
  return (
    `Пройдите короткий курс «${courseName}»: ${formatCount(kit.lessons.length, LESSONS)}, ` +
    `всего около ${formatCount(kit.totalMinutes, MINUTES)} вместе с вопросами. ` +
    `Ниже — план на ${formatDays(days)} и ссылка на повторение: 5 минут в день, чтобы выученное не забылось.`
  );
}

/**
 * When the daily review starts: answered questions come back from the next study day, so from the
 * plan's second day (said in both formats).
 */
const REVIEW_FROM = 'Каждый день, начиная со второго:';

/** Backslash-escapes the characters that would end or restyle Markdown link text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** A URL safe inside Markdown's `(...)`: parentheses and spaces percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The snippet in the given format, lines joined by `\n`, ending without a blank line. */
export function buildOnboardingSnippet(courseName: string, kit: TrainerKit, format: SnippetFormat): string {
  const days = planByDay(kit.lessons);
  const intro = snippetIntro(courseName, kit, days.length);
  if (format === 'markdown') {
    const line = (l: KitLesson) =>
      `${l.number}. [${escapeMarkdownText(l.title)}](${markdownUrl(l.lesson.url)}) — ${l.minutes} мин`;
    return [
      escapeMarkdownText(intro),
      // A list that starts at 3 cannot interrupt a paragraph (CommonMark), hence the blank lines.
      ...days.flatMap((day) => ['', `**${planDayTitle(day)}**`, '', ...day.lessons.map(line)]),
      '',
      `**${REVIEW_FROM}** 5 минут [повторения](${markdownUrl(kit.review.url)})`,
    ].join('\n');
  }
  const line = (l: KitLesson) => `${l.number}. ${l.title} (${l.minutes} мин): ${l.lesson.url}`;
  return [
    intro,
    ...days.flatMap((day) => ['', planDayTitle(day), ...day.lessons.map(line)]),
    '',
    `${REVIEW_FROM} 5 минут повторения по ссылке ${kit.review.url}`,
  ].join('\n');
}
