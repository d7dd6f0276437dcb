import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeTitle, sectionNames, type SectionSpec } from '../config/profiles.js';
import type { LineIndex } from '../text.js';
import { coreTitle } from './heading-roles.js';
import type { Section } from './types.js';

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
      const title = toString(node).trim();
      const normalized = normalizeTitle(title);
      const section: Section = {
        title,
        normalized,
        // The first heading is the title: "Impact of the cache outage" names the report, not a section.
        core: sections.length > 0 || node.depth > 1 ? coreTitle(normalized) : normalized,
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
  const names = sectionNames(spec);
  return sections.filter((s) => sectionHasName(s, names));
}

/** The first section of a given kind in the profile, by its names. */
export function findSectionByNames(sections: Section[], names: string[]): Section | undefined {
  const wanted = names.map(normalizeTitle);
  return sections.find((s) => sectionHasName(s, wanted));
}
