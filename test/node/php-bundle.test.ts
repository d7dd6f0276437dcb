/**
 * A bundled entry point (as dist/cli.js and dist/server.js are) must find the tree-sitter wasm
 * files next to itself, with no node_modules around.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { locateWasm } from '../../server/src/node/php-wasm.js';

test('an ESM bundle loads the PHP parser from the wasm files beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'is-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    const source = join(import.meta.dirname, '..', '..', 'server', 'src');
    writeFileSync(
      entry,
      `import { loadPhpParser } from ${JSON.stringify(join(source, 'node', 'php-wasm.ts'))};
import { analyzePhp } from ${JSON.stringify(join(source, 'core', 'keys', 'check.ts'))};
const parser = await loadPhpParser();
const keys = analyzePhp(parser, 'a.php', "<?php\\n$c->makeGlobalKey( 'a', 1 );\\n", { localBuilders: ['makeKey'], globalBuilders: ['makeGlobalKey'] });
console.log(JSON.stringify(keys.sites.map((s) => s.scope)));
`,
    );
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'out', 'bundle.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      banner: { js: "import { createRequire as __isCreateRequire } from 'node:module'; const require = __isCreateRequire(import.meta.url);" },
    });
    copyFileSync(locateWasm('treeSitter'), join(dir, 'out', 'web-tree-sitter.wasm'));
    copyFileSync(locateWasm('php'), join(dir, 'out', 'tree-sitter-php.wasm'));
    const run = spawnSync(process.execPath, [join(dir, 'out', 'bundle.js')], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout.trim(), '["global"]');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
