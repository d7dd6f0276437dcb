import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeTitle, sectionNames, type SectionSpec } from '../config/profiles.js';
import type { LineIndex } from '../text.js';
import { sourceNode } from '../markdown/parse.js';
import { coreTitle, sectionRole } from './heading-roles.js';
import type { Section } from './types.js';

/** A heading's title, normalized, and its core (see `coreTitle`). */
interface HeadingTitle {
  title: string;
  normalized: string;
  core?: string;
}

// The titles of the headings of the chunks' cached trees: every version builds the outline
// again, and a heading's title depends on its words only (not on where its chunk sits).
const titles = new WeakMap<Heading, HeadingTitle>();

function titleOf(node: Heading): HeadingTitle {
  const source = sourceNode(node);
  let found = titles.get(source);
  if (!found) {
    const title = toString(source).trim();
    titles.set(source, (found = { title, normalized: normalizeTitle(title) }));
  }
  return found;
}

/** Builds the section tree from the top-level headings of `root`. */
export function buildSections(root: Root, lines: LineIndex): { sections: Section[]; outline: Section[] } {
  const sections: Section[] = [];
  const outline: Section[] = [];
  const stack: Section[] = [];
  const docEnd = lines.text.length;
  for (const node of root.children) {
    if (node.type === 'heading') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      while (stack.length && stack[stack.length - 1].depth >= node.depth) close(stack.pop()!, start, lines);
      const heading = titleOf(node);
      const { title, normalized } = heading;
      const section: Section = {
        title,
        normalized,
        // The first heading is the title: "Impact of the cache outage" names the report, not a section.
        core: sections.length > 0 || node.depth > 1 ? (heading.core ??= coreTitle(normalized)) : normalized,
        depth: node.depth,
        heading: node as Heading,
        headingRange: lines.rangeOf(start, end),
        range: lines.rangeOf(start, docEnd),
        bodyStart: end,
        bodyEnd: docEnd,
        content: [],
        children: [],
        parent: stack[stack.length - 1],
      };
      if (section.parent) section.parent.children.push(section);
      else outline.push(section);
      sections.push(section);
      stack.push(section);
    } else if (stack.length) {
      const current = stack[stack.length - 1];
      if (current.children.length === 0) current.content.push(node as RootContent);
    }
  }
  while (stack.length) close(stack.pop()!, docEnd, lines);
  return { sections, outline };
}

function close(section: Section, end: number, lines: LineIndex): void {
  // Trailing blank lines belong to nobody: end the section after its last non-blank character.
  let e = end;
  while (e > section.bodyStart && /\s/.test(lines.text[e - 1])) e--;
  section.bodyEnd = Math.max(e, section.bodyStart);
  section.range = lines.rangeOf(section.heading.position?.start.offset ?? 0, section.bodyEnd);
}

/** True when a section and its subsections hold no content at all. */
export function isEmptySection(section: Section): boolean {
  return section.content.every(isBlankNode) && section.children.every(isEmptySection);
}

