/**
 * The one workspace walk, shared by the command line and the language server. It collects the
 * incident reports and the PHP files under the given paths:
 * - a Markdown file named on the command line is always a report; in a directory walk the core's
 *   {@link classifyMarkdown} decides (report globs, front matter, or what the text is), and the
 *   decision is kept for `--verbose`;
 * - a PHP file ({@link isPhpPath}) is collected unless it lies under a `keys.exclude` folder
 *   (plain names match a folder anywhere; patterns with `/` or `*` match paths relative to the
 *   root);
 * - `.git` and `node_modules` are never entered, and whatever `.gitignore` files ignore (nested
 *   ones, and those above the walked folder up to the repository root) is skipped, unless the
 *   folder itself was named;
 * - symbolic links are followed once: a folder already visited (by its real path) is not entered
 *   again, so link loops end.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/config.js';
import { isPhpPath } from '../core/keys/php-path.js';
import { classifyMarkdown, globMatcher, isMarkdownPath, type ReportDecision } from '../core/report/is-report.js';
import { throwIfCancelled, type CancellationToken } from '../core/types.js';
import { describeIoError } from './config.js';

/** What a walk found. Paths are absolute and sorted within each directory. */
export interface WorkspaceFiles {
  reports: string[];
  php: string[];
  /** Every Markdown file looked at, with whether it was taken as a report and why. */
  markdown: { path: string; decision: ReportDecision }[];
  /** Paths that could not be used, with the reason (one line each). */
  problems: { path: string; message: string }[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** How much of a Markdown file is read to decide whether it is a report; real reports are far smaller. */
const HEAD_BYTES = 256 * 1024;

/** Options of {@link collectFiles}. */
export interface CollectOptions {
  root: string;
  config: ResolvedConfig;
  /** Paths to walk, relative to `cwd` or absolute. */
  paths: string[];
  cwd: string;
  /** What to collect; both by default. */
  collect?: { reports?: boolean; php?: boolean };
  token?: CancellationToken;
}

/** A `.gitignore` file and the directory its patterns are relative to. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

/** Walks `paths` and sorts what it finds into reports and PHP files. */
export async function collectFiles(options: CollectOptions): Promise<WorkspaceFiles> {
  const out: WorkspaceFiles = { reports: [], php: [], markdown: [], problems: [] };
  const wantReports = options.collect?.reports ?? true;
  const wantPhp = options.collect?.php ?? true;
  const root = resolve(options.root);
  const seen = new Set<string>();
  const visited = new Set<string>();
  const isReportPath = globMatcher(options.config.reportGlobs);
  const exclude = options.config.keys.exclude;
  const excludedNames = new Set(exclude.filter((e) => !/[/*?[{]/.test(e)));
  const patterns = exclude.filter((e) => /[/*?[{]/.test(e));
  const excludedPath = patterns.length ? picomatch(patterns, { dot: true }) : () => false;
  const add = (list: string[], path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    list.push(path);
  };

  // Synchronous calls: a walk is thousands of tiny calls, and each asynchronous one waits its turn
  // in the thread pool (seconds on a busy machine). The event loop gets a turn every few folders.
  let folders = 0;
  const walk = async (dir: string, layers: IgnoreLayer[], phpExcluded: boolean): Promise<void> => {
    if (++folders % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    throwIfCancelled(options.token);
    let entries;
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.problems.push({ path: dir, message: `cannot read the directory (${describeIoError(error)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here = entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? [...layers, readIgnore(dir)] : layers;
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // A dangling link is not a problem of the check.
        }
      }
      if (isDir) {
        if (isIgnored(here, path, true)) continue;
        const excluded = phpExcluded || excludedNames.has(entry.name) || excludedPath(toPosix(relative(root, path)));
        // Reports are looked for everywhere; a folder excluded from the key scan is only entered for them.
        if (excluded && !wantReports) continue;
        await walk(path, here, excluded);
      } else if (isFile) {
        if (isPhpPath(entry.name)) {
          if (wantPhp && !phpExcluded && !excludedPath(toPosix(relative(root, path))) && !isIgnored(here, path, false)) add(out.php, path);
        } else if (wantReports && isMarkdownPath(entry.name) && !isIgnored(here, path, false)) {
          if (seen.has(path)) continue;
          const rel = toPosix(relative(root, path));
          const decision = classifyMarkdown(rel, readHead(path), isReportPath);
          out.markdown.push({ path, decision });
          if (decision.report) add(out.reports, path);
        }
      }
    }
  };

  for (const given of options.paths) {
    const path = resolve(options.cwd, given);
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      out.problems.push({ path, message: describeIoError(error) });
      continue;
    }
    if (info.isDirectory()) await walk(path, ancestorIgnores(root, path), false);
    else if (isPhpPath(path)) {
      if (wantPhp) add(out.php, path);
    } else if (wantReports) {
      if (isMarkdownPath(path) && !seen.has(path)) out.markdown.push({ path, decision: { report: true, reason: 'named on the command line' } });
      add(out.reports, path);
    }
  }
  return out;
}

function readIgnore(dir: string): IgnoreLayer {
  let text = '';
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    // An unreadable .gitignore ignores nothing.
  }
  return { dir, rules: ignore().add(text) };
}

/**
 * The `.gitignore` files above a walked directory: from the repository root (the nearest folder
 * with `.git`), or else the workspace root, down to the directory's parent. A directory they
 * ignore was named on purpose (a build folder), so then none apply.
 */
function ancestorIgnores(root: string, dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let top: string | undefined;
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.push(d);
    if (existsSync(join(d, '.git'))) {
      top = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  if (!top) {
    const rel = relative(root, dir);
    if (rel === '' || rel.startsWith('..')) return [];
    top = root;
    chain.splice(chain.indexOf(root) + 1);
  }
  if (existsSync(join(dir, '.git'))) return [];
  const layers = chain
    .reverse()
    .filter((d) => existsSync(join(d, '.gitignore')))
    .map(readIgnore);
  return isIgnored(layers, dir, true) ? [] : layers;
}

function isIgnored(layers: IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const rel = toPosix(relative(layer.dir, path));
    if (rel === '' || rel.startsWith('../')) continue;
    if (layer.rules.ignores(isDirectory ? rel + '/' : rel)) return true;
  }
  return false;
}

/** The start of a file as text (empty when it cannot be read: the check names the problem later). */
function readHead(path: string): string {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(HEAD_BYTES);
      const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
  return head;
}

/** Forward slashes, as globs and SARIF want them. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
