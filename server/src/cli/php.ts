import type { ResolvedConfig } from '../core/config/config.js';
import type { Finding } from '../core/types.js';

/** What `check` hands to the PHP cache key checks. */
export interface PhpCheckContext {
  /** Workspace root: key groups and related locations resolve against it. */
  root: string;
  config: ResolvedConfig;
  /** Reports a file that could not be used (one line; makes the exit code 2). */
  problem(file: string, message: string): void;
}

/**
 * The PHP plug point of `incident-scribe check`. `files` are the PHP files of the walk: named on
 * the command line, or found under the given folders outside `.git`, `node_modules`, ignored
 * paths and the `keys.exclude` folders. Returns the findings and how many files were checked.
 *
 * Not wired yet: the cache key scan (server/src/node/php-scan.ts) plugs in here, e.g. by indexing
 * `files` and returning `checkPhpWorkspace(scan, config)`.
 */
export async function checkPhpFiles(_files: string[], _context: PhpCheckContext): Promise<{ findings: Finding[]; checked: number }> {
  return { findings: [], checked: 0 };
}
