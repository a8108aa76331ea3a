import course from '../../content/course.json';

/** Facts about the course shown in the layout and meta tags; the one title is course.json's. */
export const site = {
  name: course.title,
  /** What the course takes from its source article and what it made up (footer, /print/). */
  credit: course.credit,
} as const;

/** Header navigation, in order. */
export const navigation = [
  { href: '/', label: 'Уроки' },
  { href: '/review/', label: 'Повторение' },
  { href: '/progress/', label: 'Прогресс' },
  { href: '/settings/', label: 'Настройки' },
  { href: '/trainers/', label: 'Тренерам' },
] as const;
