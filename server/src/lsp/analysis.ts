/**
 * Analysis of open documents. What a document is (report, PHP, configuration) and the
 * configuration it is checked under are worked out once per version and configuration
 * generation. Reports are analysed in worker threads (`node/report-workers.ts`) as soon as they
 * change; requests then share that one analysis, and those that can be answered from the last
 * snapshot (hover, symbols, code lens, completion, code actions) do not wait for a newer one.
 * An analysis of a version that has since been replaced is withdrawn if its worker has not
 * started it; a running one finishes (its snapshot answers hovers meanwhile), so that fresh
 * diagnostics arrive at least once per analysis time even while the user keeps typing.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResolvedConfig } from '../core/config/config.js';
import { isPhpPath } from '../core/keys/php-path.js';
import { isMarkdownPath } from '../core/report/is-report.js';
import { CancelledError, type CancellationToken, type Finding, type TextEdit } from '../core/types.js';
import { entryTable } from '../node/entry-table.js';
import type { ReportSnapshot } from '../node/report-snapshot.js';
import { AnalysisError, type AnalysisJob, type ReportWorkers } from '../node/report-workers.js';
import type { ConfigStore, DocumentPlace } from './config.js';
import { recordAnalysis, type ServerStats } from './context.js';
import { fileOfUri } from './uris.js';

/** What the server does with a document. */
export type DocumentKind = 'report' | 'php' | 'config' | 'other';

/** What is known about one version of a document under one configuration. */
export interface DocumentInfo {
  version: number;
  generation: number;
  kind: DocumentKind;
  place: DocumentPlace;
}

/** One analysed version of a report. */
export interface ReportAnalysis {
  uri: string;
  version: number;
  generation: number;
  config: ResolvedConfig;
  /** Folder path the report belongs to, for resolving relative file names. */
  folder?: string;
  snapshot: ReportSnapshot;
}

interface InFlight {
  version: number;
  generation: number;
  job: AnalysisJob;
  promise: Promise<ReportAnalysis>;
  /** Requests waiting for it; the job is withdrawn when the last one gives up. */
  waiters: number;
}

