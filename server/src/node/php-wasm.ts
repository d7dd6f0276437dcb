/**
 * Finds and reads the tree-sitter WebAssembly files for the PHP parser. A bundle (dist/cli.js,
 * dist/server.js) has them next to itself, copied by scripts/build.mjs; from sources they come
 * from node_modules. Nothing is downloaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWasm, PhpParser, type PhpWasm } from '../core/keys/parser.js';

const FILES = { treeSitter: ['web-tree-sitter', 'web-tree-sitter.wasm'], php: ['tree-sitter-php', 'tree-sitter-php.wasm'] } as const;

declare const __INCIDENT_SCRIBE_BUNDLE__: boolean | undefined;

/** Folders searched for a wasm file, in order. */
function candidates(pkg: string): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  // A bundle looks only beside itself: a node_modules or dist folder above a copied or broken
  // install belongs to something else, and using it would hide the broken install.
  if (typeof __INCIDENT_SCRIBE_BUNDLE__ === 'boolean' && __INCIDENT_SCRIBE_BUNDLE__) return [here];
  const out = [here, join(here, '..', 'dist'), join(here, '..', '..', '..', 'dist')];
  const require = createRequire(import.meta.url);
  for (const entry of [`${pkg}/package.json`, pkg]) {
    try {
      // The entry point may sit in a subfolder (bindings/node): try the folders above it too.
      for (let dir = dirname(require.resolve(entry)), i = 0; i < 3; i++, dir = dirname(dir)) out.push(dir);
      break;
    } catch {
      // Not resolvable this way (exports without package.json, or not installed).
    }
  }
  return out;
}

/** The path of one wasm file, or an error that says where it was looked for. */
export function locateWasm(which: keyof typeof FILES): string {
  const [pkg, file] = FILES[which];
  const dirs = candidates(pkg);
  for (const dir of dirs) if (existsSync(join(dir, file))) return join(dir, file);
  throw new Error(`${file} not found (looked in ${dirs.join(', ')}); run npm run build, or reinstall ${pkg}`);
}

/** Reads both wasm files. */
export function readPhpWasm(): { treeSitter: Buffer; php: Buffer } {
  return { treeSitter: readFileSync(locateWasm('treeSitter')), php: readFileSync(locateWasm('php')) };
}

/**
 * Both wasm files compiled, to hand to worker threads: they then share the machine code instead
 * of each compiling and optimizing its own. Compiled anew on each call (a few milliseconds: code
 * is compiled as it is first run), so that each scan starts as cold as the first. Throws as
 * {@link locateWasm}.
 */
export function compilePhpWasm(): PhpWasm {
  const bytes = readPhpWasm();
  return { treeSitter: compileWasm(bytes.treeSitter), php: compileWasm(bytes.php) };
}

let shared: Promise<PhpParser> | undefined;

/** The process's PHP parser, loaded once: from `wasm` when given (compiled by another thread), else from the files. */
export function loadPhpParser(wasm?: PhpWasm): Promise<PhpParser> {
  shared ??= PhpParser.load(wasm ?? readPhpWasm()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
