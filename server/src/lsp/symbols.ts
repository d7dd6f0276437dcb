/** Document symbols (the Outline view): sections as a tree, timeline milestones under Timeline. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TimelineEntry } from '../core/report/types.js';
import { entryAt } from '../node/entry-table.js';
import type { ReportSnapshot } from '../node/report-snapshot.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { displayUtc } from '../core/report/iso-date.js';
import { documentUri } from './params.js';
import { comparePositions } from './positions.js';

const MILESTONE_NAMES: Record<string, string> = { start: 'Impact start', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

function milestoneSymbol(entry: TimelineEntry): DocumentSymbol {
  const name = entry.milestones.map((m) => MILESTONE_NAMES[m] ?? m).join(', ');
  return {
    name,
    detail: entry.utc !== undefined ? displayUtc(entry.utc) : entry.text.slice(0, 80),
    kind: SymbolKind.Event,
    range: entry.range,
    selectionRange: entry.timeRange ?? entry.range,
  };
}

function sectionSymbol(index: number, report: ReportSnapshot): DocumentSymbol {
  const section = report.sections[index];
  const children = section.children.map((c) => sectionSymbol(c, report));
  if (index === report.timeline.section) {
    children.push(...report.timeline.entries.withMilestones.map((i) => milestoneSymbol(entryAt(report.timeline.entries, i))));
    children.sort((a, b) => comparePositions(a.range.start, b.range.start));
  }
  return {
    name: section.title || '(untitled)',
    kind: section.depth === 1 ? SymbolKind.File : SymbolKind.String,
    range: section.range,
    selectionRange: section.headingRange,
    children,
  };
}

/** The symbol tree of a report. */
export function reportSymbols(report: ReportSnapshot): DocumentSymbol[] {
  return report.outline.map((s) => sectionSymbol(s, report));
}

/** Installs `textDocument/documentSymbol`. */
export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(async (params, token): Promise<DocumentSymbol[]> => {
    const uri = documentUri(params);
    const doc = await openDocument(ctx, uri);
    if (!doc) return [];
    return cancellable(token, async (t) => {
      const snapshot = (await ctx.analyzer.latest(doc, t))?.snapshot;
      return snapshot ? reportSymbols(snapshot) : [];
    });
  });
}
