/** Russian plural forms through `Intl.PluralRules`. */

const rules = new Intl.PluralRules('ru-RU');
const numbers = new Intl.NumberFormat('ru-RU');

/** The forms of a Russian noun after a number: 1 карточка, 3 карточки, 5 карточек, 1,5 карточки. */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
  /** Used for fractions; defaults to `few`. */
  other?: string;
}

/** Picks the plural form for `n`. */
export function pluralRu(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms.one;
    case 'few':
      return forms.few;
    case 'many':
      return forms.many;
    default:
      return forms.other ?? forms.few;
  }
}

/** `n` followed by the right form: «21 карточка», «10 000 карточек». */
export function formatCount(n: number, forms: PluralForms): string {
  return `${numbers.format(n)} ${pluralRu(n, forms)}`;
}

/** «1 карточка», «3 карточки», «5 карточек». */
export function formatCards(n: number): string {
  return formatCount(n, { one: 'карточка', few: 'карточки', many: 'карточек' });
}

/** «1 повторение», «2 повторения», «5 повторений» (e.g. what an import added). */
export function formatReviews(n: number): string {
  return formatCount(n, { one: 'повторение', few: 'повторения', many: 'повторений' });
}

/** «1 вопрос», «2 вопроса», «5 вопросов». */
export function formatQuestions(n: number): string {
  return formatCount(n, { one: 'вопрос', few: 'вопроса', many: 'вопросов' });
}
