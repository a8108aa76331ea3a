/** Kebab-case ASCII: lesson slugs, question ids and heading ids all follow it. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
