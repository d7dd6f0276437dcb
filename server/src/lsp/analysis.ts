/**
 * Analysis of open documents, cached per document version and configuration generation: a
 * diagnostic pull, a hover and a code lens on the same version share one parse and one check.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportSession, type ReportCheck } from '../core/check.js';
import type { ResolvedConfig } from '../core/config/config.js';
import type { MarkdownParser } from '../core/markdown/parse.js';
import { isMarkdownPath } from '../core/report/is-report.js';
import type { CancellationToken } from '../core/types.js';
import type { ConfigStore } from './config.js';
import type { ServerStats } from './context.js';
import { fileOfUri } from './uris.js';

/** What the server does with a document. */
export type DocumentKind = 'report' | 'php' | 'config' | 'other';

/** One checked version of a report. */
export interface ReportAnalysis {
  uri: string;
  version: number;
  generation: number;
  config: ResolvedConfig;
  /** Folder path the report belongs to, for resolving relative file names. */
  folder?: string;
  check: ReportCheck;
}

/** Checks open documents and remembers the result for the current version. */
export class Analyzer {
  private readonly cache = new Map<string, ReportAnalysis>();
  /** Per open report, the facts of its chunks: a new version re-reads only the chunks that changed. */
  private readonly sessions = new Map<string, ReportSession>();

  constructor(
    private readonly parser: MarkdownParser,
    private readonly configs: ConfigStore,
    private readonly stats: ServerStats,
  ) {}

  /** Whether `doc` is a report, PHP, a configuration file or something the server ignores. */
  kind(doc: TextDocument): DocumentKind {
    if (this.configs.isConfigFile(doc.uri)) return 'config';
    const path = fileOfUri(doc.uri);
    if (doc.languageId === 'php' || /\.(php|inc|phtml)$/i.test(path)) return 'php';
    const markdown = doc.languageId === 'markdown' || isMarkdownPath(path);
    if (!markdown) return 'other';
    const place = this.configs.place(doc.uri);
    const rel = isMarkdownPath(place.relativePath) ? place.relativePath : place.relativePath + '.md';
    return place.isReport(rel, doc.getText()) ? 'report' : 'other';
  }

  /** The analysis of the current version if it is already known. */
  cached(doc: TextDocument): ReportAnalysis | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version && hit.generation === this.configs.generation ? hit : undefined;
  }

  /**
   * Checks `doc` if it is a report (undefined otherwise). Synchronous: throws the core's
   * `CancelledError` when the token is cancelled part-way; nothing is cached then.
   */
  report(doc: TextDocument, token?: CancellationToken): ReportAnalysis | undefined {
    const hit = this.cached(doc);
    if (hit) return hit;
    if (this.kind(doc) !== 'report') return undefined;
    const place = this.configs.place(doc.uri);
    const generation = this.configs.generation;
    let session = this.sessions.get(doc.uri);
    if (!session) this.sessions.set(doc.uri, (session = new ReportSession(this.parser)));
    const check = session.check(fileOfUri(doc.uri), doc.getText(), place.config, token);
    this.stats.analyses++;
    const analysis: ReportAnalysis = { uri: doc.uri, version: doc.version, generation, config: place.config, folder: place.folder, check };
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  /** Drops what is known about a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.sessions.delete(uri);
  }
}
