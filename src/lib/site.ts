/** Facts about the course shown in the layout and meta tags. */
export const site = {
  name: 'Маркетинг и продажи: семь ошибок',
  source: {
    author: 'Питер Строкорб (Peter Strohkorb)',
    title: 'Семь причин войны между маркетингом и продажами',
  },
} as const;

/** Header navigation, in order. */
export const navigation = [
  { href: '/', label: 'Уроки' },
  { href: '/review/', label: 'Повторение' },
  { href: '/progress/', label: 'Прогресс' },
  { href: '/settings/', label: 'Настройки' },
  { href: '/trainers/', label: 'Тренерам' },
] as const;
