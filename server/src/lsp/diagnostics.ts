/**
 * Diagnostics for reports. Pull (`textDocument/diagnostic`, `workspace/diagnostic`) when the
 * client supports it; otherwise the server pushes `publishDiagnostics`, debounced so that a burst
 * of typing is analysed once.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../core/rules/rule.js';
import { throwIfCancelled, type Finding, type Severity } from '../core/types.js';
import type { ReportAnalysis } from './analysis.js';
import { cancellable, nextTurn, type RequestToken } from './cancellation.js';
import type { ServerContext } from './context.js';
import { documentUri } from './params.js';
import { fileOfUri, uriOfFile } from './uris.js';

/** Name shown next to every diagnostic. */
export const SOURCE = 'incident-scribe';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core finding as an LSP diagnostic; related file names become URIs (relative ones against `folder`). */
export function toDiagnostic(finding: Finding, folder?: string): Diagnostic {
  // A finding without a rule says that the report could not be checked at all.
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    ...(finding.ruleId ? { code: finding.ruleId, codeDescription: { href: docsUrl(finding.ruleId) } } : {}),
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: uriOfFile(r.file, folder), range: r.range }, message: r.message }));
  }
  return diagnostic;
}

/** The diagnostics of one analysis. */
export function diagnosticsOf(analysis: ReportAnalysis): Diagnostic[] {
  return analysis.snapshot.findings.map((f) => toDiagnostic(f, analysis.folder));
}

function resultId(analysis: ReportAnalysis): string {
  return `${analysis.generation}.${analysis.version}`;
}

/** Timing of the debounce; tests may shorten it. */
export interface DiagnosticsOptions {
  /** Quiet time after the last edit before a push-mode analysis. */
  pushDelayMs: number;
  /**
   * Wait before a pull analyses a version it has not seen. Analyses start when a report changes
   * and a newer version cancels them in their worker, so no wait is needed by default.
   */
  pullDelayMs: number;
}

