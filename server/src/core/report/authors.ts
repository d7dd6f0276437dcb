/**
 * The people and teams a report names as its authors: front matter `author` / `authors`, an
 * "Authors" section, or an "Authors:" field of the header ("- Authors: Hypha and Interchain
 * Labs"). An item of the action items that opens with one of these names as a label ("Hypha: make
 * a proposal …") names its owner the way minutes do.
 */
import { plainText } from '../markdown/prose.js';
import { openingNodes } from './sections.js';
import type { Report } from './types.js';

/** "Authors: …", "Author: …" at the start of a line. */
const AUTHORS_FIELD = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?authors?(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(.+)$/gim;
/** Between two names. */
const BETWEEN_NAMES = /\s*(?:,|;|&|\+|\/|\band\b|\n)\s*/i;

const known = new WeakMap<Report, Set<string>>();

/** Lower-cased names of the report's authors (see the module comment). */
export function reportAuthors(report: Report): Set<string> {
  let names = known.get(report);
  if (names) return names;
  names = new Set();
  const add = (value: string): void => {
    for (const part of value.split(BETWEEN_NAMES)) {
      const name = part.replace(/[@*_`]/g, '').trim().toLowerCase();
      if (name.length >= 2 && name.length <= 40) names!.add(name);
    }
  };
  const data = report.frontMatter?.data;
  for (const key of ['author', 'authors']) {
    const value = data?.[key];
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') add(v);
  }
  for (const section of report.sections) if (/^authors?$/.test(section.normalized)) add(plainText(section.content));
  // The header is the report's opening (`openingNodes`); a field far down is something else.
  for (const node of openingNodes(report.sections, report.root, report.text.length)) {
    const source = report.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    for (const m of source.matchAll(AUTHORS_FIELD)) add(m[1]);
  }
  known.set(report, names);
  return names;
}

/** "Hypha:", "Hypha + ICL:" at the start of an item: the label, when one of its names is an author. */
const LABEL = /^[ \t]*([^:\n]{2,60}?)[ \t]*:[ \t]+\S/;

/** Whether an item's words open with a label that names one of the report's authors. */
export function labelNamesAuthor(text: string, authors: ReadonlySet<string>): boolean {
  if (authors.size === 0) return false;
  const m = LABEL.exec(text);
  return m !== null && m[1].split(BETWEEN_NAMES).some((part) => authors.has(part.replace(/[*_`]/g, '').trim().toLowerCase()));
}
