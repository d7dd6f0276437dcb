/**
 * Writes the generated settings (see scripts/manifest.ts) into package.json, or with `--check`
 * exits with 1 when package.json differs from what would be written.
 *
 *   npm run generate:manifest            rewrite package.json
 *   npm run generate:manifest -- --check report drift only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { configuration } from './manifest.js';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const wanted = configuration();
pkg.contributes ??= {};
if (isDeepStrictEqual(pkg.contributes.configuration, wanted)) {
  console.log('package.json contributes.configuration is up to date');
} else if (process.argv.includes('--check')) {
  console.error('package.json contributes.configuration differs from the rule registry: run npm run generate:manifest');
  process.exit(1);
} else {
  pkg.contributes.configuration = wanted;
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  console.log('package.json contributes.configuration updated');
}
