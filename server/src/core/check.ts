import type { ResolvedConfig } from './config/config.js';
import type { MarkdownParser } from './markdown/parse.js';
import { buildReport } from './report/model.js';
import type { Report } from './report/types.js';
import { REPORT_RULES } from './rules/index.js';
import type { RuleMeta } from './types.js';
import { parseSuppressions } from './suppress.js';
import { compareRanges, throwIfCancelled, type CancellationToken, type Finding, type RuleFinding, type Severity } from './types.js';

/** The outcome of checking one report. */
export interface ReportCheck {
  report: Report;
  findings: Finding[];
}

/** The severity a rule runs at under `config`, or `off`. */
export function effectiveSeverity(meta: RuleMeta, config: ResolvedConfig): Severity | 'off' {
  const configured = config.rules[meta.id];
  if (configured) return configured;
  if (meta.id === 'actionables/missing-tag' && config.requiredTags.length > 0 && meta.defaultSeverity === 'off') return 'warning';
  return meta.defaultSeverity;
}

/**
 * Parses and checks one incident report. A rule that throws is reported as a finding of its own
 * instead of taking the whole check down: one bad document never silences the others.
 */
export function checkReport(file: string, text: string, parser: MarkdownParser, config: ResolvedConfig, token?: CancellationToken): ReportCheck {
  const report = buildReport(file, text, parser, config, token);
  const suppressions = parseSuppressions(text, 'markdown');
  const findings: Finding[] = [];
  for (const rule of REPORT_RULES) {
    throwIfCancelled(token);
    const severity = effectiveSeverity(rule.meta, config);
    if (severity === 'off') continue;
    let found: RuleFinding[];
    try {
      found = rule.check({ report, config, token });
    } catch (error) {
      if ((error as Error).name === 'CancelledError') throw error;
      found = [{ message: `Internal error in rule ${rule.meta.id}: ${(error as Error).message}`, range: report.lines.lineRange(0) }];
    }
    for (const f of found) {
      if (suppressions.has(rule.meta.id, f.range.start.line)) continue;
      findings.push({ ...f, ruleId: rule.meta.id, severity, file });
    }
  }
  findings.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
  return { report, findings };
}