/** Keeps the client's diagnostics current, by pull or by push. */
export class Diagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Closed files that were pushed findings, so that they can be cleared. */
  private readonly publishedClosed = new Set<string>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: DiagnosticsOptions = { pushDelayMs: 200, pullDelayMs: 0 },
  ) {}

  /** The intentional wait before a pull analyses a new version (reported to benchmarks). */
  get pullDelayMs(): number {
    return this.options.pullDelayMs;
  }

  /** The diagnostics of an open document, with the id of the state they describe. */
  private async resultFor(doc: TextDocument, token?: RequestToken): Promise<{ resultId: string; items: Diagnostic[] } | undefined> {
    const kind = this.ctx.analyzer.kind(doc);
    if (kind === 'report') {
      const analysis = await this.freshReport(doc, token);
      return analysis && { resultId: resultId(analysis), items: diagnosticsOf(analysis) };
    }
    if (kind !== 'php') return undefined;
    await this.ctx.keys.update(doc);
    throwIfCancelled(token);
    const folder = this.ctx.configs.place(doc.uri).folder;
    const findings = this.ctx.keys.findings(fileOfUri(doc.uri), token);
    return { resultId: `k${this.ctx.keys.generation}.${this.ctx.configs.generation}.${doc.version}`, items: findings.map((f) => toDiagnostic(f, folder)) };
  }

  /**
   * The analysis of `doc` at the version it has now, or of a newer one: a result for an older
   * version (one still finishing in its worker, say) is never the answer. When the analysis this
   * request waits for is withdrawn because the document changed again, the newer version's is
   * awaited instead (it is usually under way already).
   */
  private async freshReport(doc: TextDocument, token?: RequestToken): Promise<ReportAnalysis | undefined> {
    // Open documents are updated in place: `doc` always holds the newest text.
    for (let version = doc.version; ; version = doc.version) {
      try {
        return await this.ctx.analyzer.report(doc, token);
      } catch (error) {
        // Replaced by a newer version: analyse that one, unless this request was cancelled.
        const open = this.ctx.documents.get(doc.uri) === doc;
        if ((error as Error).name !== 'CancelledError' || token?.isCancellationRequested || !open || doc.version === version) throw error;
      }
    }
  }

  /** Diagnostics of a PHP file that is not open (its key findings against the whole index). */
  private closedFileResult(file: string, token?: RequestToken): { uri: string; resultId: string; items: Diagnostic[] } {
    const uri = uriOfFile(file);
    const folder = this.ctx.configs.place(uri).folder;
    const items = this.ctx.keys.findings(file, token).map((f) => toDiagnostic(f, folder));
    return { uri, resultId: `k${this.ctx.keys.generation}.${this.ctx.configs.generation}`, items };
  }

  /** Installs the pull handlers when the client pulls. */
  register(): void {
    if (!this.ctx.features.pullDiagnostics) return;
    const { connection } = this.ctx;
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = documentUri(params);
      await this.ctx.configs.settled();
      const first = this.ctx.documents.get(uri);
      if (!first) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (this.ctx.analyzer.kind(first) === 'report' && !this.ctx.analyzer.cached(first)) await nextTurn(this.options.pullDelayMs);
      return cancellable(token, async (t): Promise<DocumentDiagnosticReport> => {
        const result = await this.resultFor(this.ctx.documents.get(uri) ?? first, t);
        if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.items };
      });
    });
    connection.languages.diagnostics.onWorkspace(async (params, token) => {
      await this.ctx.configs.settled();
      const previous = new Map((params?.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      return cancellable(token, async (t) => {
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        const add = (uri: string, version: number | null, result: { resultId: string; items: Diagnostic[] }) =>
          items.push(
            previous.get(uri) === result.resultId
              ? { uri, version, kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId }
              : { uri, version, kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.items },
          );
        for (const doc of this.ctx.documents.all()) {
          const result = await this.resultFor(doc, t);
          if (result) add(doc.uri, doc.version, result);
        }
        // Closed PHP files: a key site typed in an open file can give them findings.
        for (const file of this.ctx.keys.filesWithKeys()) {
          const result = this.closedFileResult(file, t);
          if (!this.ctx.documents.get(result.uri)) add(result.uri, null, result);
        }
        return { items };
      });
    });
  }

  /**
   * The key index changed: the findings of these files (or of all) may differ. Pull clients are
   * asked to pull again; push clients get the new diagnostics, closed files included.
   */
  filesAffected(files: string[] | 'all'): void {
    if (this.ctx.features.pullDiagnostics) {
      if (this.ctx.features.diagnosticRefresh) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    const uris =
      files === 'all'
        ? [...this.ctx.documents.all().map((d) => d.uri), ...this.ctx.keys.filesWithKeys().map((f) => uriOfFile(f)), ...this.publishedClosed]
        : files.map((f) => uriOfFile(f));
    for (const uri of new Set(uris)) {
      if (this.ctx.documents.get(uri)) this.schedule(uri, 0);
      else this.pushClosed(uri);
    }
  }

  private pushClosed(uri: string): void {
    const result = this.closedFileResult(fileOfUri(uri));
    if (result.items.length === 0 && !this.publishedClosed.has(uri)) return;
    if (result.items.length) this.publishedClosed.add(uri);
    else this.publishedClosed.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: result.items });
  }

  /** A document was opened or edited. */
  changed(doc: TextDocument): void {
    this.ctx.analyzer.prefetch(doc);
    if (this.ctx.features.pullDiagnostics) {
      // Other files' findings depend on an open PHP file: index it even if only it is pulled.
      if (this.ctx.analyzer.kind(doc) === 'php') this.ctx.keys.changed(doc);
      return;
    }
    this.publishedClosed.delete(doc.uri);
    this.schedule(doc.uri, this.options.pushDelayMs);
  }

  /** A document was closed: its pushed diagnostics go with it. */
  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.ctx.features.pullDiagnostics) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Configuration or the workspace changed: every open document's diagnostics may differ. */
  refreshAll(): void {
    if (this.ctx.features.pullDiagnostics) {
      if (this.ctx.features.diagnosticRefresh) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri, 0);
  }

  /** Stops pending work (the connection is going away). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri);
      }, delay),
    );
  }

  private async push(uri: string): Promise<void> {
    await this.ctx.configs.settled();
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    try {
      const result = await this.resultFor(doc);
      await this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result?.items ?? [] });
    } catch (error) {
      this.ctx.connection.console.error(`Incident Scribe: checking ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
