// Runs every test file under test/ with node's own test runner (TypeScript through tsx).
// Node 20 has no glob support in --test, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') find(path, out);
    } else if (name.endsWith('.test.ts')) {
      out.push(path);
    }
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find('test').filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)));
if (files.length === 0) {
  console.error('run-tests: no test file matches ' + filter.join(' '));
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

// The end-to-end suite (a real VS Code in chromium, test/e2e/*.e2e.ts) takes minutes and needs
// scripts/e2e-setup.sh to have run once: in CI always, elsewhere when asked with E2E=1. A run
// limited to some files leaves it out.
const truthy = (value) => value !== undefined && value !== '' && value !== '0' && value !== 'false';
if (filter.length > 0) process.exit(0);
if (!truthy(process.env.CI) && !truthy(process.env.E2E)) {
  console.log('run-tests: end-to-end tests in VS Code skipped; run them with E2E=1 npm test or npm run test:e2e');
  process.exit(0);
}
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
const e2e = spawnSync(npm[0], [...npm[1], 'run', 'test:e2e'], { stdio: 'inherit' });
process.exit(e2e.status ?? 1);
