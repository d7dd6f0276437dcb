/**
 * The rule registry: every rule is listed here once. Documentation index, settings schema and
 * SARIF rule descriptors are generated from this list (see scripts/generate.ts).
 */
import type { RuleMeta } from '../types.js';
import { impactDataLossUnstated } from './impact/data-loss-unstated.js';
import { impactMissing } from './impact/missing.js';
import { impactNoDuration } from './impact/no-duration.js';
import { impactNotQuantified } from './impact/not-quantified.js';
import { metadataInvalid } from './metadata/invalid.js';
import { emptySection } from './report/empty-section.js';
import { missingSection } from './report/missing-section.js';
import { placeholder } from './report/placeholder.js';
import { blame } from './style/blame.js';
import { relativeDate } from './style/relative-date.js';
import type { ReportRule } from './rule.js';

/** Rules that check incident reports, in documentation order. */
export const REPORT_RULES: readonly ReportRule[] = [
  missingSection,
  emptySection,
  placeholder,
  metadataInvalid,
  impactMissing,
  impactNotQuantified,
  impactNoDuration,
  impactDataLossUnstated,
  blame,
  relativeDate,
];

/** Metadata of every rule, reports and PHP alike. */
export const ALL_RULES: readonly RuleMeta[] = [...REPORT_RULES.map((r) => r.meta)];

/** Every rule id, for config validation. */
export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export { docsUrl } from './rule.js';
