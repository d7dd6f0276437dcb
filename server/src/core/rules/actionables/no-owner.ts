import { ownersListOf } from '../../owners/index.js';
import { ownersNamedIn } from '../../owners/lookup.js';
import { ownerMention } from '../../owners/names.js';
import { labelNamesAuthor, reportAuthors } from '../../report/authors.js';
import type { Actionable } from '../../report/types.js';
import type { LineIndex } from '../../text.js';
import type { Fix, TextEdit } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** What the quick fix writes; report/placeholder flags it until someone fills it in. */
export const OWNER_PLACEHOLDER = '<name>';

/** Owners offered as quick fixes at most: the first ones, teams first. */
const MAX_SUGGESTED = 5;

/**
 * The edit that adds an owner (by default the placeholder): into an empty owner cell, at the end
 * of a row's description cell, or at the end of a list item's first line.
 */
export function ownerPlaceholderEdit(item: Actionable, lines: LineIndex, owner = OWNER_PLACEHOLDER): TextEdit {
  const text = lines.text;
  if (item.ownerCellRange) {
    let from = lines.offsetAt(item.ownerCellRange.start);
    let to = lines.offsetAt(item.ownerCellRange.end);
    if (text[from] === '|') from++;
    if (to > from && text[to - 1] === '|') to--;
    return { range: lines.rangeOf(from, to), newText: ` ${owner} ` };
  }
  const label = ` Owner: ${owner}`;
  if (item.source === 'table' && item.textRange) return { range: { start: item.textRange.end, end: item.textRange.end }, newText: label };
  const line = (item.textRange ?? item.range).start.line;
  let at = lines.lineEnd(line);
  const lineStart = lines.lineStart(line);
  while (at > lineStart && /\s/.test(text[at - 1])) at--;
  const position = lines.positionAt(at);
  return { range: { start: position, end: position }, newText: label };
}

/**
 * An actionable that nobody owns. Its quick fixes offer the owners of the components and paths the
 * actionable names, when the workspace has an owners list that knows them, then a placeholder.
 */
export const noOwner: ReportRule = {
  meta: {
    id: 'actionables/no-owner',
    defaultSeverity: 'warning',
    description: 'An open actionable has no owner (@handle, "Owner: name" or an owner column).',
    tags: ['actionables'],
    fixable: 'suggestion',
    target: 'report',
  },
  check({ report, config }) {
    const list = ownersListOf(config);
    const authors = reportAuthors(report);
    return report.actionables.items
      // "Hypha: make a proposal …": an author of the report named as the item's label owns it.
      .filter((item) => !item.owner && item.done !== true && !labelNamesAuthor(item.text, authors))
      .map((item) => {
        const suggested: Fix[] = ownersNamedIn(item.text, list)
          .slice(0, MAX_SUGGESTED)
          .map(({ owner, via }) => ({ title: `Make ${ownerMention(owner)} the owner (maintains ${via})`, edits: [ownerPlaceholderEdit(item, report.lines, ownerMention(owner))] }));
        const placeholder: Fix = { title: 'Add an "Owner:" placeholder', edits: [ownerPlaceholderEdit(item, report.lines)] };
        return {
          message: 'Actionable has no owner: name who will drive it (@handle or "Owner: name").',
          range: item.range,
          fixes: [...suggested, placeholder],
        };
      });
  },
};
