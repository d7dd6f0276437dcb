import type { ResolvedConfig } from '../core/config/config.js';
import type { KeyIndex } from '../core/keys/key-index.js';
import type { Finding } from '../core/types.js';
import { checkPhpWorkspace, indexPhpFiles } from '../node/php-scan.js';

/** What `check` hands to the PHP cache key checks. */
export interface PhpCheckContext {
  /** Workspace root: key groups and related locations resolve against it. */
  root: string;
  config: ResolvedConfig;
  /** Reports a file that could not be used (one line; makes the exit code 2). */
  problem(file: string, message: string): void;
}

/**
 * The PHP part of `incident-scribe check`. `files` are the PHP files of the walk: named on the
 * command line, or found under the given folders outside `.git`, `node_modules`, ignored paths
 * and the `keys.exclude` folders. They are indexed together, so `keys/mixed-scope` sees every
 * site among them. Returns the findings, how many files were read, and the index (for fixes).
 */
export async function checkPhpFiles(files: string[], context: PhpCheckContext): Promise<{ findings: Finding[]; checked: number; index?: KeyIndex }> {
  if (files.length === 0) return { findings: [], checked: 0 };
  let scan;
  try {
    scan = await indexPhpFiles(files, context.config);
  } catch (error) {
    // The parser itself could not start (a missing wasm file): every PHP file is unchecked.
    context.problem(files[0], `PHP files not checked: ${(error as Error).message}`);
    return { findings: [], checked: 0 };
  }
  for (const p of scan.problems) context.problem(p.file, p.message);
  const unusable = new Set(scan.problems.map((p) => p.file));
  return { findings: checkPhpWorkspace(scan, context.config), checked: files.filter((f) => !unusable.has(f)).length, index: scan.index };
}
