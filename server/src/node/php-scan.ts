/**
 * The workspace scan for PHP cache keys: walks the folder, skips what should not be read, reads
 * every PHP file, parses only those the cheap text test keeps, and fills a {@link KeyIndex}.
 * Files declaring classes whose constants name key groups elsewhere are parsed in a second pass.
 * Nothing here throws for one bad file: unreadable files, symlink loops and odd encodings are
 * recorded and the scan goes on.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/config.js';
import { analyzePhp, checkPhpFile, mayContainKeys } from '../core/keys/check.js';
import { KeyIndex } from '../core/keys/key-index.js';
import type { PhpParser } from '../core/keys/parser.js';
import { throwIfCancelled, type CancellationToken, type Finding } from '../core/types.js';
import { loadPhpParser } from './php-wasm.js';

/** Folders never entered, whatever the configuration says. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** Larger files are generated or minified; parsing them would only cost time. */
export const MAX_PHP_FILE_BYTES = 5 * 1024 * 1024;

/** A file the scan could not use, and why. */
export interface ScanProblem {
  file: string;
  message: string;
}

/** What a scan found. */
export interface PhpScan {
  index: KeyIndex;
  /** PHP files found (absolute paths). */
  files: string[];
  /** Files that went through the parser. */
  parsed: number;
  /** Unreadable files, unreadable folders, files too large or binary. */
  problems: ScanProblem[];
}

/** Options of {@link scanPhpWorkspace}. */
export interface ScanOptions {
  token?: CancellationToken;
  /** Parser to use; by default the process's shared one. */
  parser?: PhpParser;
  /** Called after each batch of files. */
  onProgress?: (done: number, total: number) => void;
  /** Files read at once. */
  concurrency?: number;
  /** Index to add to (several roots, one workspace); a new one by default. */
  index?: KeyIndex;
}

/**
 * Decodes file bytes: UTF-8 when valid, else Latin-1 (old PHP files), which maps every byte to one
 * character so that no text is lost and offsets stay stable.
 */
