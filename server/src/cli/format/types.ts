import type { ResolvedConfig } from '../../core/config/config.js';
import type { ReportProfile } from '../../core/report/profile-detect.js';
import type { Metrics, Milestones } from '../../core/report/types.js';
import type { Finding } from '../../core/types.js';

/** One checked report: its absolute path, profile and metrics. */
export interface CheckedReport {
  file: string;
  title?: string;
  /** The profile it was checked against, and whether it was configured or found from its headings. */
  profile?: { name: string; source: ReportProfile['source'] };
  metrics: Metrics;
  /** The milestones behind the metrics, with where each came from. */
  milestones?: Milestones;
}

/** Everything a formatter prints: the outcome of one `check` run. */
export interface CheckRun {
  /** Directory paths are shown relative to in text and JSON output. */
  cwd: string;
  /** Workspace root: SARIF locations are relative to it. */
  root: string;
  config: ResolvedConfig;
  reports: CheckedReport[];
  /** Findings of every checked file (absolute `file`), sorted by file, then position. */
  findings: Finding[];
  /** How many files were checked (reports and PHP files that could be read). */
  filesChecked: number;
  /** The process environment, for formats that follow their host (GITHUB_WORKSPACE). */
  env?: Record<string, string | undefined>;
  /** Markdown files looked at, and how many of them were taken as reports. */
  markdown: { lookedAt: number; reports: number };
}

/** Turns a run into the text written to stdout. */
export type Formatter = (run: CheckRun, options: { color: boolean; version: string }) => string;
