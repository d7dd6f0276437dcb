/**
 * Shared vocabulary of the core library. Positions follow LSP conventions (0-based lines,
 * UTF-16 code unit columns) so the language server passes them through untouched; the CLI
 * converts to 1-based when it prints.
 */

/** A place in a text: 0-based line, 0-based UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of text: `end` is just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

/** How loud a finding is. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity as configured: `off` disables the rule. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Cooperative cancellation: long-running work polls this between steps. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Thrown by core functions when their token is cancelled; callers treat it as "no result". */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Throws {@link CancelledError} when the token asks to stop. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

/** A replacement of one range of a file's text. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical repair offered for a finding (a quick fix in the editor). */
export interface Fix {
  title: string;
  /** Edits of the finding's own file unless `file` is given. */
  edits: TextEdit[];
  file?: string;
}

/** Another place that explains a finding (the other sites of a mixed-scope key, say). */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** What a rule reports, before the configured severity is applied. */
export interface RuleFinding {
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** A finding as callers see it: attributed to a rule and a file, with its final severity. */
export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
  file: string;
}

/**
 * Whether a rule repairs what it finds. `auto`: its fixes have a certain result, so
 * `check --fix` and the editor's fix-all apply them unasked; `suggestion`: its fixes are quick
 * fixes that a person picks and checks (a placeholder to fill in, a guessed duration);
 * `none`: it offers no fix.
 */
export type Fixability = 'auto' | 'suggestion' | 'none';

/** The words the docs and the rule index use for each {@link Fixability}. */
export const FIXABILITY_LABELS: Readonly<Record<Fixability, string>> = { auto: 'automatic', suggestion: 'quick fix', none: 'none' };

/** What kind of file a rule checks. */
export type RuleTarget = 'report' | 'php';

/** Static description of a rule: the registry, docs, settings schema and SARIF derive from it. */
export interface RuleMeta {
  /** `area/name`, e.g. `impact/no-duration`; also the docs page name. */
  id: string;
  defaultSeverity: SeveritySetting;
  /** One sentence: what the rule finds. */
  description: string;
  tags: readonly string[];
  fixable: Fixability;
  target: RuleTarget;
}

/** Comparison for sorting findings by position. */
export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}