function isBlankNode(node: RootContent): boolean {
  // An HTML comment (a suppression directive, a template hint) is not content.
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** True when a section goes by one of `names` (normalized), as written or without its notes. */
export function sectionHasName(section: Pick<Section, 'normalized' | 'core'>, names: readonly string[]): boolean {
  return names.includes(section.normalized) || names.includes(section.core);
}

/** Sections whose title matches `spec` (by title or synonym), in document order. */
export function findSections(sections: Section[], spec: SectionSpec): Section[] {
  const byName = nameIndex(sections);
  const found = new Set<Section>();
  for (const name of namesOf(spec)) for (const s of byName.get(name) ?? []) found.add(s);
  if (found.size < 2) return [...found];
  const order = orderIndex(sections);
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

// Rules, profile detection and the snapshot look sections up by name many times per version: the
// sections of a version are indexed once by name (an array of sections is never changed after
// `buildSections`), and a spec's normalized names are worked out once.
const nameIndexes = new WeakMap<readonly Section[], Map<string, Section[]>>();
const orderIndexes = new WeakMap<readonly Section[], Map<Section, number>>();
const specNames = new WeakMap<SectionSpec, readonly string[]>();

function nameIndex(sections: readonly Section[]): Map<string, Section[]> {
  let index = nameIndexes.get(sections);
  if (index) return index;
  index = new Map();
  for (const s of sections) {
    for (const name of s.core === s.normalized ? [s.normalized] : [s.normalized, s.core]) {
      const list = index.get(name);
      if (list) list.push(s);
      else index.set(name, [s]);
    }
  }
  nameIndexes.set(sections, index);
  return index;
}

function orderIndex(sections: readonly Section[]): Map<Section, number> {
  let order = orderIndexes.get(sections);
  if (!order) orderIndexes.set(sections, (order = new Map(sections.map((s, i) => [s, i]))));
  return order;
}

function namesOf(spec: SectionSpec): readonly string[] {
  let names = specNames.get(spec);
  if (!names) specNames.set(spec, (names = sectionNames(spec)));
  return names;
}

/** The first section of a given kind in the profile, by its names. */
export function findSectionByNames(sections: Section[], names: string[]): Section | undefined {
  const wanted = names.map(normalizeTitle);
  return sections.find((s) => sectionHasName(s, wanted));
}

/**
 * The report's opening: the blocks before its first section heading, past the heading that opens
 * the document as its title (a level-1 heading, or any heading the document starts with). What the
 * author says first, before any section: the summary of a report that has no "Summary" heading.
 */
export function openingNodes(sections: readonly Section[], root: Root, textLength: number): RootContent[] {
  const firstNode = root.children.find((n) => n.type !== 'yaml')?.position?.start.offset ?? 0;
  const leadsAsTitle = (s: Section): boolean => s.depth === 1 || (s.heading.position?.start.offset ?? 0) <= firstNode;
  let at = sections.findIndex((s, i) => i > 0 || !leadsAsTitle(s));
  // A subtitle right under the title ("# Incident Report" then "## Consensus failure during an
  // upgrade"), naming no section a report has: the header under it still opens the report.
  const subtitle = sections[at];
  if (at === 1 && subtitle.depth === 2 && sections[0].content.length === 0 && subtitle.children.length === 0 && sectionRole(subtitle.title) === undefined) at++;
  const first = at < 0 ? undefined : sections[at];
  const end = first?.heading.position?.start.offset ?? textLength;
  // The nodes are in document order: the walk stops at the first one past the opening, instead of
  // looking at every block of a long report on each version.
  const out: RootContent[] = [];
  for (const n of root.children) {
    if ((n.position?.start.offset ?? 0) >= end) break;
    if (n.type !== 'heading' && n.type !== 'yaml' && (n.position?.end.offset ?? 0) <= end) out.push(n);
  }
  return out;
}

/**
 * The heading that names the report, when the report opens with it: the only level-1 heading, or
 * the first heading when nothing but front matter or markup comes before it and it names no part.
 */
export function documentTitle(sections: readonly Section[], root: Root): Section | undefined {
  const first = sections[0];
  if (!first) return undefined;
  if (first.depth === 1 && sections.filter((s) => s.depth === 1).length === 1) return first;
  const before = root.children.filter((n) => (n.position?.start.offset ?? 0) < (first.heading.position?.start.offset ?? 0));
  return before.every((n) => n.type === 'yaml' || n.type === 'html') && sectionRole(first.title) === undefined ? first : undefined;
}

/** Words a template's note to its writer opens with: "Describe how users were impacted". */
const PROMPT_VERB = /^(?:describe|list|report|explain|summari[sz]e|write|include|give|outline|state|add|note|detail|document|record|enter|provide|tell|mention|link)\b/i;

/**
 * A template's note to its writer kept under a heading: a paragraph written all in emphasis that
 * asks for the section's content ("*Describe how internal and external users were impacted*",
 * "*How was the incident resolved?*"). Some teams keep these notes in every report; they are not
 * what the report says.
 */
export function isTemplatePrompt(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  if (parts.length !== 1 || (parts[0].type !== 'emphasis' && parts[0].type !== 'strong')) return false;
  const text = toString(parts[0]).replace(/\s+/g, ' ').trim();
  return PROMPT_VERB.test(text) || /\?$/.test(text);
}
