/**
 * Collects the files a command-line check looks at. A Markdown file named on the command line is
 * always a report; in a directory walk the core's {@link classifyMarkdown} decides (report globs,
 * front matter, or what the text is), and the decision is kept for `--verbose`. PHP files are
 * collected in the same walk, for the cache key checks.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../core/config/config.js';
import { classifyMarkdown, globMatcher, isMarkdownPath, type ReportDecision } from '../core/report/is-report.js';
import { describeIoError } from './config.js';

/** What a walk found. Paths are absolute and sorted within each directory. */
export interface WorkspaceFiles {
  reports: string[];
  php: string[];
  /** Every Markdown file looked at, with whether it was taken as a report and why. */
  markdown: { path: string; decision: ReportDecision }[];
  /** Paths named on the command line that could not be used, with the reason (one line each). */
  problems: { path: string; message: string }[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** How much of a Markdown file is read to decide whether it is a report; real reports are far smaller. */
const HEAD_BYTES = 256 * 1024;

/** Options of {@link collectFiles}. */
export interface CollectOptions {
  root: string;
  config: ResolvedConfig;
  /** Paths from the command line, relative to `cwd` or absolute. */
  paths: string[];
  cwd: string;
}

/** Walks `paths` and sorts what it finds into reports and PHP files. */
export function collectFiles(options: CollectOptions): WorkspaceFiles {
  const out: WorkspaceFiles = { reports: [], php: [], markdown: [], problems: [] };
  const seen = new Set<string>();
  const isReportPath = globMatcher(options.config.reportGlobs);
  const excluded = new Set(options.config.keys.exclude);
  const add = (list: string[], path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    list.push(path);
  };

  const walk = (dir: string, rules: IgnoreLayer[], phpExcluded: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      out.problems.push({ path: dir, message: `cannot read the directory (${describeIoError(error)})` });
      return;
    }
    const layers = names.includes('.gitignore') ? [...rules, readIgnore(dir)] : rules;
    for (const name of names) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue; // a dangling symbolic link is not a problem of the check
      }
      if (isIgnored(layers, path, stat.isDirectory())) continue;
      if (stat.isDirectory()) {
        walk(path, layers, phpExcluded || excluded.has(name));
      } else if (stat.isFile()) {
        const ext = extname(name).toLowerCase();
        if (ext === '.php') {
          if (!phpExcluded) add(out.php, path);
        } else if (isMarkdownPath(name)) {
          if (seen.has(path)) continue;
          const rel = toPosix(relative(options.root, path));
          const decision = classifyMarkdown(rel, readHead(path), isReportPath);
          out.markdown.push({ path, decision });
          if (decision.report) add(out.reports, path);
        }
      }
    }
  };

  for (const given of options.paths) {
    const path = resolve(options.cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      out.problems.push({ path, message: describeIoError(error) });
      continue;
    }
    if (stat.isDirectory()) walk(path, ancestorIgnores(options.root, path), false);
    else if (extname(path).toLowerCase() === '.php') add(out.php, path);
    else {
      if (isMarkdownPath(path) && !seen.has(path)) out.markdown.push({ path, decision: { report: true, reason: 'named on the command line' } });
      add(out.reports, path);
    }
  }
  return out;
}

/** A `.gitignore` file and the directory its patterns are relative to. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
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

/** The `.gitignore` files between the workspace root and a walked directory below it. */
function ancestorIgnores(root: string, dir: string): IgnoreLayer[] {
  const rel = relative(root, dir);
  if (rel.startsWith('..') || rel === '') return [];
  const layers: IgnoreLayer[] = [];
  let current = root;
  for (const part of ['', ...rel.split(sep).slice(0, -1)]) {
    current = part ? join(current, part) : current;
    layers.push(readIgnore(current));
  }
  return layers;
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
