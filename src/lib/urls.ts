/** Site-relative URLs of the pages trainers link to. Kept in one place so links stay stable. */
export const urls = {
  lesson: (slug: string, sectionId?: string) => `/lessons/${slug}/${sectionId ? `#${sectionId}` : ''}`,
  review: (lessonSlug?: string) => (lessonSlug ? `/review/?lesson=${lessonSlug}` : '/review/'),
  summary: '/summary/',
  print: '/print/',
  glossary: (termId?: string) => `/glossary/${termId ? `#${termId}` : ''}`,
} as const;
