/**
 * Code actions: the quick fixes of each finding (the fixes its rule attaches, "insert missing
 * section" from the profile's template, "disable this rule on this line"), the rewrites that
 * confirm or move a timeline milestone on the entry under the cursor, and fix-all
 * (`source.fixAll.incidentScribe`), which applies every automatic fix to the document as
 * `check --fix` does; the editor runs it on save when `editor.codeActionsOnSave` asks for it.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, chooseFixes, FIX_ALL_KIND, minimalEdit } from '../core/fix/apply.js';
import { isSafeFix } from '../core/fix/report.js';
import { lineBreakOf } from '../core/text.js';
import type { Finding } from '../core/types.js';
import type { ReportAnalysis } from './analysis.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { toDiagnostic } from './diagnostics.js';
import { documentRange } from './params.js';
import { rangesOverlap } from './positions.js';
import { fileOfUri, uriOfFile } from './uris.js';

/** The code action kind of fix-all; VS Code's `source.fixAll` on save includes it. */
export { FIX_ALL_KIND };

/** The title of fix-all, in the light bulb menu and the source action menu. */
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

/** Whether a request limited to `only` kinds wants actions of `kind` (`source` includes `source.fixAll.x`). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === '' || k === kind || kind.startsWith(k + '.'));
}

/** The fix-all action for `edit`; none when there is nothing to fix. */
function fixAllAction(uri: string, edit: TextEdit | undefined): CodeAction[] {
  return edit ? [{ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } }] : [];
}

/** The automatic fixes of a PHP file's key findings: one pass (they rename builders and do not interact). */
function phpFixAll(doc: TextDocument, findings: readonly Finding[]): TextEdit | undefined {
  const text = doc.getText();
  const safe = findings.filter((f) => isSafeFix(f.ruleId)).flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix })));
  const fixed = applyEdits(text, chooseFixes(text, safe).edits);
  return fixed === text ? undefined : minimalEdit(text, fixed);
}

function action(title: string, diagnostic: Diagnostic, changes: Record<string, TextEdit[]>, isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes }, ...(isPreferred ? { isPreferred } : {}) };
}

/**
 * The edit that silences `ruleId` on `line`. Markdown list items and table rows get a
 * `disable-line` comment at their end, because a comment line above them would split the list
 * or the table; everything else gets `disable-next-line` on a line of its own above.
 */
export function disableEdit(doc: TextDocument, line: number, ruleId: string, style: 'markdown' | 'php'): TextEdit {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  if (style === 'php') {
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// incident-scribe-disable-next-line ${ruleId}\n` };
  }
  if (/^\s*(?:[-*+]|\d+[.)])\s|^\s*\|/.test(text)) {
    const end = { line, character: text.length };
    return { range: { start: end, end }, newText: ` <!-- incident-scribe-disable-line ${ruleId} -->` };
  }
  const eol = lineBreakOf(doc.getText());
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- incident-scribe-disable-next-line ${ruleId} -->${eol}` };
}

function missingSectionActions(analysis: ReportAnalysis, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  // One finding names every missing section: one quick fix per section it names.
  const missing = analysis.snapshot.absent.filter((a) => a.insert && finding.message.includes(`"${a.title}"`));
  return missing.map((a, i) => action(`Insert section "${a.title}"`, diagnostic, { [analysis.uri]: [a.insert!] }, i === 0));
}

/**
 * The quick fixes for the `findings` of `doc` that touch `range`: each finding's own fixes, the
 * `extra` actions for it, and the disable comment.
 */
export function quickFixes(
  doc: TextDocument,
  findings: readonly Finding[],
  folder: string | undefined,
  range: Diagnostic['range'],
  style: 'markdown' | 'php',
  extra?: (finding: Finding, diagnostic: Diagnostic) => CodeAction[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!rangesOverlap(finding.range, range)) continue;
    const diagnostic = toDiagnostic(finding, folder);
    (finding.fixes ?? []).forEach((fix, i) => {
      const target = fix.file ? uriOfFile(fix.file, folder) : doc.uri;
      actions.push(action(fix.title, diagnostic, { [target]: fix.edits }, i === 0));
    });
    actions.push(...(extra?.(finding, diagnostic) ?? []));
    actions.push(action(`Disable ${finding.ruleId} on this line`, diagnostic, { [doc.uri]: [disableEdit(doc, finding.range.start.line, finding.ruleId, style)] }));
  }
  return actions;
}

/** Installs `textDocument/codeAction`. */
export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
    const { uri, range } = documentRange(params);
    const only = params.context?.only;
    const quick = wants(only, CodeActionKind.QuickFix);
    const rewrite = wants(only, CodeActionKind.RefactorRewrite);
    // The light bulb asks on every cursor move (triggerKind 2): fix-all waits until asked for.
    const fixAll = wants(only, FIX_ALL_KIND) && (only !== undefined || params.context?.triggerKind !== 2);
    if (!quick && !rewrite && !fixAll) return [];
    const doc = await openDocument(ctx, uri);
    if (!doc) return [];
    if (ctx.analyzer.kind(doc) === 'php') {
      await ctx.keys.update(doc);
      return cancellable(token, (t) => {
        const findings = ctx.keys.findings(fileOfUri(uri), t);
        const actions = quick ? quickFixes(doc, findings, ctx.configs.place(uri).folder, range, 'php') : [];
        if (fixAll) actions.push(...fixAllAction(uri, phpFixAll(doc, findings)));
        return actions;
      });
    }
    return cancellable(token, async (t) => {
      const actions: CodeAction[] = [];
      if (quick || rewrite) {
        const analysis = await ctx.analyzer.latest(doc, t);
        if (!analysis) return [];
        if (quick) {
          const insert = (finding: Finding, diagnostic: Diagnostic) => (finding.ruleId === 'report/missing-section' ? missingSectionActions(analysis, finding, diagnostic) : []);
          actions.push(...quickFixes(doc, analysis.snapshot.findings, analysis.folder, range, 'markdown', insert));
        }
        if (rewrite) {
          // Confirm an inferred milestone, or move one, on the entry under the cursor.
          const { entries, milestoneFixes } = analysis.snapshot.timeline;
          entries.forEach((e, i) => {
            if (e.range.start.line > range.end.line || e.range.end.line < range.start.line) return;
            for (const fix of milestoneFixes[i] ?? []) actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: fix.edits } } });
          });
        }
      }
      if (fixAll) actions.push(...fixAllAction(uri, await ctx.analyzer.fixAll(doc, t)));
      return actions;
    });
  });
}
