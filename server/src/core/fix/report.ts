/**
 * The fixes of a report's findings, and fixing a whole report: what `check --fix` and the
 * editor's fix-all (`source.fixAll.incidentScribe`) both run.
 */
import { checkReport, type ReportCheck } from '../check.js';
import type { ResolvedConfig } from '../config/config.js';
import type { MarkdownParser } from '../markdown/parse.js';
import { configForReport } from '../report/profile-detect.js';
import { insertSectionEdit, missingSections } from '../report/section-insert.js';
import { ALL_RULES } from '../rules/index.js';
import type { CancellationToken, Finding, Fix } from '../types.js';
import { fixText, type FindingFix, type FixOutcome } from './apply.js';

const AUTO = new Set(ALL_RULES.filter((r) => r.fixable === 'auto').map((r) => r.id));

/** True when `ruleId`'s fixes have a certain result, so fix-all may apply them unasked. */
export function isSafeFix(ruleId: string): boolean {
  return AUTO.has(ruleId);
}

/** What a report's fixes need besides the check: the profiles' templates and a parser to read them. */
export interface ReportFixContext {
  config: ResolvedConfig;
  parser: MarkdownParser;
  /**
   * The report template of a profile (`templates/<profile>.md`), asked for the profile the report
   * is checked against (configured or detected); without one a generic section is written.
   */
  templateFor(profile: string): string | undefined;
}

/**
 * The fixes of one finding: the ones the rule attached, and for `report/missing-section` the
 * insertion of the section from the report's profile's template at its place in that profile's order.
 */
export function reportFindingFixes(check: ReportCheck, finding: Finding, context: ReportFixContext): Fix[] {
  const own = finding.fixes ?? [];
  if (finding.ruleId !== 'report/missing-section') return own;
  const { profile } = configForReport(context.config, check.report.profile);
  const missing = missingSections(check.report, profile.sections).find((m) => finding.message.includes(`"${m.spec.title}"`));
  if (!missing) return own;
  const edit = insertSectionEdit(check.report, profile.sections, missing, context.templateFor(profile.name), context.parser);
  return [{ title: `Insert section "${missing.spec.title}"`, edits: [edit] }, ...own];
}

/** Whether `finding` carries a fix that `check --fix` and fix-all apply. */
export function hasAutomaticFix(finding: Finding): boolean {
  return isSafeFix(finding.ruleId) && (finding.fixes?.length ?? 0) > 0;
}

/** The safe fixes of a checked report, in finding order. */
export function safeReportFixes(check: ReportCheck, context: ReportFixContext): FindingFix[] {
  return check.findings.filter((f) => isSafeFix(f.ruleId)).flatMap((finding) => reportFindingFixes(check, finding, context).map((fix) => ({ finding, fix })));
}

/** Applies every safe fix to a report, checking it again after each pass; see {@link fixText}. */
export function fixReport(file: string, text: string, context: ReportFixContext, token?: CancellationToken): FixOutcome {
  return fixText(
    text,
    (current) => {
      const check = checkReport(file, current, context.parser, context.config, token);
      return { findings: check.findings, fixes: safeReportFixes(check, context) };
    },
    { token },
  );
}
