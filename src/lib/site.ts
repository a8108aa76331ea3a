import course from '../../content/course.json';

/** Facts about the course shown in the layout and meta tags; the one title is course.json's. */
export const site = {
  name: course.title,
  /** What the course takes from its source article and what it made up (footer, /print/). */
  credit: course.credit,
} as const;

/** Header navigation, in order. `primary` items stay in the header's one row on a phone; the rest go under «Ещё». */
export const navigation = [
  { href: '/', label: 'Уроки', primary: true },
  { href: '/review/', label: 'Повторение', primary: true },
  { href: '/progress/', label: 'Прогресс', primary: false },
  { href: '/settings/', label: 'Настройки', primary: false },
  { href: '/trainers/', label: 'Тренерам', primary: false },
] as const;
