/**
 * The check of a report over the size limit: nothing is read, and the one finding says why.
 */
import type { AnalysisLimits, ResolvedConfig } from '../config/config.js';
import { REPORT_RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import { parseSuppressions } from '../suppress.js';
import type { LineIndex } from '../text.js';
import type { Finding } from '../types.js';
import { chooseProfile } from './profile-detect.js';
import type { Report } from './types.js';

/** An empty report for `text`, with its `report/too-complex` finding naming the size and the limit. */
export function tooLargeCheck(file: string, text: string, lines: LineIndex, config: ResolvedConfig, limits: AnalysisLimits): { report: Report; findings: Finding[] } {
  const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  const report: Report = {
    file,
    text,
    lines,
    root: { type: 'root', children: [] },
    sections: [],
    outline: [],
    profile: chooseProfile([], config),
    timeline: { entries: [], milestones: {}, stated: [] },
    actionables: { items: [] },
    metrics: {},
    unchecked: [{ range: lines.lineRange(0), reason: `the report is ${kb(text.length)}, over the size limit of ${kb(limits.maxReportBytes)}`, whole: true }],
  };
  const rules = REPORT_RULES.filter((r) => r.meta.id === 'report/too-complex');
  return { report, findings: runRules(rules, { report, config }, { file, config, suppressions: parseSuppressions('', 'markdown'), errorRange: lines.lineRange(0) }) };
}
