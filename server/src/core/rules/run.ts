/**
 * Runs a list of rules on one file: the configured severity, a guard so that a rule that throws
 * becomes a finding instead of taking the check down, inline suppressions (and the
 * `suppression/unknown-rule` findings for ids they name that do not exist), and a stable order.
 * Report rules and key rules share it; only what a rule sees differs.
 */
import type { ResolvedConfig } from '../config/config.js';
import type { Suppressions } from '../suppress.js';
import { RULE_IDS } from './index.js';
import { unknownRule, unknownRuleFindings } from './suppression/unknown-rule.js';
import { compareRanges, throwIfCancelled, type CancellationToken, type Finding, type Range, type RuleFinding, type RuleMeta, type Severity } from '../types.js';

/** The severity a rule runs at under `config`, or `off`. */
export function effectiveSeverity(meta: RuleMeta, config: ResolvedConfig): Severity | 'off' {
  const configured = config.rules[meta.id];
  if (configured) return configured;
  if (meta.id === 'actionables/missing-tag' && config.requiredTags.length > 0 && meta.defaultSeverity === 'off') return 'warning';
  return meta.defaultSeverity;
}

/** What {@link runRules} needs besides the rules. */
export interface RunOptions {
  file: string;
  config: ResolvedConfig;
  suppressions: Suppressions;
  /** Where an internal error of a rule is reported. */
  errorRange: Range;
  token?: CancellationToken;
}

/** Runs each enabled rule with `context` and returns the findings, sorted by position. */
export function runRules<C>(rules: readonly { meta: RuleMeta; check(context: C): RuleFinding[] }[], context: C, options: RunOptions): Finding[] {
  const { file, config, suppressions, errorRange, token } = options;
  const findings: Finding[] = [];
  for (const rule of rules) {
    throwIfCancelled(token);
    const severity = effectiveSeverity(rule.meta, config);
    if (severity === 'off') continue;
    let found: RuleFinding[];
    try {
      found = rule.check(context);
    } catch (error) {
      if ((error as Error).name === 'CancelledError') throw error;
      found = [{ message: `Internal error in rule ${rule.meta.id}: ${(error as Error).message}`, range: errorRange }];
    }
    for (const f of found) {
      if (suppressions.has(rule.meta.id, f.range.start.line)) continue;
      findings.push({ ...f, ruleId: rule.meta.id, severity, file });
    }
  }
  // A suppression comment that names no rule silences nothing: say so, whatever the file's kind.
  const unknown = unknownRule.meta;
  const severity = effectiveSeverity(unknown, config);
  if (severity !== 'off' && suppressions.named.length > 0) {
    for (const f of unknownRuleFindings(suppressions, RULE_IDS)) {
      if (!suppressions.has(unknown.id, f.range.start.line)) findings.push({ ...f, ruleId: unknown.id, severity, file });
    }
  }
  return findings.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
}
