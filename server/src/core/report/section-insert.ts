/**
 * Missing sections and how to insert them: which required sections of a profile a report lacks,
 * where each belongs (after its predecessor in the profile, before its successor, or under its
 * parent) and its text, taken from the profile's report template.
 */
import { flattenSpecs, sectionNames, type SectionSpec } from '../config/profiles.js';
import type { MarkdownParser } from '../markdown/parse.js';
import { LineIndex, lineBreakOf } from '../text.js';
import type { TextEdit } from '../types.js';
import { buildSections, findSections } from './sections.js';
import type { Report, Section } from './types.js';

/** A required section the report does not have, with the profile section it belongs under. */
export interface MissingSection {
  spec: SectionSpec;
  parent?: SectionSpec;
}

/**
 * Required sections of `specs` that `report` lacks, as `report/missing-section` finds them: a
 * missing parent is listed once, not once more for each of its children, and the impact
 * statement is left to `impact/missing` (it need not be a section). `has` says whether the
 * report has a section; by default, whether a heading has its name.
 */
export function missingSections(
  report: Pick<Report, 'sections'>,
  specs: SectionSpec[],
  has: (spec: SectionSpec, parent?: SectionSpec) => boolean = (spec) => findSections(report.sections, spec).length > 0,
): MissingSection[] {
  const missing: MissingSection[] = [];
  for (const { spec, parent } of flattenSpecs(specs)) {
    if (!spec.required) continue;
    if (spec.kind === 'impact') continue;
    if (parent && !has(parent)) continue;
    if (has(spec, parent)) continue;
    missing.push({ spec, parent });
  }
  return missing;
}

/** Changes the level of every heading line in `text` by `delta`, staying within 1–6. */
function shiftHeadings(text: string, delta: number): string {
  if (delta === 0) return text;
  return text.replace(/^(#{1,6})(?=[ \t]|$)/gm, (hashes) => '#'.repeat(Math.min(6, Math.max(1, hashes.length + delta))));
}

/** A section's text when no template has it: heading, placeholder, and its required children. */
function genericSection(spec: SectionSpec, depth: number): string {
  const parts = [`${'#'.repeat(depth)} ${spec.title}`, `<${spec.title.toLowerCase().replace(/[?:]/g, '')}: write this section.>`];
  for (const child of spec.children ?? []) if (child.required !== false) parts.push(genericSection(child, depth + 1));
  return parts.join('\n\n');
}

/**
 * The text of `spec`'s section (with its subsections) at heading level `depth`: from `template`
 * when it has a section of that name, generated otherwise. No trailing line break.
 */
export function sectionText(spec: SectionSpec, depth: number, template: string | undefined, parser: MarkdownParser): string {
  if (template) {
    const lines = new LineIndex(template);
    const { sections } = buildSections(parser.parse(template), lines);
    const names = sectionNames(spec);
    const found = sections.find((s) => names.includes(s.normalized));
    if (found) {
      const start = found.heading.position?.start.offset ?? 0;
      return shiftHeadings(template.slice(start, found.bodyEnd).trimEnd(), depth - found.depth);
    }
  }
  return genericSection(spec, depth);
}

/** Where a missing section goes: an offset, the heading level, and which side of it the text sits. */
interface Place {
  offset: number;
  depth: number;
  side: 'after' | 'before' | 'end';
}

function placeFor(report: Report, specs: SectionSpec[], missing: MissingSection): Place {
  const { spec, parent } = missing;
  const parentSection = parent ? findSections(report.sections, parent)[0] : undefined;
  const siblings = parent ? (parent.children ?? []) : specs;
  const index = siblings.indexOf(spec);
  // Children count only under the parent that is there; top-level sections anywhere.
  const present = (s: SectionSpec): Section | undefined =>
    findSections(report.sections, s).find((found) => !parentSection || isInside(found, parentSection));
  for (let i = index - 1; i >= 0; i--) {
    const s = present(siblings[i]);
    if (s) return { offset: s.bodyEnd, depth: s.depth, side: 'after' };
  }
  for (let i = index + 1; i < siblings.length; i++) {
    const s = present(siblings[i]);
    if (s) return { offset: s.heading.position?.start.offset ?? 0, depth: s.depth, side: 'before' };
  }
  if (parentSection) return { offset: parentSection.bodyEnd, depth: parentSection.depth + 1, side: 'after' };
  const hasTitle = report.sections.some((s) => s.depth === 1);
  return { offset: report.text.length, depth: hasTitle ? 2 : 1, side: 'end' };
}

function isInside(section: Section, ancestor: Section): boolean {
  for (let s = section.parent; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** The edit that inserts a missing section where the profile's order puts it. */
export function insertSectionEdit(report: Report, specs: SectionSpec[], missing: MissingSection, template: string | undefined, parser: MarkdownParser): TextEdit {
  const place = placeFor(report, specs, missing);
  const eol = lineBreakOf(report.text);
  const text = sectionText(missing.spec, place.depth, template, parser).replace(/\r?\n/g, eol);
  const position = report.lines.positionAt(place.offset);
  const range = { start: position, end: position };
  if (place.side === 'before') return { range, newText: text + eol + eol };
  if (place.side === 'after') return { range, newText: eol + eol + text };
  let trailing = 0;
  for (let i = report.text.length - 1; i >= 0 && (report.text[i] === '\n' || report.text[i] === '\r'); i--) if (report.text[i] === '\n') trailing++;
  const before = report.text.length === 0 || trailing >= 2 ? '' : trailing === 1 ? eol : eol + eol;
  return { range, newText: before + text + eol };
}
