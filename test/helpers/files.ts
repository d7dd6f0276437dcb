/** Fixture files under a folder, in a stable order, for tests that run over every fixture of a kind. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPhpPath } from '../../server/src/core/keys/php-path.js';

/** Every file under `dir` whose name `keep` accepts, sorted by path within each folder. */
function filesUnder(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, keep, out);
    else if (keep(name)) out.push(path);
  }
  return out;
}

/** Every Markdown file under `dir`. */
export function markdownFiles(dir: string): string[] {
  return filesUnder(dir, (name) => name.endsWith('.md'));
}

/** Every PHP file under `dir` (PHP as the key scan defines it). */
export function phpFiles(dir: string): string[] {
  return filesUnder(dir, isPhpPath);
}
