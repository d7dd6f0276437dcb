/**
 * Completion in reports: the profile's section headings at a line starting with `#`; in the
 * Timeline, an entry stamped with the current UTC time and milestone markers; anywhere, the task
 * ids already used in the open reports, and after `@` or an owner label the workspace's owners.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportSnapshot, SectionInfo } from '../node/report-snapshot.js';
import type { ReportAnalysis } from './analysis.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { nowStamp } from './format.js';
import { ownerCompletions } from './owner-completion.js';
import { documentPosition } from './params.js';

/** Characters after which the client should ask for completion without a word typed. */
export const COMPLETION_TRIGGERS = ['#', '[', '@'];

/** Milestone markers the timeline understands. */
export const MILESTONE_MARKERS = ['[start]', '[detected]', '[mitigated]', '[resolved]'];

const TASK_ID = /(?<![\w/])(?:phab:)?T\d{3,}\b/g;

function lineRange(position: Position, fromCharacter: number, toCharacter = position.character): Range {
  return { start: { line: position.line, character: fromCharacter }, end: { line: position.line, character: toCharacter } };
}

/** Headings of the profile that the report does not have yet. */
function headingItems(analysis: ReportAnalysis, position: Position, typed: string): CompletionItem[] {
  const report = analysis.snapshot;
  const hasTitle = report.sections.some((s) => s.depth === 1);
  const hashes = typed.match(/^#+/)?.[0] ?? '#';
  return report.absent.map((absent) => {
    const depth = (hasTitle ? 2 : 1) + (absent.parentTitle ? 1 : 0);
    const heading = '#'.repeat(depth) + ' ' + absent.title;
    return {
      label: absent.title,
      kind: CompletionItemKind.Module,
      detail: `${absent.required ? 'Required' : 'Optional'} section of the ${report.profile?.name ?? analysis.config.profile.name} profile${absent.parentTitle ? ` (under ${absent.parentTitle})` : ''}`,
      filterText: `${hashes} ${absent.title}`,
      sortText: `${absent.required ? 0 : 1}${String(absent.order).padStart(3, '0')}`,
      textEdit: { range: lineRange(position, 0), newText: heading },
    };
  });
}

/** The innermost section around `line`: the last heading at or above it, blank lines included. */
function sectionAt(report: ReportSnapshot, line: number): SectionInfo | undefined {
  let found: SectionInfo | undefined;
  for (const s of report.sections) {
    if (s.headingRange.start.line > line) break;
    found = s;
  }
  return found;
}

/** True when `line` is in the timeline section (or one of its subsections, such as date headings), not on its heading. */
function inTimeline(report: ReportSnapshot, line: number): boolean {
  for (let s = sectionAt(report, line); s; s = s.parent === undefined ? undefined : report.sections[s.parent]) {
    if (s.timeline) return s.headingRange.start.line !== line;
  }
  return false;
}

function timelineItems(ctx: ServerContext, doc: TextDocument, position: Position, before: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  const marker = /\[([a-z]*)$/.exec(before);
  if (marker) {
    const after = doc.getText(lineRange(position, position.character, position.character + 1));
    const range = lineRange(position, position.character - marker[0].length, position.character + (after === ']' ? 1 : 0));
    MILESTONE_MARKERS.forEach((m, i) =>
      items.push({ label: m, kind: CompletionItemKind.EnumMember, detail: 'Timeline milestone', sortText: String(i), filterText: m, textEdit: { range, newText: m } }),
    );
    return items;
  }
  const entryStart = /^(\s*)(?:[-*+]\s*)?[\d:T -]*$/.exec(before);
  if (entryStart) {
    const { date, time } = nowStamp();
    const stamp = `- ${date} ${time} UTC `;
    const snippet = ctx.features.snippets;
    items.push({
      label: `${date} ${time} UTC`,
      kind: CompletionItemKind.Snippet,
      detail: 'Timeline entry stamped now (UTC)',
      filterText: before.trim() || stamp,
      sortText: '0',
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: lineRange(position, entryStart[1].length), newText: snippet ? stamp + '$0' : stamp },
    });
  }
  return items;
}

/** Task ids written in the open reports, with where each was seen first. */
function knownTasks(ctx: ServerContext): Map<string, string> {
  const tasks = new Map<string, string>();
  for (const doc of ctx.documents.all()) {
    if (ctx.analyzer.kind(doc) !== 'report') continue;
    const name = doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
    for (const m of doc.getText().matchAll(TASK_ID)) {
      const id = m[0].replace(/^phab:/, '');
      if (!tasks.has(id)) tasks.set(id, name);
    }
  }
  return tasks;
}

function taskItems(ctx: ServerContext, position: Position, before: string): CompletionItem[] {
  const typed = /(?<![\w/])(?:phab:)?T\d*$/.exec(before);
  if (!typed) return [];
  const prefix = typed[0].startsWith('phab:') ? 'phab:' : '';
  const range = lineRange(position, position.character - typed[0].length);
  return [...knownTasks(ctx)].map(([id, where]) => ({
    label: prefix + id,
    kind: CompletionItemKind.Reference,
    detail: `Task used in ${decodeURIComponent(where)}`,
    textEdit: { range, newText: prefix + id },
  }));
}

/** Installs `textDocument/completion`. */
export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
    const { uri, position } = documentPosition(params);
    const doc = await openDocument(ctx, uri);
    if (!doc) return [];
    return cancellable(token, async (t) => {
      const analysis = await ctx.analyzer.latest(doc, t);
      if (!analysis) return [];
      const before = doc.getText(lineRange(position, 0));
      if (/^#{1,6}(?:\s[^#]*)?$/.test(before)) return headingItems(analysis, position, before);
      const items: CompletionItem[] = [];
      if (inTimeline(analysis.snapshot, position.line)) items.push(...timelineItems(ctx, doc, position, before));
      items.push(...taskItems(ctx, position, before));
      items.push(...ownerCompletions(analysis.config, position, before));
      return items;
    });
  });
}
