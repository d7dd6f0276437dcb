/**
 * Applying fixes to a text: edits are placed by offset from the end, so earlier ones keep their
 * positions; fixes whose edits touch the same place as an already chosen fix wait for the next
 * pass, when they are computed again from the changed text.
 */
import { LineIndex } from '../text.js';
import { throwIfCancelled, type CancellationToken, type Finding, type Fix, type TextEdit } from '../types.js';

/**
 * The code action kind under which the language server offers fix-all and the VS Code client's
 * palette command asks for it: one string for both sides.
 */
export const FIX_ALL_KIND = 'source.fixAll.incidentScribe';

/** A fix for one finding, as fix-all offers it. */
export interface FindingFix {
  finding: Finding;
  fix: Fix;
}

/** A fix that was applied: which rule it repaired and what it did. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  /** 0-based line of the finding in the text the fix was computed on. */
  line: number;
}

/** The outcome of {@link fixText}. */
export interface FixOutcome {
  text: string;
  applied: AppliedFix[];
  /** Findings of the final text. */
  remaining: Finding[];
  /** How many times the text was checked. */
  passes: number;
}

/** Offsets of an edit; an insertion has `from === to`. */
interface Span {
  from: number;
  to: number;
  text: string;
}

function spans(lines: LineIndex, edits: readonly TextEdit[]): Span[] {
  return edits.map((e) => ({ from: lines.offsetAt(e.range.start), to: lines.offsetAt(e.range.end), text: e.newText }));
}

/** Two spans conflict when they overlap or insert at the same place (their order would be a guess). */
function conflicts(a: Span, b: Span): boolean {
  if (a.from === b.from) return true;
  return a.from < b.to && b.from < a.to;
}

/** Applies `edits`, which must not overlap, to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const s of spans(lines, edits).sort((a, b) => b.from - a.from || b.to - a.to)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

/**
 * Chooses, in finding order, the fixes that edit only this text and conflict with no fix chosen
 * before them; returns their edits and what they are.
 */
export function chooseFixes(text: string, fixes: readonly FindingFix[]): { edits: TextEdit[]; applied: AppliedFix[] } {
  const lines = new LineIndex(text);
  const taken: Span[] = [];
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const { finding, fix } of fixes) {
    if (fix.file !== undefined && fix.file !== finding.file) continue;
    const mine = spans(lines, fix.edits);
    if (mine.some((s, i) => mine.some((o, j) => j < i && conflicts(s, o)))) continue;
    if (mine.some((s) => taken.some((t) => conflicts(s, t)))) continue;
    taken.push(...mine);
    edits.push(...fix.edits);
    applied.push({ ruleId: finding.ruleId, title: fix.title, line: finding.range.start.line });
  }
  return { edits, applied };
}

/** How often a text is fixed and checked again at most: each pass settles at least one conflict. */
export const MAX_FIX_PASSES = 10;

/**
 * Fixes `text` until no safe fix is left: check, apply the fixes that do not conflict, check
 * again. Stops after {@link MAX_FIX_PASSES} passes, or when a pass would bring back a text seen
 * before (two fixes undoing each other).
 * @param check the findings of a text and the safe fixes among them
 */
export function fixText(
  text: string,
  check: (text: string) => { findings: Finding[]; fixes: FindingFix[] },
  options: { maxPasses?: number; token?: CancellationToken } = {},
): FixOutcome {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const seen = new Set([text]);
  const applied: AppliedFix[] = [];
  let current = check(text);
  let passes = 1;
  while (passes <= maxPasses) {
    throwIfCancelled(options.token);
    const chosen = chooseFixes(text, current.fixes);
    if (chosen.edits.length === 0) break;
    const next = applyEdits(text, chosen.edits);
    if (seen.has(next)) break;
    seen.add(next);
    text = next;
    applied.push(...chosen.applied);
    current = check(text);
    passes++;
  }
  return { text, applied, remaining: current.findings, passes };
}

/**
 * One edit that turns `before` into `after`, touching only the part between their common start
 * and end: an editor applying it keeps the cursor and folds outside that part.
 */
export function minimalEdit(before: string, after: string): TextEdit {
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const lines = new LineIndex(before);
  return { range: lines.rangeOf(head, before.length - tail), newText: after.slice(head, after.length - tail) };
}
