// Runs the shared originality check (no 8+ word run copied from the source article) when the
// shared folder sits beside the project, as it does in development and CI. A checkout without it
// cannot run the check and says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const tool = fileURLToPath(new URL('../../shared/tools/check-originality.mjs', import.meta.url));
if (!existsSync(tool)) {
  console.log(`Originality check not run: ${tool} is not present in this checkout.`);
  process.exit(0);
}
const result = spawnSync(process.execPath, [tool, 'content', 'src'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
