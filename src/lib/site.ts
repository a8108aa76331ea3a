import course from '../../content/course.json';
import { certificateUrl, finalCheckUrl, homeUrl, progressUrl, reviewUrl, settingsUrl, trainersUrl } from './urls';

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
  { href: homeUrl(), label: 'Уроки', primary: true, more: false },
  { href: reviewUrl(), label: 'Повторение', primary: true, more: false },
  { href: progressUrl(), label: 'Прогресс', primary: false, more: false },
  { href: settingsUrl(), label: 'Настройки', primary: false, more: false },
  { href: trainersUrl(), label: 'Тренерам', primary: false, more: false },
  { href: finalCheckUrl(), label: 'Итоговая проверка', primary: false, more: true },
  { href: certificateUrl(), label: 'Сертификат', primary: false, more: true },
] as const;
