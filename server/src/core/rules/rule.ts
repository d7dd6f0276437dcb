import type { ResolvedConfig } from '../config/config.js';
import type { Report } from '../report/types.js';
import type { CancellationToken, RuleFinding, RuleMeta } from '../types.js';

/** What a report rule sees. */
export interface ReportRuleContext {
  report: Report;
  config: ResolvedConfig;
  token?: CancellationToken;
}

/** A check of incident reports: one per file under `rules/`, listed in `rules/index.ts`. */
export interface ReportRule {
  meta: RuleMeta & { target: 'report' };
  check(context: ReportRuleContext): RuleFinding[];
}

/** Where the rule docs live; `docs/rules/<id>.md` in the repository. */
export const DOCS_BASE_URL = 'https://github.com/incident-scribe/incident-scribe/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function docsUrl(ruleId: string): string {
  return DOCS_BASE_URL + ruleId + '.md';
}
