/**
 * Import this first in an island (or client module) that loads our zod schemas, and load those schemas with a
 * dynamic `import()` after it. Zod probes whether `new Function` works when it creates an object
 * schema; our CSP forbids eval, so the probe alone is reported as a violation. Zod skips the probe
 * when its global config (kept on `globalThis`, read when schemas are created) says `jitless`.
 * Parsing is the same without the compiled fast path. A static import of a schema module would
 * be evaluated before this module (bundling moves shared modules into chunks imported first).
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
export {};
