import { relative } from 'node:path';
import { toPosix } from '../../node/walk.js';
import { hasAutomaticFix } from '../../core/fix/report.js';
import { milestonesJson } from '../../core/report/timeline/summary.js';
import type { Formatter } from './types.js';

/**
 * Machine output, version 1: diagnostics with 1-based lines and columns (end exclusive, as in the
 * editor), whether `check --fix` repairs it (`fixable`), and each report's profile, metrics and
 * milestones (with where each came from); a metric or milestone that is not known is left out.
 */
export const formatJson: Formatter = (run) => {
  const file = (path: string) => toPosix(relative(run.cwd, path) || path);
  const output = {
    version: 1,
    diagnostics: run.findings.map((f) => ({
      file: file(f.file),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      ruleId: f.ruleId,
      message: f.message,
      fixable: hasAutomaticFix(f),
    })),
    reports: run.reports.map((r) => {
      const metrics: Record<string, number | string[]> = {};
      for (const key of ['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'] as const) {
        const value = r.metrics[key];
        if (typeof value === 'number' && Number.isFinite(value)) metrics[key] = value;
      }
      if (r.metrics.inferred) metrics.inferred = [...r.metrics.inferred];
      return { file: file(r.file), profile: r.profile?.name, metrics, milestones: milestonesJson(r.milestones ?? {}) };
    }),
  };
  return JSON.stringify(output, null, 2) + '\n';
};