/** Analyses open documents in the workers and keeps the latest result of each. */
export class Analyzer {
  private readonly infos = new Map<string, DocumentInfo>();
  private readonly latestByUri = new Map<string, ReportAnalysis>();
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly configs: ConfigStore,
    private readonly workers: ReportWorkers,
    private readonly stats: ServerStats,
  ) {}

  /** Kind and configuration of `doc`, worked out once per version and configuration generation. */
  info(doc: TextDocument): DocumentInfo {
    const known = this.infos.get(doc.uri);
    if (known && known.version === doc.version && known.generation === this.configs.generation) return known;
    const place = this.configs.place(doc.uri);
    const info: DocumentInfo = { version: doc.version, generation: this.configs.generation, kind: this.kindOf(doc, place), place };
    this.infos.set(doc.uri, info);
    return info;
  }

  /** Whether `doc` is a report, PHP, a configuration file or something the server ignores. */
  kind(doc: TextDocument): DocumentKind {
    return this.info(doc).kind;
  }

  private kindOf(doc: TextDocument, place: DocumentPlace): DocumentKind {
    if (this.configs.isConfigFile(doc.uri)) return 'config';
    const path = fileOfUri(doc.uri);
    if (doc.languageId === 'php' || isPhpPath(path)) return 'php';
    const markdown = doc.languageId === 'markdown' || isMarkdownPath(path);
    if (!markdown) return 'other';
    const rel = isMarkdownPath(place.relativePath) ? place.relativePath : place.relativePath + '.md';
    return place.isReport(rel, doc.getText()) ? 'report' : 'other';
  }

  /** The analysis of the current version if it is already known. */
  cached(doc: TextDocument): ReportAnalysis | undefined {
    const hit = this.latestByUri.get(doc.uri);
    return hit && hit.version === doc.version && hit.generation === this.configs.generation ? hit : undefined;
  }

  /**
   * The most recent analysis of `doc` for answering at once: the current version's, else the last
   * one finished (positions may lag behind the latest edit); only when there is none yet, the
   * analysis of the current version is awaited. Undefined when `doc` is not a report.
   */
  async latest(doc: TextDocument, token?: CancellationToken): Promise<ReportAnalysis | undefined> {
    if (this.kind(doc) !== 'report') return undefined;
    return this.latestByUri.get(doc.uri) ?? this.report(doc, token);
  }

  /**
   * Starts analysing a report that just changed, so that the next pull finds it under way or
   * done; once the settings are known, so that it is the analysis the pull wants.
   */
  prefetch(doc: TextDocument): void {
    const version = doc.version;
    void this.configs.settled().then(() => {
      // Documents are updated in place: a newer version has started its own prefetch.
      if (doc.version === version && this.kind(doc) === 'report' && !this.cached(doc)) this.report(doc).catch(() => undefined);
    });
  }

  /**
   * The analysis of the current version of `doc` (undefined when it is not a report). Rejects
   * with the core's `CancelledError` when `token` is cancelled or a newer version replaced it.
   */
  async report(doc: TextDocument, token?: CancellationToken & { onCancellationRequested?: (listener: () => void) => unknown }): Promise<ReportAnalysis | undefined> {
    const hit = this.cached(doc);
    if (hit) return hit;
    const info = this.info(doc);
    if (info.kind !== 'report') return undefined;
    let flight = this.inFlight.get(doc.uri);
    if (!flight || flight.version !== doc.version || flight.generation !== info.generation) {
      flight?.job.withdraw();
      flight = this.start(doc, info);
    }
    const current = flight;
    current.waiters++;
    token?.onCancellationRequested?.(() => {
      if (--current.waiters <= 0) current.job.withdraw();
    });
    // A cancelled request answers at once, whether or not the analysis goes on.
    return token ? Promise.race([current.promise, cancelled(token)]) : current.promise;
  }

  private start(doc: TextDocument, info: DocumentInfo): InFlight {
    const { uri, version } = doc;
    const { generation, place } = info;
    const job = this.workers.analyse({ key: uri, file: fileOfUri(uri), text: doc.getText(), config: place.config });
    const promise = job.result.then(
      ({ snapshot, ms, cpuMs, stats }) => {
        recordAnalysis(this.stats, { uri, version, ms, cpuMs, ...(stats ? { chunks: { total: stats.chunks, analysed: stats.chunksAnalysed } } : {}) });
        return this.keep({ uri, version, generation, config: place.config, folder: place.folder, snapshot });
      },
      (error: AnalysisError) => {
        if (error.reason === 'cancelled') throw new CancelledError();
        // A crash, a time-out or a core error: the document gets one finding saying so, and the
        // server carries on with the other documents.
        return this.keep({ uri, version, generation, config: place.config, folder: place.folder, snapshot: failedSnapshot(fileOfUri(uri), error) });
      },
    );
    promise
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight.get(uri)?.promise === promise) this.inFlight.delete(uri);
      });
    const flight: InFlight = { version, generation, job, promise, waiters: 0 };
    this.inFlight.set(uri, flight);
    return flight;
  }

  /** Keeps `analysis` as the latest unless a newer version was kept meanwhile (a stale result is only returned). */
  private keep(analysis: ReportAnalysis): ReportAnalysis {
    const known = this.latestByUri.get(analysis.uri);
    if (!known || known.generation < analysis.generation || (known.generation === analysis.generation && known.version <= analysis.version)) {
      this.latestByUri.set(analysis.uri, analysis);
    }
    return analysis;
  }

  /**
   * The edit that applies every automatic fix to the current version of `doc` (fix-all), worked
   * out in the document's worker; undefined when there is nothing to fix or `doc` is not a report.
   */
  async fixAll(doc: TextDocument, token?: CancellationToken & { onCancellationRequested?: (listener: () => void) => unknown }): Promise<TextEdit | undefined> {
    const info = this.info(doc);
    if (info.kind !== 'report') return undefined;
    const job = this.workers.analyse({ key: doc.uri, file: fileOfUri(doc.uri), text: doc.getText(), config: info.place.config, fixAll: true });
    token?.onCancellationRequested?.(() => job.cancel());
    try {
      return (await job.result).snapshot.fixAll;
    } catch (error) {
      if ((error as AnalysisError).reason === 'cancelled') throw new CancelledError();
      return undefined;
    }
  }

  /** Drops what is known about a closed document. */
  forget(uri: string): void {
    this.inFlight.get(uri)?.job.cancel();
    this.inFlight.delete(uri);
    this.latestByUri.delete(uri);
    this.infos.delete(uri);
    this.workers.forget(uri);
  }
}

/** Rejects with `CancelledError` when `token` is cancelled (never settles otherwise). */
function cancelled(token: CancellationToken & { onCancellationRequested?: (listener: () => void) => unknown }): Promise<never> {
  return new Promise((_, reject) => {
    if (token.isCancellationRequested) reject(new CancelledError());
    token.onCancellationRequested?.(() => reject(new CancelledError()));
  });
}

/** The snapshot of a report whose analysis failed: one finding that says why, nothing else. */
function failedSnapshot(file: string, error: AnalysisError): ReportSnapshot {
  const message =
    error.reason === 'timeout'
      ? `This report was not checked: ${error.message}. Split it, or report the text that is slow to check.`
      : `This report could not be checked: ${error.message.split('\n')[0]}`;
  const finding: Finding = { ruleId: '', severity: 'info', file, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return { findings: [finding], sections: [], outline: [], timeline: { entries: entryTable([]), milestones: {}, milestoneEntries: {}, milestoneLenses: [], markers: new Int32Array(0) }, actionables: { items: [] }, metrics: {}, absent: [] };
}
