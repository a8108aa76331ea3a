/** Site-relative URLs of the pages trainers link to. Kept in one place so links stay stable. */
export const urls = {
  home: '/',
  lesson: (slug: string, sectionId?: string) => `/lessons/${slug}/${sectionId ? `#${sectionId}` : ''}`,
  review: (lessonSlug?: string) => (lessonSlug ? `/review/?lesson=${lessonSlug}` : '/review/'),
  progress: '/progress/',
  settings: '/settings/',
  trainers: '/trainers/',
  summary: '/summary/',
  print: '/print/',
  glossary: (termId?: string) => `/glossary/${termId ? `#${termId}` : ''}`,
} as const;
