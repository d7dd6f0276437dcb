/**
 * Reading PHP files for the key index: read once, decode, run the text prefilter
 * ({@link readForKeys}), and parse and extract only the files that pass ({@link parseCandidates}).
 * A workspace scan reads in its calling thread and hands the candidates' texts to worker threads;
 * for a handful of files both steps run in the calling thread ({@link analyzeFiles}). Results are
 * plain data: facts, never syntax trees.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Range } from 'web-tree-sitter';
import { analyzeParts, partsToParse } from '../core/keys/analyze.js';
import type { BuilderNames } from '../core/keys/extract.js';
import { keysToData, type FileKeysData } from '../core/keys/keys-data.js';
import type { PhpParser } from '../core/keys/parser.js';
import { keyPrefilter, type KeyPrefilter } from '../core/keys/prefilter.js';

/** Larger files are generated or minified; parsing them would only cost time. */
export const MAX_PHP_FILE_BYTES = 5 * 1024 * 1024;

/** One file to read. */
export interface FileTask {
  path: string;
  /** The content hash the persistent index has for this file: when it still matches, no parse. */
  knownHash?: string;
  /** Parse even when the prefilter would not (a file declaring a class whose constants name groups). */
  force?: boolean;
}

/** A batch of files, with the settings extraction reads. */
export interface AnalyzeTask {
  files: FileTask[];
  builders: BuilderNames;
}

/** What reading one file gave. */
export interface FileResult {
  path: string;
  size: number;
  mtimeMs: number;
  /** Why the file could not be used (unreadable, too large, binary, parse error). */
  problem?: string;
  /** Content hash, for files that passed the prefilter. */
  hash?: string;
  /** The hash equals `knownHash`: the indexed facts still hold. */
  unchanged?: boolean;
  /** Extracted facts of a parsed file. */
  keys?: FileKeysData;
  /** Classes declared by a file that was not parsed but has constants (lower case). */
  declares?: string[];
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

const CLASS_DECLARATION = /^[ \t]*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+([A-Za-z_]\w*)/gm;

const prefilters = new Map<string, KeyPrefilter>();
function prefilterFor(builders: BuilderNames): KeyPrefilter {
  const key = JSON.stringify([builders.localBuilders, builders.globalBuilders]);
  let p = prefilters.get(key);
  if (!p) prefilters.set(key, (p = keyPrefilter(builders)));
  return p;
}

/** The content hash the persistent index keys facts by. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A file that passed the prefilter, read and decoded: what a worker parses. */
export interface ParseTask {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  text: string;
  /** The parts to parse (see analyze.ts), chosen by the reading thread; undefined: the whole text. */
  parts?: Range[];
}

/** Candidates to parse, with the settings extraction reads. */
export interface ParseBatch {
  files: ParseTask[];
  builders: BuilderNames;
}

/**
 * Reads one file and runs the prefilter on it: the finished result of a file that needs no parse
 * (unreadable, no key token, or unchanged since the persistent index read it), or its text to
 * parse with the parts of it to parse. Pure text work, no parser: the scan runs it in its calling
 * thread while the workers start, so that this code warms up in one thread instead of in each.
 */
export function readForKeys(file: FileTask, builders: BuilderNames): FileResult | ParseTask {
  const read = readBytes(file.path);
  if ('problem' in read) return read;
  const { bytes, ...stat } = read;
  const text = decodeSource(bytes);
  if (!file.force && !prefilterFor(builders)(text)) {
    const declares = text.includes('const ') ? [...text.matchAll(CLASS_DECLARATION)].map((m) => m[1].toLowerCase()) : [];
    return declares.length ? { ...stat, declares } : stat;
  }
  const hash = contentHash(text);
  if (hash === file.knownHash) return { ...stat, hash, unchanged: true };
  const parts = partsToParse(text, builders);
  return parts ? { ...stat, hash, text, parts } : { ...stat, hash, text };
}

/** True for a {@link readForKeys} result that still needs parsing. */
export function needsParse(result: FileResult | ParseTask): result is ParseTask {
  return 'text' in result;
}

/**
 * Parses and extracts a batch of candidates. `parser` is awaited once per batch: a parser that
 * cannot load fails the whole batch with one message, not one per file.
 */
export async function parseCandidates(batch: ParseBatch, parser: () => Promise<PhpParser>): Promise<FileResult[]> {
  if (batch.files.length === 0) return [];
  const php = await parser();
  return batch.files.map(({ text, parts, ...file }) => {
    try {
      return { ...file, keys: keysToData(analyzeParts(php, file.path, text, parts, batch.builders)) };
    } catch (error) {
      return { path: file.path, size: file.size, mtimeMs: file.mtimeMs, problem: `cannot parse: ${(error as Error).message}` };
    }
  });
}

/**
 * Reads and analyzes a batch in this thread. `parser` is asked for only when a file needs
 * parsing, so a batch without candidates never waits for the WebAssembly parser to load.
 */
export async function analyzeFiles(task: AnalyzeTask, parser: () => Promise<PhpParser>): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const file of task.files) {
    const result = readForKeys(file, task.builders);
    out.push(...(needsParse(result) ? await parseCandidates({ files: [result], builders: task.builders }, parser) : [result]));
  }
  return out;
}

type Read = { path: string; size: number; mtimeMs: number; bytes: Buffer } | (FileResult & { problem: string });

function readBytes(path: string): Read {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    const base = { path, size: stat.size, mtimeMs: stat.mtimeMs };
    if (stat.size > MAX_PHP_FILE_BYTES) return { ...base, problem: `skipped: larger than ${MAX_PHP_FILE_BYTES / 1024 / 1024} MB` };
    const bytes = readFileSync(fd);
    if (bytes.subarray(0, 8192).includes(0)) return { ...base, problem: 'skipped: binary content' };
    return { ...base, bytes };
  } catch (error) {
    return { path, size: -1, mtimeMs: -1, problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
