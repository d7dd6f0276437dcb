/**
 * `npm run bench`: runs every `bench/*.bench.ts` file in turn, each in its own Node process so
 * that one benchmark's memory and JIT state never colour another's figures. Arguments select
 * benchmarks by a part of their file name (`npm run bench -- keys`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const filter = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (benches.length === 0) {
  console.error(`bench: no bench/*.bench.ts file matches ${filter.join(' ')}`);
  process.exit(2);
}
let failed = false;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
