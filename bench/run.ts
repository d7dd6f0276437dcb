/**
 * Runs every `bench/*.bench.ts`, each in a fresh process so that one benchmark's heap and JIT
 * state do not colour the next. A bench file either does its work at import time or exports a
 * default async function. `npm run bench -- NAME` runs only the files whose name contains NAME.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const oneIndex = process.argv.indexOf('--one');

if (oneIndex !== -1) {
  const module = (await import(pathToFileURL(process.argv[oneIndex + 1]).href)) as { default?: unknown };
  if (typeof module.default === 'function') await (module.default as () => Promise<void>)();
} else {
  const filter = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
    .sort();
  if (files.length === 0) {
    console.error(`bench: no bench/*.bench.ts matches ${filter.join(' ')}`);
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${file} ===\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'run.ts'), '--one', join(dir, file)], { stdio: 'inherit' });
    if (result.status !== 0) {
      failed++;
      console.error(`bench: ${file} exited with ${result.status ?? result.signal}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}
