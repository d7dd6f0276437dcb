import type { ResolvedConfig } from '../core/config/config.js';
import type { KeyIndex } from '../core/keys/key-index.js';
import type { Finding } from '../core/types.js';
import { buildId } from '../node/build-id.js';
import { cacheFileFor, loadCache, saveCache, settingsStamp, type CacheEntry } from '../node/key-cache.js';
import { checkIndexedFiles, scanKeyFiles } from '../node/key-scan.js';

/** What `check` hands to the PHP cache key checks. */
export interface PhpCheckContext {
  /** Workspace root: key groups and related locations resolve against it. */
  root: string;
  config: ResolvedConfig;
  /** Reports a file that could not be used (one line; makes the exit code 2). */
  problem(file: string, message: string): void;
  /** A line for the user that changes nothing in the result (the persistent index). */
  note(message: string): void;
  /** Where the persistent index lives; undefined with `--no-cache`. */
  cacheDir: string | undefined;
  /** Called with a summary of the scan (`--verbose`). */
  verbose?: (line: string) => void;
}

/**
 * The PHP part of `incident-scribe check`. `files` are the PHP files of the walk: named on the
 * command line, or found under the given folders outside `.git`, `node_modules`, ignored paths
 * and the `keys.exclude` folders. They are indexed together, so `keys/mixed-scope` sees every
 * site among them. The persistent index of the workspace root (unless `cacheDir` is undefined)
 * spares reading files that did not change since the last run. Returns the findings, how many
 * files were checked, and the index (for fixes).
 */
export async function checkPhpFiles(files: string[], context: PhpCheckContext): Promise<{ findings: Finding[]; checked: number; index?: KeyIndex }> {
  if (files.length === 0) return { findings: [], checked: 0 };
  const started = Date.now();
  const builders = { localBuilders: context.config.keys.localBuilders, globalBuilders: context.config.keys.globalBuilders };
  const stamp = { tool: buildId(), settings: settingsStamp(builders) };
  const cachePath = context.cacheDir === undefined ? undefined : cacheFileFor(context.cacheDir, context.root);
  let cache: Map<string, CacheEntry> | undefined;
  let writable = true;
  if (cachePath) {
    const loaded = loadCache(cachePath, context.root, stamp);
    if (loaded.message) context.note(loaded.message);
    cache = loaded.entries;
    writable = !loaded.foreign;
  }
  let scan;
  try {
    scan = await scanKeyFiles(files, { builders, cache });
  } catch (error) {
    // The parser itself could not start (a missing wasm file, a worker that died): every PHP file is unchecked.
    context.problem(files[0], `PHP files not checked: ${(error as Error).message.split('\n')[0]}`);
    return { findings: [], checked: 0 };
  }
  for (const p of scan.problems) context.problem(p.file, p.message);
  if (cachePath && writable) {
    // Files of earlier runs on other paths of the same workspace are kept.
    const entries = new Map([...(cache ?? new Map<string, CacheEntry>())].filter(([file]) => !scan.entries.has(file)));
    for (const [file, entry] of scan.entries) entries.set(file, entry);
    const failed = saveCache(cachePath, context.root, stamp, entries, started);
    if (failed) context.note(failed);
  }
  context.verbose?.(
    `PHP key index: ${files.length} files, ${scan.read} read, ${scan.parsed} parsed, ${files.length - scan.read} unchanged since the last run, in ${Date.now() - started} ms` +
      (cachePath ? ` (index: ${cachePath})` : ' (no persistent index)'),
  );
  const unusable = new Set(scan.problems.map((p) => p.file));
  return { findings: checkIndexedFiles(scan.index, context.config), checked: files.filter((f) => !unusable.has(f)).length, index: scan.index };
}
