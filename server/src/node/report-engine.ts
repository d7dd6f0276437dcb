/**
 * The one place that turns a report's text into a snapshot. It keeps one core `ReportSession`
 * per document: the next version of the document reuses the facts of every chunk that did not
 * change. Runs inside an analysis worker, or on the calling thread when there are no workers.
 */
import { ReportSession } from '../core/check.js';
import type { SessionStats } from '../core/report/session.js';
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
  /**
   * One object per distinct configuration, by its JSON. A configuration reaches a worker as a
   * new copy with every version, and a session starts over when its configuration object
   * changes: without this, every version in a worker would be analysed from scratch.
   */
  private readonly configs = new Map<string, ResolvedConfig>();

  /** Analyses `input`; throws the core's `CancelledError` when `token` asks to stop. */
  analyse(input: AnalysisInput, token?: CancellationToken): ReportSnapshot {
    let session = this.sessions.get(input.key);
    if (session) this.sessions.delete(input.key);
    else session = new ReportSession(this.parser);
    this.sessions.set(input.key, session);
    // A CLI run passes every file once: keep the sessions of the documents in use, not of all.
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const configured = this.known(input.config);
    const check = session.check(input.file, input.text, configured, token);
    // The report's own profile (configured, or the template its headings follow) decides the template.
    const config = configForReport(configured, check.report.profile);
    const snapshot = snapshotOf(check, config, this.templates.get(config.profile.name), this.parser);
    if (input.fixAll) {
      const context = { config: input.config, parser: this.parser, templateFor: (profile: string) => this.templates.get(profile) };
      const fixed = fixReport(input.file, input.text, context, token).text;
      if (fixed !== input.text) snapshot.fixAll = minimalEdit(input.text, fixed);
    }
    return snapshot;
  }

  /** The configuration object already in use that equals `config`, or `config`. */
  private known(config: ResolvedConfig): ResolvedConfig {
    const key = JSON.stringify(config);
    const found = this.configs.get(key);
    if (found) return found;
    if (this.configs.size >= MAX_SESSIONS) this.configs.clear();
    this.configs.set(key, config);
    return config;
  }

  /** What the last analysis of the document `key` did: chunks, and chunks read again. */
  stats(key: string): SessionStats | undefined {
    return this.sessions.get(key)?.stats;
  }

  /** Drops the state kept for a document (it was closed). */
  forget(key: string): void {
    this.sessions.delete(key);
  }
}