export function decodeSource(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) return buffer.toString('latin1');
  // A byte order mark is not part of the text editors show.
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads one source file as text (see {@link decodeSource}). */
export function readSourceFile(path: string): string {
  return decodeSource(readFileSync(path));
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

/**
 * Lists the PHP files under `root`. Skips `.git`, `node_modules`, the `exclude` folders (plain
 * names match a folder anywhere; patterns with `/` or `*` match paths relative to the root) and
 * whatever `.gitignore` files ignore. Symbolic links are followed once: a folder already visited
 * (by its real path) is not entered again, so link loops end.
 */
export async function listPhpFiles(root: string, exclude: readonly string[], token?: CancellationToken): Promise<{ files: string[]; problems: ScanProblem[] }> {
  const names = new Set(exclude.filter((e) => !/[/*?[{]/.test(e)));
  const patterns = exclude.filter((e) => /[/*?[{]/.test(e));
  const excluded = patterns.length ? picomatch(patterns, { dot: true }) : () => false;
  const files: string[] = [];
  const problems: ScanProblem[] = [];
  const visited = new Set<string>();

  const ignored = (path: string, isDir: boolean, scopes: IgnoreScope[]) =>
    scopes.some((s) => {
      const rel = relative(s.base, path).split(sep).join('/');
      return rel !== '' && !rel.startsWith('..') && s.rules.ignores(isDir ? rel + '/' : rel);
    });

  const walk = async (dir: string, scopes: IgnoreScope[]): Promise<void> => {
    throwIfCancelled(token);
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      problems.push({ file: dir, message: `cannot resolve: ${(error as Error).message}` });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: dir, message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    let here = scopes;
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      try {
        here = [...scopes, { base: dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
      } catch (error) {
        problems.push({ file: join(dir, '.gitignore'), message: `cannot read: ${(error as Error).message}` });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // A dangling link.
        }
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(entry.name) || names.has(entry.name)) continue;
        const rel = relative(root, path).split(sep).join('/');
        if (excluded(rel) || ignored(path, true, here)) continue;
        await walk(path, here);
      } else if (isFile && entry.name.endsWith('.php')) {
        if (excluded(relative(root, path).split(sep).join('/')) || ignored(path, false, here)) continue;
        files.push(path);
      }
    }
  };
  await walk(root, ancestorIgnores(root));
  return { files, problems };
}

/**
 * `.gitignore` files of the folders above `root` up to the repository root (the nearest folder
 * with `.git`), so that scanning a subfolder skips what scanning the repository would skip.
 */
function ancestorIgnores(root: string): IgnoreScope[] {
  const chain: string[] = [];
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      chain.push(dir);
      break;
    }
    chain.push(dir);
    if (dirname(dir) === dir) return [];
  }
  const scopes: IgnoreScope[] = [];
  for (const dir of chain.slice(1).reverse()) {
    try {
      if (existsSync(join(dir, '.gitignore'))) scopes.push({ base: dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) });
    } catch {
      // An unreadable ignore file above the root only means less is skipped.
    }
  }
  // A folder named explicitly is scanned even when the repository ignores it (a build or temp folder).
  const rootIgnored = scopes.some((s) => {
    const rel = relative(s.base, resolve(root)).split(sep).join('/');
    return rel !== '' && s.rules.ignores(rel + '/');
  });
  return rootIgnored ? [] : scopes;
}

const CLASS_DECLARATION = /^[ \t]*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+([A-Za-z_]\w*)/gm;

/** Scans a workspace folder into a key index (see {@link indexPhpFiles}). */
export async function scanPhpWorkspace(root: string, config: ResolvedConfig, options: ScanOptions = {}): Promise<PhpScan> {
  const listed = await listPhpFiles(root, config.keys.exclude, options.token);
  const scan = await indexPhpFiles(listed.files, config, options);
  return { ...scan, problems: [...listed.problems, ...scan.problems] };
}

/**
 * Reads `files` into a key index (a new one, or `options.index`): the ones that pass the text
 * prefilter are parsed, then the ones that declare classes whose constants other files use as
 * key groups.
 */
export async function indexPhpFiles(files: string[], config: ResolvedConfig, options: ScanOptions = {}): Promise<PhpScan> {
  const { token, onProgress } = options;
  const parser = options.parser ?? (await loadPhpParser());
  const index = options.index ?? new KeyIndex();
  const problems: ScanProblem[] = [];
  // Classes declared by files the prefilter skipped, in case their constants name key groups.
  const declaredBy = new Map<string, string[]>();
  let parsed = 0;
  const concurrency = Math.max(1, options.concurrency ?? 16);

  const parseInto = (file: string, text: string) => {
    try {
      index.setFile(analyzePhp(parser, file, text, config.keys, token));
      parsed++;
    } catch (error) {
      if ((error as Error).name === 'CancelledError') throw error;
      problems.push({ file, message: `cannot parse: ${(error as Error).message}` });
    }
  };

  const readBatch = (at: number) => Promise.all(files.slice(at, at + concurrency).map((file) => readText(file, problems)));
  // The next batch is read while this one is parsed: reading waits on the file system, parsing on the CPU.
  let pending = files.length > 0 ? readBatch(0) : undefined;
  for (let at = 0; pending; at += concurrency) {
    const texts = await pending;
    pending = at + concurrency < files.length ? readBatch(at + concurrency) : undefined;
    if (token?.isCancellationRequested) await pending; // Let in-flight reads settle before giving up.
    throwIfCancelled(token);
    texts.forEach((text, i) => {
      const file = files[at + i];
      if (text === undefined) return;
      if (mayContainKeys(text, config.keys)) return parseInto(file, text);
      if (!text.includes('const ')) return;
      for (const m of text.matchAll(CLASS_DECLARATION)) {
        const name = m[1].toLowerCase();
        declaredBy.set(name, [...(declaredBy.get(name) ?? []), file]);
      }
    });
    onProgress?.(Math.min(at + concurrency, files.length), files.length);
  }

  // Constants: each round may reveal a parent class, so follow a few rounds.
  for (let round = 0; round < 4; round++) {
    const wanted = [...index.unresolvedClasses()].flatMap((c) => declaredBy.get(c) ?? []).filter((f) => !index.get(f));
    if (wanted.length === 0) break;
    for (const file of new Set(wanted)) {
      throwIfCancelled(token);
      const text = await readText(file, problems);
      if (text !== undefined) parseInto(file, text);
    }
  }
  return { index, files, parsed, problems };
}

async function readText(file: string, problems: ScanProblem[]): Promise<string | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength > MAX_PHP_FILE_BYTES) {
      problems.push({ file, message: `skipped: larger than ${MAX_PHP_FILE_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    if (bytes.subarray(0, 8192).includes(0)) {
      problems.push({ file, message: 'skipped: binary content' });
      return undefined;
    }
    return decodeSource(bytes);
  } catch (error) {
    problems.push({ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return undefined;
  }
}

/** Key rule findings of every indexed file with key sites, sorted by file. */
export function checkPhpWorkspace(scan: PhpScan, config: ResolvedConfig, token?: CancellationToken): Finding[] {
  const out: Finding[] = [];
  for (const file of scan.index.files().sort()) {
    if (scan.index.get(file)?.sites.length) out.push(...checkPhpFile(scan.index, file, config, token));
  }
  return out;
}

/**
 * Checks PHP files and folders as one workspace (what `incident-scribe check` does with PHP):
 * folders are scanned, files named directly are always parsed. Findings carry absolute paths.
 */
export async function checkPhpPaths(
  paths: readonly string[],
  config: ResolvedConfig,
  options: Omit<ScanOptions, 'index'> = {},
): Promise<{ findings: Finding[]; files: string[]; problems: ScanProblem[] }> {
  const parser = options.parser ?? (await loadPhpParser());
  const index = new KeyIndex();
  const files: string[] = [];
  const problems: ScanProblem[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let isDir: boolean;
    try {
      isDir = (await stat(absolute)).isDirectory();
    } catch (error) {
      problems.push({ file: absolute, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    if (isDir) {
      const scan = await scanPhpWorkspace(absolute, config, { ...options, parser, index });
      files.push(...scan.files);
      problems.push(...scan.problems);
    } else {
      files.push(absolute);
      const text = await readText(absolute, problems);
      if (text === undefined) continue;
      try {
        index.setFile(analyzePhp(parser, absolute, text, config.keys, options.token));
      } catch (error) {
        if ((error as Error).name === 'CancelledError') throw error;
        problems.push({ file: absolute, message: `cannot parse: ${(error as Error).message}` });
      }
    }
  }
  const findings = checkPhpWorkspace({ index, files, parsed: index.size, problems }, config, options.token);
  return { findings, files: [...new Set(files)], problems };
}
