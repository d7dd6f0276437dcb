/**
 * The workspace scan for PHP cache keys: given the PHP files of a walk, fills a {@link KeyIndex}.
 * Files the persistent index knows unchanged (same size and modification time) are not read;
 * the others are read once and prefiltered in the calling thread, and parsed only when they may
 * hold keys, in worker threads when there are enough of them. Files declaring classes whose constants name key groups
 * elsewhere are parsed in a second pass. Nothing here throws for one bad file: unreadable files
 * and odd encodings are recorded and the scan goes on.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../core/config/config.js';
import { checkPhpFile } from '../core/keys/check.js';
import type { BuilderNames } from '../core/keys/extract.js';
import { KeyIndex } from '../core/keys/key-index.js';
import { keysFromData } from '../core/keys/keys-data.js';
import { throwIfCancelled, type CancellationToken, type Finding } from '../core/types.js';
import type { CacheEntry } from './key-cache.js';
import { analyzeFiles, needsParse, parseCandidates, readForKeys, type FileResult, type FileTask, type ParseBatch, type ParseTask } from './key-files.js';
import { compilePhpWasm, loadPhpParser } from './php-wasm.js';
import type { KeysWorkerData } from './keys-worker.js';
import { WorkerPool } from './pool.js';

/** A file the scan could not use, and why. */
export interface ScanProblem {
  file: string;
  message: string;
}

/** Options of {@link scanKeyFiles}. */
export interface KeyScanOptions {
  /** What extraction reads from the configuration. */
  builders: BuilderNames;
  token?: CancellationToken;
  /** Called as files are done. */
  onProgress?: (done: number, total: number) => void;
  /** The persistent index of earlier scans, by path. */
  cache?: ReadonlyMap<string, CacheEntry>;
  /** Index to add to (several roots, one workspace); a new one by default. */
  index?: KeyIndex;
  /** Worker threads at most (never more than the cores less one: the calling thread parses too); 0 reads in the calling thread only. Default: as many as that, none for a few files. */
  workers?: number;
  /** The worker module; by default the bundled `keys-worker.js` next to this code, or its source. */
  workerScript?: string;
}

/** What a scan found. */
export interface KeyScan {
  index: KeyIndex;
  files: string[];
  /** Files read from disk (the others were known unchanged). */
  read: number;
  /** Files that went through the parser. */
  parsed: number;
  /** Unreadable files, files too large or binary, parse errors. */
  problems: ScanProblem[];
  /** The persistent index entries of the scanned files, to save for the next scan. */
  entries: Map<string, CacheEntry>;
}

/** Files read between two looks at the event loop (worker answers, cancellation, the editor). */
const BATCH = 48;
/**
 * Characters of candidate text per task: a message costs little (cloning all 4 MB of candidate
 * text in `includes/` takes about 7 ms), and the last task of the thread that ends last is what
 * the other waits for at the end of a scan, so tasks are small.
 */
const PARSE_BATCH_CHARS = 48 * 1024;
/** Below this many files to read, starting workers costs more than it saves. */
const WORKER_MIN_FILES = 4 * BATCH;

/** The worker script: bundled next to the CLI and the server, or the source when run from sources. */
function workerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'keys-worker.js');
  return existsSync(bundled) ? bundled : join(here, 'keys-worker.ts');
}

/** Scans `files` into a key index (see the module comment). */
export async function scanKeyFiles(files: readonly string[], options: KeyScanOptions): Promise<KeyScan> {
  const { token, cache, builders } = options;
  const index = options.index ?? new KeyIndex();
  const entries = new Map<string, CacheEntry>();
  const problems: ScanProblem[] = [];
  // Classes declared by files the prefilter skipped, in case their constants name key groups.
  const declaredBy = new Map<string, string[]>();
  const scan: KeyScan = { index, files: [...files], read: 0, parsed: 0, problems, entries };
  let done = 0;

  const declare = (file: string, classes: readonly string[] | undefined) => {
    for (const name of classes ?? []) declaredBy.set(name, [...(declaredBy.get(name) ?? []), file]);
  };
  const toRead: FileTask[] = [];
  for (const file of files) {
    if (done++ % 512 === 0) throwIfCancelled(token);
    const old = cache?.get(file);
    if (old && old.mtimeMs >= 0 && unchangedOnDisk(file, old)) {
      entries.set(file, old);
      if (old.keys) index.setFile(keysFromData(old.keys));
      declare(file, old.declares);
    } else {
      toRead.push(old?.hash ? { path: file, knownHash: old.hash } : { path: file });
    }
  }
  done = files.length - toRead.length;
  options.onProgress?.(done, files.length);

  const merge = (result: FileResult) => {
    scan.read++;
    done++;
    if (result.problem !== undefined) {
      problems.push({ file: result.path, message: result.problem });
      return;
    }
    const stat = { size: result.size, mtimeMs: result.mtimeMs };
    const old = cache?.get(result.path);
    if (result.unchanged && old) {
      entries.set(result.path, { ...old, ...stat });
      if (old.keys) index.setFile(keysFromData(old.keys));
    } else if (result.keys) {
      scan.parsed++;
      entries.set(result.path, { ...stat, hash: result.hash, keys: result.keys });
      index.setFile(keysFromData(result.keys));
    } else {
      entries.set(result.path, result.declares ? { ...stat, declares: result.declares } : stat);
      declare(result.path, result.declares);
    }
  };

  const runner = new Runner(builders, options.workers ?? (toRead.length >= WORKER_MIN_FILES ? Infinity : 0), options.workerScript ?? workerScript());
  try {
    await runner.run(toRead, token, (results) => {
      results.forEach(merge);
      options.onProgress?.(done, files.length);
    });
    // Constants: each round may reveal a parent class, so follow a few rounds.
    for (let round = 0; round < 4; round++) {
      const wanted = new Set([...index.unresolvedClasses()].flatMap((c) => declaredBy.get(c) ?? []).filter((f) => !index.get(f)));
      if (wanted.size === 0) break;
      done -= wanted.size; // Counted once already.
      scan.read -= wanted.size;
      await runner.run([...wanted].map((path) => ({ path, force: true })), token, (results) => results.forEach(merge));
    }
  } finally {
    await runner.close();
  }
  return scan;
}

