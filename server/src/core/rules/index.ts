/**
 * The rule registry: every rule is listed here once. Documentation index, settings schema and
 * SARIF rule descriptors are generated from this list (see scripts/generate.ts).
 */
import type { RuleMeta } from '../types.js';
import { emptySection } from './report/empty-section.js';
import { missingSection } from './report/missing-section.js';
import { metadataMismatch } from './timeline/metadata-mismatch.js';
import { missingMilestone } from './timeline/missing-milestone.js';
import { noTimezone } from './timeline/no-timezone.js';
import { outOfOrder } from './timeline/out-of-order.js';
import { unparseableTime } from './timeline/unparseable-time.js';
import type { ReportRule } from './rule.js';

/** Rules that check incident reports, in documentation order. */
export const REPORT_RULES: readonly ReportRule[] = [
  missingSection,
  emptySection,
  noTimezone,
  unparseableTime,
  outOfOrder,
  missingMilestone,
  metadataMismatch,
];

/** Metadata of every rule, reports and PHP alike. */
export const ALL_RULES: readonly RuleMeta[] = [...REPORT_RULES.map((r) => r.meta)];

/** Every rule id, for config validation. */
export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export { docsUrl } from './rule.js';
