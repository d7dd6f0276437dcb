import type { Actionable } from '../../report/types.js';
import type { LineIndex } from '../../text.js';
import type { Fix, TextEdit } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** What the quick fix writes; report/placeholder flags it until someone fills it in. */
export const OWNER_PLACEHOLDER = '<name>';

/**
 * The edit that adds an owner placeholder: into an empty owner cell, at the end of a row's
 * description cell, or at the end of a list item's first line.
 */
export function ownerPlaceholderEdit(item: Actionable, lines: LineIndex): TextEdit {
  const text = lines.text;
  if (item.ownerCellRange) {
    let from = lines.offsetAt(item.ownerCellRange.start);
    let to = lines.offsetAt(item.ownerCellRange.end);
    if (text[from] === '|') from++;
    if (to > from && text[to - 1] === '|') to--;
    return { range: lines.rangeOf(from, to), newText: ` ${OWNER_PLACEHOLDER} ` };
  }
  const label = ` Owner: ${OWNER_PLACEHOLDER}`;
  if (item.source === 'table' && item.textRange) return { range: { start: item.textRange.end, end: item.textRange.end }, newText: label };
  const line = (item.textRange ?? item.range).start.line;
  let at = lines.lineEnd(line);
  const lineStart = lines.lineStart(line);
  while (at > lineStart && /\s/.test(text[at - 1])) at--;
  const position = lines.positionAt(at);
  return { range: { start: position, end: position }, newText: label };
}

/** An actionable that nobody owns. */
export const noOwner: ReportRule = {
  meta: {
    id: 'actionables/no-owner',
    defaultSeverity: 'warning',
    description: 'An open actionable has no owner (@handle, "Owner: name" or an owner column).',
    tags: ['actionables'],
    fixable: 'suggestion',
    target: 'report',
  },
  check({ report }) {
    return report.actionables.items
      .filter((item) => !item.owner && item.done !== true)
      .map((item) => {
        const fix: Fix = { title: 'Add an "Owner:" placeholder', edits: [ownerPlaceholderEdit(item, report.lines)] };
        return {
          message: 'Actionable has no owner: name who will drive it (@handle or "Owner: name").',
          range: item.range,
          fixes: [fix],
        };
      });
  },
};
