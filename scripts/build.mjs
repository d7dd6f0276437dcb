// Bundles the CLI, the language server and the VS Code client into dist/ with esbuild,
// and copies the tree-sitter WebAssembly files the PHP parser loads at run time.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
mkdirSync('dist', { recursive: true });

// ESM bundles still contain CommonJS dependencies that call require() on Node built-ins.
const esmBanner = {
  js: "import { createRequire as __isCreateRequire } from 'node:module'; const require = __isCreateRequire(import.meta.url);",
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** The rule docs pages by rule id (`docs/rules/<area>/<name>.md`), embedded for SARIF help. */
function ruleDocs() {
  const docs = {};
  const base = 'docs/rules';
  if (!existsSync(base)) return docs;
  for (const area of readdirSync(base, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const page of readdirSync(join(base, area.name))) {
      if (page.endsWith('.md')) docs[`${area.name}/${page.slice(0, -3)}`] = readFileSync(join(base, area.name, page), 'utf8');
    }
  }
  return docs;
}

/**
 * The id of this build for the persistent key index (server/src/node/build-id.ts computes the
 * same from sources): the core sources and the version, hashed in a stable order.
 */
function buildId() {
  const hash = createHash('sha1');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk('server/src/core');
  hash.update(JSON.parse(readFileSync('package.json', 'utf8')).version);
  return hash.digest('base64url').slice(0, 16);
}
const BUILD_ID = JSON.stringify(buildId());

/**
 * mdast-util-from-markdown calls the handler of every micromark event with a fresh copy of its
 * compile context (`{ ...context, sliceSerialize }`): about 370,000 short-lived objects for a
 * 1 MB report, a tenth of a parse's CPU with the garbage collection they cause. No handler keeps
 * or changes `this`, so the bundles give every handler the one context with `sliceSerialize` set
 * for its event. The build fails if the library no longer has the three copies.
 */
const oneCompileContext = {
  name: 'one-compile-context',
  setup(b) {
    b.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const copy = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;
      const found = source.match(copy)?.length ?? 0;
      if (found !== 3) throw new Error(`mdast-util-from-markdown: expected 3 copies of the compile context, found ${found}`);
      return { contents: source.replace(copy, '(context.sliceSerialize = events[index][2].sliceSerialize, context)'), loader: 'js' };
    });
  },
};

const targets = [
  {
    entry: 'server/src/cli.ts',
    outfile: 'dist/cli.js',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node\n' + esmBanner.js },
    define: { __INCIDENT_SCRIBE_RULE_DOCS__: JSON.stringify(ruleDocs()), __INCIDENT_SCRIBE_BUILD_ID__: BUILD_ID },
  },
  { entry: 'server/src/main.ts', outfile: 'dist/server.js', format: 'esm', banner: esmBanner, define: { __INCIDENT_SCRIBE_BUILD_ID__: BUILD_ID } },
  { entry: 'server/src/node/report-worker.ts', outfile: 'dist/report-worker.js', format: 'esm', banner: esmBanner },
  // The overview's charts, loaded by an analysis worker only for an overview (they are half its weight).
  { entry: 'server/src/node/overview-export.ts', outfile: 'dist/overview-export.js', format: 'esm', banner: esmBanner },
  // The key scan's worker thread, started by the CLI and the server from the file next to them.
  { entry: 'server/src/node/keys-worker.ts', outfile: 'dist/keys-worker.js', format: 'esm', banner: esmBanner },
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.cjs', format: 'cjs', external: ['vscode'] },
];

const builds = targets
  .filter((t) => existsSync(t.entry))
  .map((t) =>
    build({
      ...common,
      entryPoints: [t.entry],
      outfile: t.outfile,
      format: t.format,
      banner: t.banner,
      external: t.external ?? [],
      plugins: [oneCompileContext],
      // A bundle carries its wasm files beside itself and must not pick up another install's.
      define: { __INCIDENT_SCRIBE_BUNDLE__: 'true', ...(t.define ?? {}) },
    }),
  );
await Promise.all(builds);

// Resolve each package's entry point (its package.json may not be exported) and copy the wasm
// file that sits beside it.
for (const [pkg, file] of [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-php', 'tree-sitter-php.wasm'],
]) {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, file)) && dirname(dir) !== dir) dir = dirname(dir);
  copyFileSync(join(dir, file), join('dist', file));
}
if (watch) console.log('watch mode is not supported; run npm run build again');
