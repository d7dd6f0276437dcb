/**
 * The one place that turns a report's text into a snapshot. It keeps one core `ReportSession`
 * per document: the next version of the document reuses the facts of every chunk that did not
 * change. Runs inside an analysis worker, or on the calling thread when there are no workers.
 */
import { ReportSession } from '../core/check.js';
import type { SessionStats } from '../core/report/session.js';
import type { ResolvedConfig } from '../core/config/config.js';
import { MarkdownParser, type ParseHelp } from '../core/markdown/parse.js';
import { throwIfCancelled, type CancellationToken } from '../core/types.js';
import { exportReport, type ExportFormat } from '../core/export/report-export.js';
import type { OverviewFormat, OverviewInput } from '../core/export/index.js';
import type { RenderOverview } from './report-job.js';
import { buildReport } from '../core/report/model.js';
import { ownersListOf } from '../core/owners/index.js';
import { readTextFile } from './read.js';
import { minimalEdit } from '../core/fix/apply.js';
import { fixReport } from '../core/fix/report.js';
import { configForReport } from '../core/report/profile-detect.js';
import { Templates } from './templates.js';
import { snapshotOf, type ReportSnapshot } from './report-snapshot.js';
import { EntryTableBuilder } from './entry-table.js';
import { helpParse, type ParseHelpEnd } from './parse-help.js';

/** A report for the overview: where it is, its text when it is open in the editor, its configuration. */
export interface OverviewFile {
  /** Path shown in the overview. */
  file: string;
  /** Absolute path. */
  path: string;
  text?: string;
  config: ResolvedConfig;
}

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
  /** The entry table builders of the documents, by key (`entry-table.ts`). */
  private readonly tables = new Map<string, EntryTableBuilder>();
  /**
   * One object per distinct configuration, by its JSON. A configuration reaches a worker as a
   * new copy with every version, and a session starts over when its configuration object
   * changes: without this, every version in a worker would be analysed from scratch.
   */
  private readonly configs = new Map<string, ResolvedConfig>();

  /**
   * Analyses `input`; throws the core's `CancelledError` when `token` asks to stop. `help`, another
   * thread, parses some of the chunks meanwhile (`parse-help.ts`).
   */
  analyse(input: AnalysisInput, token?: CancellationToken, help?: ParseHelp): ReportSnapshot {
    const configured = this.known(input.config);
    const check = this.session(input.key).check(input.file, input.text, configured, token, undefined, help);
    // The report's own profile (configured, or the template its headings follow) decides the template.
    const config = configForReport(configured, check.report.profile);
    const snapshot = snapshotOf(check, config, this.templates.get(config.profile.name), this.parser, this.table(input.key));
    if (input.fixAll) {
      const context = { config: input.config, parser: this.parser, templateFor: (profile: string) => this.templates.get(profile) };
      const fixed = fixReport(input.file, input.text, context, token).text;
      if (fixed !== input.text) snapshot.fixAll = minimalEdit(input.text, fixed);
    }
    return snapshot;
  }

  /**
   * Exports one report. With a `key`, from the document's session: the export of the version
   * the editor shows costs what an analysis of it does (nothing more when it was analysed).
   */
  exportReport(input: Omit<AnalysisInput, 'key'> & { key?: string }, format: ExportFormat, token?: CancellationToken): string {
    const session = input.key === undefined ? new ReportSession(this.parser) : this.session(input.key);
    const { report, findings } = session.check(input.file, input.text, this.known(input.config), token);
    return exportReport(report, findings, format);
  }

  /**
   * The overview of `files`, rendered by `render` (`exportOverview`); a file without `text` is read
   * from disk, and one that cannot be read is left out, with the reason.
   */
  overview(files: readonly OverviewFile[], format: OverviewFormat, now: number, render: RenderOverview, token?: CancellationToken): { content: string; skipped: { path: string; reason: string }[] } {
    const inputs: OverviewInput[] = [];
    const skipped: { path: string; reason: string }[] = [];
    for (const f of files) {
      throwIfCancelled(token);
      let text = f.text;
      if (text === undefined) {
        const read = readTextFile(f.path);
        if (!read.ok) {
          skipped.push({ path: f.path, reason: read.reason });
          continue;
        }
        text = read.text;
      }
      const config = this.known(f.config);
      inputs.push({ file: f.file, report: buildReport(f.path, text, this.parser, config, token), owners: ownersListOf(config) });
    }
    return { content: render(inputs, format, now), skipped };
  }

  /** The session of document `key`, made the most recently used. */
  private session(key: string): ReportSession {
    let session = this.sessions.get(key);
    if (session) this.sessions.delete(key);
    else session = new ReportSession(this.parser);
    this.sessions.set(key, session);
    // A CLI run passes every file once: keep the sessions of the documents in use, not of all.
    if (this.sessions.size > MAX_SESSIONS) this.forget(this.sessions.keys().next().value!);
    return session;
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

  /** Parses the chunks of `text` that it claims for the worker analysing it (`parse-help.ts`); returns how many. */
  helpParse(text: string, end: ParseHelpEnd): number {
    return helpParse(new MarkdownParser(), text, end);
  }

  /** What the last analysis of the document `key` did: chunks, and chunks read again. */
  stats(key: string): SessionStats | undefined {
    return this.sessions.get(key)?.stats;
  }

  /** Drops the state kept for a document (it was closed). */
  forget(key: string): void {
    this.sessions.get(key)?.close();
    this.sessions.delete(key);
    this.tables.delete(key);
  }

  /** The entry table builder of document `key` (kept while its session is). */
  private table(key: string): EntryTableBuilder {
    let builder = this.tables.get(key);
    if (!builder) this.tables.set(key, (builder = new EntryTableBuilder()));
    return builder;
  }
}