function unchangedOnDisk(file: string, entry: CacheEntry): boolean {
  try {
    const stat = statSync(file);
    return stat.size === entry.size && stat.mtimeMs === entry.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Reads files and parses the candidates: in this thread when `workers` is 0; else this thread
 * reads and prefilters while the worker threads start, hands them the candidates' texts in
 * batches of about the same size as it finds them, and once it has read every file parses the
 * batches still waiting alongside them. A worker fewer than the cores leaves one core to this
 * thread: each isolate compiles the same hot code again, so fewer isolates cost less CPU.
 */
class Runner {
  private pool: WorkerPool<ParseBatch, FileResult[]> | undefined;
  private data: KeysWorkerData | undefined;

  constructor(
    private readonly builders: BuilderNames,
    private readonly workers: number,
    private readonly script: string,
  ) {}

  async run(files: FileTask[], token: CancellationToken | undefined, onResults: (results: FileResult[]) => void): Promise<void> {
    if (this.workers <= 0) {
      for (let at = 0; at < files.length; at += BATCH) {
        throwIfCancelled(token);
        onResults(await analyzeFiles({ files: files.slice(at, at + BATCH), builders: this.builders }, loadPhpParser));
      }
      return;
    }
    if (files.length === 0) return;
    this.data ??= keysWorkerData();
    const size = Math.min(this.workers, Math.max(1, availableParallelism() - 1));
    this.pool ??= new WorkerPool(this.script, { name: 'PHP scan', size, workerData: this.data });
    const pool = this.pool;
    pool.start();
    // One queue, the pool's: a worker takes a batch as soon as it is free, and the batches still
    // waiting when the reading ends are taken by this thread (runQueuedHere).
    const parsing: Promise<void>[] = [];
    let batch: ParseTask[] = [];
    let chars = 0;
    const send = () => {
      if (batch.length === 0) return;
      const task = pool.run({ files: batch, builders: this.builders }, token).then(onResults);
      // Handled now, so that a failure while this thread still reads is no unhandled rejection; reported below.
      task.catch(() => undefined);
      parsing.push(task);
      batch = [];
      chars = 0;
    };
    const wasm = this.data.wasm;
    const parser = () => loadPhpParser(wasm);
    // A file at a time, with the event loop let in between: in the language server this thread
    // also answers the editor.
    const parseHere = async ({ files: batchFiles, builders }: ParseBatch) => {
      const out: FileResult[] = [];
      for (const file of batchFiles) {
        throwIfCancelled(token);
        out.push(...(await parseCandidates({ files: [file], builders }, parser)));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    };
    try {
      for (let at = 0; at < files.length; at += BATCH) {
        throwIfCancelled(token);
        const done: FileResult[] = [];
        for (const file of files.slice(at, at + BATCH)) {
          const result = readForKeys(file, this.builders);
          if (!needsParse(result)) done.push(result);
          else if (batch.push(result) && (chars += result.text.length) >= PARSE_BATCH_CHARS) send();
        }
        onResults(done);
        // Lets worker answers in, and the editor's requests when the server scans.
        await new Promise((resolve) => setImmediate(resolve));
      }
      send();
      for (let more = true; more; ) more = await pool.runQueuedHere(parseHere);
    } catch (error) {
      // After a failure or a cancellation nothing more starts: the workers stop and what was
      // sent is rejected (reported once, below).
      this.pool = undefined;
      await pool.close();
      throw error;
    } finally {
      await Promise.allSettled(parsing);
    }
    await Promise.all(parsing);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** The compiled wasm modules for the workers; none when they cannot be read (each worker then says why). */
function keysWorkerData(): KeysWorkerData {
  try {
    return { wasm: compilePhpWasm() };
  } catch {
    return {};
  }
}

/** Key rule findings of every indexed file with key sites, sorted by file. */
export function checkIndexedFiles(index: KeyIndex, config: ResolvedConfig, token?: CancellationToken): Finding[] {
  const out: Finding[] = [];
  for (const file of index.files().sort()) {
    if (index.get(file)?.sites.length) out.push(...checkPhpFile(index, file, config, token));
  }
  return out;
}
