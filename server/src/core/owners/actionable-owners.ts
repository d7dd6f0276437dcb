/**
 * The owners an actionable names, matched against the owners list: each name with where it stands
 * in the document, and what the list knows of it. Shared by the owner rules, so that they agree
 * on how "@alice, SRE team" splits.
 */
import type { Actionable, Report } from '../report/types.js';
import type { LineIndex } from '../text.js';
import type { Range } from '../types.js';
import type { KnownOwner, OwnersList } from './list.js';

/** One name an actionable's owner value gives. */
export interface NamedOwner {
  name: string;
  range: Range;
  known?: KnownOwner;
}

/**
 * Placeholders are `report/placeholder`'s business, not an unknown person; a bare `@` is a handle
 * still being typed.
 */
const PLACEHOLDER = /^(?:<[^>]*>|tbd|tba|\?+|n\/a|@)$/i;

/** Splits an owner value ("@alice, SRE team and bob") into names. */
export function splitOwnerNames(value: string): string[] {
  return value
    .split(/\s*(?:,|;|&|\+|\band\b)\s*/i)
    .map((n) => n.trim().replace(/^[*_`]+|[*_`]+$/g, ''))
    .filter((n) => n.length > 0 && !PLACEHOLDER.test(n));
}

/** `/team` after `@org`, and `, name` / `and name` after an owner: the rest of an owner list. */
const TEAM_TAIL = /^\/[A-Za-z0-9][\w.-]*/;
const MORE = /^\s*(?:,|&|\+|\band\b)\s*(@[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?|[A-Za-z][\w.-]*(?: [A-Z][\w.-]*)?)/;

/**
 * The whole owner value in the item's text: the reader keeps the first owner of a list
 * ("Owner: alice, bob") and the organisation of a team handle (`@acme` of `@acme/platform`).
 */
function ownerValue(text: string, owner: string): { value: string; at: number } {
  const at = text.indexOf(owner);
  if (at === -1) return { value: owner, at };
  let end = at + owner.length;
  const tail = owner.startsWith('@') ? TEAM_TAIL.exec(text.slice(end)) : null;
  if (tail) end += tail[0].length;
  for (let more = MORE.exec(text.slice(end)); more; more = MORE.exec(text.slice(end))) end += more[0].length;
  return { value: text.slice(at, end), at };
}

/** The names `item` gives as owners, each located in the document and looked up in `list`. */
export function namedOwners(item: Actionable, lines: LineIndex, list: OwnersList): NamedOwner[] {
  if (!item.owner) return [];
  const scope = item.ownerCellRange ?? item.range;
  const from = lines.offsetAt(scope.start);
  const text = lines.text.slice(from, lines.offsetAt(scope.end));
  const { value, at: start } = ownerValue(text, item.owner);
  let cursor = Math.max(0, start);
  return splitOwnerNames(value).map((name) => {
    const at = text.indexOf(name, cursor);
    const range = at === -1 ? (item.textRange ?? item.range) : lines.rangeOf(from + at, from + at + name.length);
    if (at !== -1) cursor = at + name.length;
    return { name, range, known: list.find(name) };
  });
}

/**
 * The open actionables of `report`, each with the owners it names; nothing when the workspace has
 * no owners list, so that every owner rule is silent without one.
 */
export function openActionableOwners(report: Report, list: OwnersList): { item: Actionable; owners: NamedOwner[] }[] {
  if (list.isEmpty) return [];
  return report.actionables.items.filter((item) => item.done !== true).map((item) => ({ item, owners: namedOwners(item, report.lines, list) }));
}
