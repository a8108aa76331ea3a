import course from '../../content/course.json';
import { urls } from './urls';

/** Facts about the course shown in the layout and meta tags; the one title is course.json's. */
export const site = {
  name: course.title,
  /** What the course takes from its source article and what it made up (footer, /print/). */
  credit: course.credit,
} as const;

/**
 * Header navigation, in order. `primary` items stay in the header's one row on a phone; the rest go
 * under «Ещё» there. `more` items are under «Ещё» on every screen (the row has no room for them).
 */
export const navigation = [
  { href: urls.home, label: 'Уроки', primary: true, more: false },
  { href: urls.review(), label: 'Повторение', primary: true, more: false },
  { href: urls.progress, label: 'Прогресс', primary: false, more: false },
  { href: urls.settings, label: 'Настройки', primary: false, more: false },
  { href: urls.trainers(), label: 'Тренерам', primary: false, more: false },
  { href: urls.finalCheck, label: 'Итоговая проверка', primary: false, more: true },
  { href: urls.certificate, label: 'Сертификат', primary: false, more: true },
] as const;
