/**
 * The rule registry: every rule is listed here once. Documentation index, settings schema and
 * SARIF rule descriptors are generated from this list (see scripts/generate.ts).
 */
import type { RuleMeta } from '../types.js';
import { inactiveOwner } from './actionables/inactive-owner.js';
import { missingTag } from './actionables/missing-tag.js';
import { noOwner } from './actionables/no-owner.js';
import { noTask } from './actionables/no-task.js';
import { none } from './actionables/none.js';
import { personOnlyOwner } from './actionables/person-only-owner.js';
import { unknownOwner } from './actionables/unknown-owner.js';
import { vague } from './actionables/vague.js';
import { noAlertingActionable } from './detection/no-alerting-actionable.js';
import { impactDataLossUnstated } from './impact/data-loss-unstated.js';
import { impactMissing } from './impact/missing.js';
import { impactNoDuration } from './impact/no-duration.js';
import { impactNotQuantified } from './impact/not-quantified.js';
import { metadataInvalid } from './metadata/invalid.js';
import { emptySection } from './report/empty-section.js';
import { missingSection } from './report/missing-section.js';
import { placeholder } from './report/placeholder.js';
import { tooComplex } from './report/too-complex.js';
import { blame } from './style/blame.js';
import { relativeDate } from './style/relative-date.js';
import { metadataMismatch } from './timeline/metadata-mismatch.js';
import { missingMilestone } from './timeline/missing-milestone.js';
import { noTimezone } from './timeline/no-timezone.js';
import { outOfOrder } from './timeline/out-of-order.js';
import { unparseableTime } from './timeline/unparseable-time.js';
import { zoneMismatch } from './timeline/zone-mismatch.js';
import { declaredScope } from './keys/declared-scope.js';
import { forgedKey } from './keys/forged-key.js';
import { handBuiltKey } from './keys/hand-built-key.js';
import { mixedScope } from './keys/mixed-scope.js';
import { removedHelper } from './keys/removed-helper.js';
import { sharedKeyBuiltLocal } from './keys/shared-key-built-local.js';
import { unownedCode } from './keys/unowned-code.js';
import { unscopedKey } from './keys/unscoped-key.js';
import type { KeyRule, ReportRule } from './rule.js';
import { unknownRule } from './suppression/unknown-rule.js';

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
  noTimezone,
  unparseableTime,
  zoneMismatch,
  outOfOrder,
  missingMilestone,
  metadataMismatch,
  noAlertingActionable,
  none,
  noTask,
  noOwner,
  unknownOwner,
  inactiveOwner,
  personOnlyOwner,
  vague,
  missingTag,
  blame,
  relativeDate,
  tooComplex,
];

/** Report rules that look inside one chunk at a time (see `ReportRule.scope`). */
export const CHUNK_RULES: readonly ReportRule[] = REPORT_RULES.filter((r) => r.scope === 'chunk');

/** Report rules that need the whole report. */
export const DOCUMENT_RULES: readonly ReportRule[] = REPORT_RULES.filter((r) => r.scope !== 'chunk');

/** Rules that check cache key construction in PHP, in documentation order. */
export const KEY_RULES: readonly KeyRule[] = [forgedKey, sharedKeyBuiltLocal, mixedScope, declaredScope, unscopedKey, handBuiltKey, removedHelper, unownedCode];

/** Metadata of every rule, reports and PHP alike; the rule runner itself checks suppression comments. */
export const ALL_RULES: readonly RuleMeta[] = [...REPORT_RULES.map((r) => r.meta), ...KEY_RULES.map((r) => r.meta), unknownRule.meta];

/** Every rule id, for config validation. */
export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export { docsUrl } from './rule.js';
