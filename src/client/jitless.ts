/**
 * Sets zod's global config to `jitless` before schemas are created (zod reads it from
 * `globalThis`): its `new Function` probe breaks the CSP. Must be evaluated before any schema
 * module; static imports are not enough once bundled (see src/progress-stats/zod-without-eval.ts).
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
export {};
