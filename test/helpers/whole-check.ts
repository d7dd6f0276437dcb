/**
 * The reference analysis: the report model read from the whole document at once and every
 * report rule run on it, chunk-scoped rules included (they see the whole document as one
 * chunk). The incremental session must give exactly this.
 */
import type { ResolvedConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import { configForReport } from '../../server/src/core/report/profile-detect.js';
import type { Report } from '../../server/src/core/report/types.js';
import { REPORT_RULES } from '../../server/src/core/rules/index.js';
import { runRules } from '../../server/src/core/rules/run.js';
import { parseSuppressions } from '../../server/src/core/suppress.js';
import { normalizeLineBreaks } from '../../server/src/core/text.js';
import type { Finding } from '../../server/src/core/types.js';

export function checkWhole(file: string, original: string, config: ResolvedConfig): { report: Report; findings: Finding[] } {
  const text = normalizeLineBreaks(original);
  const report = buildReport(file, text, new MarkdownParser(), config);
  // The rules see the profile the report was read with, as in the session.
  const findings = runRules(REPORT_RULES, { report, config: configForReport(config, report.profile) }, { file, config, suppressions: parseSuppressions(text, 'markdown'), errorRange: report.lines.lineRange(0) });
  return { report, findings };
}

/** What two analyses must agree on: findings and the model facts callers read. */
export function essentials(check: { report: Report; findings: Finding[] }): unknown {
  const { report, findings } = check;
  return {
    findings: findings.map((f) => ({ ...f })),
    title: report.title,
    impact: report.impact && { text: report.impact.text, range: report.impact.range, source: report.impact.source, section: report.impact.section?.title },
    timeline: { section: report.timeline.section?.title, declaredZone: report.timeline.declaredZone, entries: report.timeline.entries },
    actionables: { section: report.actionables.section?.title, items: report.actionables.items },
    metrics: report.metrics,
    sections: report.sections.map((s) => [s.title, s.depth, s.range]),
  };
}
