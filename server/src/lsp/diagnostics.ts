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
import type { Finding, Severity } from '../core/types.js';
import type { ReportAnalysis } from './analysis.js';
import { cancellable, nextTurn } from './cancellation.js';
import type { ServerContext } from './context.js';
import { documentUri } from './params.js';
import { uriOfFile } from './uris.js';

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
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
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
  return analysis.check.findings.map((f) => toDiagnostic(f, analysis.folder));
}

function resultId(analysis: ReportAnalysis): string {
  return `${analysis.generation}.${analysis.version}`;
}

/** Timing of the debounce; tests may shorten it. */
export interface DiagnosticsOptions {
  /** Quiet time after the last edit before a push-mode analysis. */
  pushDelayMs: number;
  /** Wait before a pull analyses a version it has not seen, so that the next keystroke can cancel it. */
  pullDelayMs: number;
}

/** Keeps the client's diagnostics current, by pull or by push. */
export class Diagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: DiagnosticsOptions = { pushDelayMs: 200, pullDelayMs: 60 },
  ) {}

  /** Installs the pull handlers when the client pulls. */
  register(): void {
    if (!this.ctx.features.pullDiagnostics) return;
    const { connection } = this.ctx;
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = documentUri(params);
      await this.ctx.configs.settled();
      const first = this.ctx.documents.get(uri);
      if (!first) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (!this.ctx.analyzer.cached(first)) await nextTurn(this.options.pullDelayMs);
      return cancellable(token, (t) => {
        const doc = this.ctx.documents.get(uri) ?? first;
        const analysis = this.ctx.analyzer.report(doc, t);
        if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const id = resultId(analysis);
        if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
        return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: diagnosticsOf(analysis) };
      });
    });
    connection.languages.diagnostics.onWorkspace(async (params, token) => {
      await this.ctx.configs.settled();
      const previous = new Map((params?.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      return cancellable(token, (t) => {
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        for (const doc of this.ctx.documents.all()) {
          const analysis = this.ctx.analyzer.report(doc, t);
          if (!analysis) continue;
          const id = resultId(analysis);
          items.push(
            previous.get(doc.uri) === id
              ? { uri: doc.uri, version: doc.version, kind: DocumentDiagnosticReportKind.Unchanged, resultId: id }
              : { uri: doc.uri, version: doc.version, kind: DocumentDiagnosticReportKind.Full, resultId: id, items: diagnosticsOf(analysis) },
          );
        }
        return { items };
      });
    });
  }

  /** A document was opened or edited. */
  changed(doc: TextDocument): void {
    if (this.ctx.features.pullDiagnostics) return;
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
      const analysis = this.ctx.analyzer.report(doc);
      await this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: analysis ? diagnosticsOf(analysis) : [] });
    } catch (error) {
      this.ctx.connection.console.error(`Incident Scribe: checking ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
