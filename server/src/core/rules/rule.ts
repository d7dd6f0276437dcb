import type { ResolvedConfig } from '../config/config.js';
import type { KeyIndex, ResolvedSite } from '../keys/key-index.js';
import type { Report } from '../report/types.js';
import type { CancellationToken, RuleFinding, RuleMeta } from '../types.js';

/** What a report rule sees. */
export interface ReportRuleContext {
  report: Report;
  config: ResolvedConfig;
  token?: CancellationToken;
}

/**
 * A check of incident reports: one per file under `rules/`, listed in `rules/index.ts`.
 *
 * `scope` says what the rule reads. A `chunk` rule looks only inside one chunk of the document
 * (the prose of one section, one actionable item): it runs once per chunk text and its findings
 * are kept with the chunk, so an edit elsewhere does not run it again. It then sees a report
 * that holds only that chunk: `text`, `lines`, `root` and `actionables.items` of the chunk, in
 * the chunk's coordinates, and nothing document-wide (sections, timeline, impact, metrics are
 * empty). A `document` rule (the default) sees the whole report and runs on every version.
 */
export interface ReportRule {
  meta: RuleMeta & { target: 'report' };
  scope?: 'chunk' | 'document';
  check(context: ReportRuleContext): RuleFinding[];
}

/** Where the rule docs live; `docs/rules/<id>.md` in the repository. */
export const DOCS_BASE_URL = 'https://github.com/incident-scribe/incident-scribe/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function docsUrl(ruleId: string): string {
  return DOCS_BASE_URL + ruleId + '.md';
}

/** What a cache key rule sees: one PHP file's key sites and the workspace index around them. */
export interface KeyRuleContext {
  file: string;
  /** The file's key sites, groups resolved. */
  sites: ResolvedSite[];
  index: KeyIndex;
  config: ResolvedConfig;
  token?: CancellationToken;
}

/** A check of PHP cache key construction: one per file under `rules/keys/`, listed in `rules/index.ts`. */
export interface KeyRule {
  meta: RuleMeta & { target: 'php' };
  check(context: KeyRuleContext): RuleFinding[];
}
