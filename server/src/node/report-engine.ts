/**
 * The one place that turns a report's text into a snapshot. It keeps one core `ReportSession`
 * per document: the next version of the document reuses the facts of every chunk that did not
 * change. Runs inside an analysis worker, or on the calling thread when there are no workers.
 */
import { ReportSession } from '../core/check.js';
import type { ResolvedConfig } from '../core/config/config.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import type { CancellationToken } from '../core/types.js';
import { minimalEdit } from '../core/fix/apply.js';
import { fixReport } from '../core/fix/report.js';
import { configForReport } from '../core/report/profile-detect.js';
import { Templates } from './templates.js';
import { snapshotOf, type ReportSnapshot } from './report-snapshot.js';

/** What the caller asks for: one version of one document. */
export interface AnalysisInput {
  /** Key of the document (a URI in the server, a path in the CLI): its previous state is kept under it. */
  key: string;
  /** File path the findings are attributed to. */
  file: string;
  text: string;
  config: ResolvedConfig;
  /** Also work out the edit that applies every automatic fix (fix-all): several checks more. */
  fixAll?: boolean;
}

const MAX_SESSIONS = 64;

/** Analyses reports, remembering what the next version of the same document can reuse. */
export class ReportEngine {
  private readonly parser = new MarkdownParser();
  private readonly templates = new Templates();
  /** Sessions by document key, least recently used first. */
  private readonly sessions = new Map<string, ReportSession>();

  /** Analyses `input`; throws the core's `CancelledError` when `token` asks to stop. */
  analyse(input: AnalysisInput, token?: CancellationToken): ReportSnapshot {
    let session = this.sessions.get(input.key);
    if (session) this.sessions.delete(input.key);
    else session = new ReportSession(this.parser);
    this.sessions.set(input.key, session);
    // A CLI run passes every file once: keep the sessions of the documents in use, not of all.
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const check = session.check(input.file, input.text, input.config, token);
    // The report's own profile (configured, or the template its headings follow) decides the template.
    const config = configForReport(input.config, check.report.profile);
    const snapshot = snapshotOf(check, config, this.templates.get(config.profile.name), this.parser);
    if (input.fixAll) {
      const context = { config: input.config, parser: this.parser, templateFor: (profile: string) => this.templates.get(profile) };
      const fixed = fixReport(input.file, input.text, context, token).text;
      if (fixed !== input.text) snapshot.fixAll = minimalEdit(input.text, fixed);
    }
    return snapshot;
  }

  /** Drops the state kept for a document (it was closed). */
  forget(key: string): void {
    this.sessions.delete(key);
  }
}
