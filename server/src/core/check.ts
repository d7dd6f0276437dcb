import type { ResolvedConfig } from './config/config.js';
import type { MarkdownParser } from './markdown/parse.js';
import { buildReport } from './report/model.js';
import { configForReport } from './report/profile-detect.js';
import type { Report } from './report/types.js';
import { REPORT_RULES } from './rules/index.js';
import { runRules } from './rules/run.js';
import { parseSuppressions } from './suppress.js';
import type { CancellationToken, Finding } from './types.js';

/** The outcome of checking one report. */
export interface ReportCheck {
  report: Report;
  findings: Finding[];
}

export { effectiveSeverity } from './rules/run.js';

/**
 * Parses and checks one incident report. A rule that throws is reported as a finding of its own
 * instead of taking the whole check down: one bad document never silences the others.
 */
export function checkReport(file: string, text: string, parser: MarkdownParser, config: ResolvedConfig, token?: CancellationToken): ReportCheck {
  const report = buildReport(file, text, parser, config, token);
  // The rules see the profile the report was read with.
  const own = configForReport(config, report.profile);
  const findings = runRules(REPORT_RULES, { report, config: own, token }, {
    file,
    config,
    suppressions: parseSuppressions(text, 'markdown'),
    errorRange: report.lines.lineRange(0),
    token,
  });
  return { report, findings };
}
