/**
 * Quick fixes: the fixes the rules attach to their findings (reports and PHP keys), "insert
 * missing section" from the profile's template, and "disable this rule on this line".
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types.js';
import type { ReportAnalysis } from './analysis.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { toDiagnostic } from './diagnostics.js';
import { documentRange } from './params.js';
import { rangesOverlap } from './positions.js';
import { fileOfUri, uriOfFile } from './uris.js';

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
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
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
    if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === '')) return [];
    const doc = await openDocument(ctx, uri);
    if (!doc) return [];
    if (ctx.analyzer.kind(doc) === 'php') {
      await ctx.keys.update(doc);
      return cancellable(token, (t) => quickFixes(doc, ctx.keys.findings(fileOfUri(uri), t), ctx.configs.place(uri).folder, range, 'php'));
    }
    return cancellable(token, async (t) => {
      const analysis = await ctx.analyzer.latest(doc, t);
      if (!analysis) return [];
      const insert = (finding: Finding, diagnostic: Diagnostic) => (finding.ruleId === 'report/missing-section' ? missingSectionActions(analysis, finding, diagnostic) : []);
      const actions = quickFixes(doc, analysis.snapshot.findings, analysis.folder, range, 'markdown', insert);
      // Confirm an inferred milestone, or move one, on the entry under the cursor.
      const { entries, milestoneFixes } = analysis.snapshot.timeline;
      entries.forEach((e, i) => {
        if (e.range.start.line > range.end.line || e.range.end.line < range.start.line) return;
        for (const fix of milestoneFixes[i] ?? []) actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: fix.edits } } });
      });
      return actions;
    });
  });
}
