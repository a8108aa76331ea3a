import course from '../../content/course.json';
import { urls } from './urls';

/** Facts about the course shown in the layout and meta tags; the one title is course.json's. */
export const site = {
  name: course.title,
  /** What the course takes from its source article and what it made up (footer, /print/). */
  credit: course.credit,
} as const;

/** Header navigation, in order. `primary` items stay in the header's one row on a phone; the rest go under «Ещё». */
export const navigation = [
  { href: urls.home, label: 'Уроки', primary: true },
  { href: urls.review(), label: 'Повторение', primary: true },
  { href: urls.progress, label: 'Прогресс', primary: false },
  { href: urls.settings, label: 'Настройки', primary: false },
  { href: urls.trainers(), label: 'Тренерам', primary: false },
] as const;
