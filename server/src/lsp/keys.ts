/**
 * The workspace key index for PHP: built in the background on start (with `$/progress`, parsing
 * in worker threads), kept current from open documents (their text wins over the disk) and from
 * file-watch events for closed files. Requests on open documents never wait for the scan: until
 * it ends they see the open documents only. With a storage folder (VS Code passes the extension's
 * workspace storage as `initializationOptions.storagePath`), the index of each workspace folder is
 * kept there, so that the next start reads only the files that changed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePhp, checkPhpFile } from '../core/keys/check.js';
import { keyHover } from '../core/keys/hover.js';
import { KeyIndex } from '../core/keys/key-index.js';
import type { PhpParser } from '../core/keys/parser.js';
import type { CancellationToken, Finding, Position } from '../core/types.js';
import { buildId } from '../node/build-id.js';
import { cacheFileFor, loadCache, saveCache, settingsStamp } from '../node/key-cache.js';
import { readSourceFile } from '../node/key-files.js';
import { scanKeyFiles } from '../node/key-scan.js';
import { loadPhpParser } from '../node/php-wasm.js';
import { collectFiles } from '../node/walk.js';
import type { ServerContext } from './context.js';
import { fileOfUri, relativeInside, uriOfFile } from './uris.js';

import { isPhpPath } from '../core/keys/php-path.js';

/** The folder for the persistent key index that the client passed (`initializationOptions.storagePath`). */
export function storagePathOf(initializationOptions: unknown): string | undefined {
  const path = (initializationOptions as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof path === 'string' && path.length > 0 ? path : undefined;
}

/** Open PHP documents are re-indexed this long after the last keystroke. */
const UPDATE_DELAY_MS = 150;

/** The key index of the workspace and what the server does to keep it current. */
export class KeyWorkspace {
  private index = new KeyIndex();
  /** Changes whenever the index changes: findings of any file may then differ. */
  generation = 0;
  private parser: Promise<PhpParser | undefined> | undefined;
  /** Version of each open document as last indexed. */
  private readonly indexed = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private scanToken: { isCancellationRequested: boolean } | undefined;
  private readonly findingsCache = new Map<string, { generation: number; configGeneration: number; findings: Finding[] }>();
  /** Folder for the persistent index (the client's workspace storage), if the client gave one. */
  storagePath: string | undefined;

  /**
   * @param onAffected called with the files (paths) whose findings may have changed because the
   *   index changed, or `all` after a scan.
   */
  constructor(
    private readonly ctx: ServerContext,
    private readonly onAffected: (files: string[] | 'all') => void,
  ) {}

  private loadParser(): Promise<PhpParser | undefined> {
    this.parser ??= loadPhpParser().catch((error: unknown) => {
      this.ctx.connection.console.error(`Incident Scribe: the PHP parser could not start, so PHP files are not checked: ${(error as Error).message}`);
      return undefined;
    });
    return this.parser;
  }

  /** Scans every workspace folder into a fresh index, reporting progress; a new scan cancels the last. */
  async scan(): Promise<void> {
    if (this.scanToken) this.scanToken.isCancellationRequested = true;
    const token = { isCancellationRequested: false };
    this.scanToken = token;
    const parser = await this.loadParser();
    const folders = this.ctx.configs.folderPaths();
    if (!parser || folders.length === 0 || token.isCancellationRequested) return;
    const progress = await this.ctx.connection.window.createWorkDoneProgress();
    progress.begin('Incident Scribe', 0, 'Indexing PHP cache keys…', false);
    const fresh = new KeyIndex();
    let files = 0;
    let read = 0;
    let parsed = 0;
    try {
      for (const folder of folders) {
        const config = this.ctx.configs.place(uriOfFile(join(folder, 'workspace.php'))).config;
        const walk = await collectFiles({ root: folder, config, paths: [folder], cwd: folder, collect: { reports: false, php: true }, token });
        for (const problem of walk.problems.slice(0, 20)) this.ctx.connection.console.warn(`Incident Scribe: ${problem.path}: ${problem.message}`);
        const builders = { localBuilders: config.keys.localBuilders, globalBuilders: config.keys.globalBuilders };
        const stamp = { tool: buildId(), settings: settingsStamp(builders) };
        const cachePath = this.storagePath ? cacheFileFor(this.storagePath, folder) : undefined;
        const loaded = cachePath ? loadCache(cachePath, folder, stamp) : undefined;
        if (loaded?.message) this.ctx.connection.console.warn(`Incident Scribe: ${loaded.message}`);
        const started = Date.now();
        const scan = await scanKeyFiles(walk.php, {
          builders,
          cache: loaded?.entries,
          index: fresh,
          token,
          onProgress: (done, total) => progress.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} PHP files`),
        });
        files += scan.files.length;
        read += scan.read;
        parsed += scan.parsed;
        for (const problem of scan.problems.slice(0, 20)) this.ctx.connection.console.warn(`Incident Scribe: ${problem.file}: ${problem.message}`);
        if (cachePath && !loaded?.foreign && !token.isCancellationRequested) {
          const failed = saveCache(cachePath, folder, stamp, scan.entries, started);
          if (failed) this.ctx.connection.console.warn(`Incident Scribe: ${failed}`);
        }
      }
      if (token.isCancellationRequested) return;
      // Open documents win over what is on disk.
      for (const doc of this.ctx.documents.all()) if (this.ctx.analyzer.kind(doc) === 'php') fresh.setFile(this.analyze(parser, doc.uri, doc.getText()));
      this.index = fresh;
      this.generation++;
      this.ctx.connection.console.info(
        `Incident Scribe: indexed cache keys of ${files} PHP files (${fresh.size} with keys or constants; ${read} read, ${parsed} parsed, ${files - read} unchanged since the last scan).`,
      );
      this.onAffected('all');
    } catch (error) {
      if ((error as Error).name !== 'CancelledError') this.ctx.connection.console.error(`Incident Scribe: the PHP scan failed: ${(error as Error).message}`);
    } finally {
      progress.done();
    }
  }

  private analyze(parser: PhpParser, uri: string, text: string) {
    const file = fileOfUri(uri);
    return analyzePhp(parser, file, text, this.ctx.configs.place(uri).config.keys);
  }

  /** An open PHP document changed: re-index it soon, then tell which other files it affects. */
  changed(doc: TextDocument): void {
    const previous = this.timers.get(doc.uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.ctx.documents.get(doc.uri);
        if (current) void this.update(current);
      }, UPDATE_DELAY_MS),
    );
  }

  /**
   * Brings the index up to date with an open document. Other files whose findings change with it
   * (the other sites of a key group, say) are passed to `onAffected`.
   */
  async update(doc: TextDocument): Promise<void> {
    if (this.indexed.get(doc.uri) === doc.version) return;
    const parser = await this.loadParser();
    if (!parser || this.indexed.get(doc.uri) === doc.version) return;
    const affected = this.index.setFile(this.analyze(parser, doc.uri, doc.getText()));
    this.indexed.set(doc.uri, doc.version);
    this.generation++;
    if (affected.length) this.onAffected(affected);
  }

  /** An open document closed: the file on disk is what counts again. */
  async closed(uri: string): Promise<void> {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.indexed.delete(uri)) return;
    this.onAffected(await this.reindexFromDisk(fileOfUri(uri)));
  }

  /** Files changed on disk (watch events); open documents are skipped, their text wins. */
  async filesChanged(uris: string[]): Promise<void> {
    const affected: string[] = [];
    for (const uri of uris) {
      const path = fileOfUri(uri);
      if (!isPhpPath(path) || this.ctx.documents.get(uri)) continue;
      affected.push(...(await this.reindexFromDisk(path)));
    }
    if (affected.length) this.onAffected(affected);
  }

  private async reindexFromDisk(path: string): Promise<string[]> {
    const parser = await this.loadParser();
    if (!parser) return [];
    let affected: string[];
    if (!existsSync(path)) {
      affected = this.index.removeFile(path);
    } else {
      try {
        affected = this.index.setFile(this.analyze(parser, uriOfFile(path), readSourceFile(path)));
      } catch (error) {
        this.ctx.connection.console.warn(`Incident Scribe: ${path}: ${(error as Error).message}`);
        affected = this.index.removeFile(path);
      }
    }
    this.generation++;
    return [path, ...affected];
  }

  /** Findings of one file (open or closed) against the whole index; cached per index and configuration. */
  findings(file: string, token?: CancellationToken): Finding[] {
    const configGeneration = this.ctx.configs.generation;
    const hit = this.findingsCache.get(file);
    if (hit && hit.generation === this.generation && hit.configGeneration === configGeneration) return hit.findings;
    const findings = checkPhpFile(this.index, file, this.ctx.configs.place(uriOfFile(file)).config, token);
    this.findingsCache.set(file, { generation: this.generation, configGeneration, findings });
    return findings;
  }

  /** Indexed files that have key sites (the files that can have findings). */
  filesWithKeys(): string[] {
    return this.index.files().filter((f) => (this.index.get(f)?.sites.length ?? 0) > 0);
  }

  /** Hover text for a key construction at `position`, or undefined. */
  hover(uri: string, position: Position): string | undefined {
    const label = (file: string) => {
      for (const folder of this.ctx.configs.folderPaths()) {
        const rel = relativeInside(folder, file);
        if (rel !== undefined) return rel;
      }
      return file;
    };
    return keyHover(this.index, fileOfUri(uri), position, label, this.ctx.configs.place(uri).config);
  }

  /** Stops timers and the scan. */
  dispose(): void {
    if (this.scanToken) this.scanToken.isCancellationRequested = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
