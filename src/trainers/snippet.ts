/**
 * The onboarding snippet a trainer pastes into a plan, an e-mail or a wiki: a short Russian
 * introduction, every lesson with its link and its time with the questions, and the daily review link.
 */
import { formatCount } from '../i18n/plurals';
import type { TrainerKit } from './kit';

/** Markdown for wikis and chats; plain text for e-mail and anything else. */
export type SnippetFormat = 'markdown' | 'text';

const LESSONS = { one: 'урок', few: 'урока', many: 'уроков' };
const MINUTES = { one: 'минута', few: 'минуты', many: 'минут' };

/** The introduction sentence, the same in both formats. */
export function snippetIntro(courseName: string, kit: Pick<TrainerKit, 'lessons' | 'totalMinutes'>): string {
  return (
    `Пройдите короткий курс «${courseName}»: ${formatCount(kit.lessons.length, LESSONS)}, ` +
    `всего около ${formatCount(kit.totalMinutes, MINUTES)} вместе с вопросами. ` +
    'А потом уделяйте 5 минут в день повторению, чтобы выученное не забылось.'
  );
}

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
  const intro = snippetIntro(courseName, kit);
  if (format === 'markdown') {
    return [
      escapeMarkdownText(intro),
      '',
      ...kit.lessons.map(
        (l) => `${l.number}. [${escapeMarkdownText(l.title)}](${markdownUrl(l.lesson.url)}) — ${l.minutes} мин`,
      ),
      '',
      `Каждый день, 5 минут: [повторение](${markdownUrl(kit.review.url)})`,
    ].join('\n');
  }
  return [
    intro,
    '',
    ...kit.lessons.map((l) => `${l.number}. ${l.title} (${l.minutes} мин): ${l.lesson.url}`),
    '',
    `Каждый день, 5 минут — повторение: ${kit.review.url}`,
  ].join('\n');
}
