/**
 * Whether a report has a section of its profile, as a careful reader decides it: a section is
 * missing only when its content is, not when it goes by another name or lives where reports of
 * that kind usually put it.
 *
 * - By name (every profile): a heading of the section's name or synonym, or a labelled field
 *   ("**Root causes**: …", "**Status:** …"), the way some templates are filled in.
 * - By content (only when the profile was guessed from the headings, since a configured profile
 *   asks for its sections as written): a heading whose words give the same role ("Insights" for
 *   the lessons, "Follow-up improvements" for the actions), the opening paragraphs for the
 *   summary, the cause or the resolution told in the summary or the timeline, the detection read
 *   from the timeline's words, the actionables written as labelled paragraphs or a table; and the
 *   questions of a group ("Where did we get lucky?" under "Lessons learned") are prompts, answered
 *   in the group's own words when the group is there.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { flattenSpecs, sectionNames, type SectionSpec } from '../config/profiles.js';
import { coreTitle, headingRole, normalizeTitle, sectionRole } from './heading-roles.js';
import { findSections, openingNodes } from './sections.js';
import type { Report, Section } from './types.js';

/** Answers whether the report has `spec` (a subsection of `parent` when given). */
export type Presence = (spec: SectionSpec, parent?: SectionSpec) => boolean;

/** A line that opens with a bold label and a colon: "**Root causes**: …", "**Status:** …", "__Trigger__: …". */
const FIELD = /^[ \t]*(?:\*\*|__)([^*_\n:]{2,60}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)/gm;

/** An item that opens with a plain label and a colon: "Summary: We missed …". */
const PLAIN_FIELD = /^[ \t]*([A-Z][\w '()/-]{1,40}?)[ \t]*:[ \t]+\S/;
/** An item that is only a label over the list nested in it: "👍 What went well:". */
const LABEL_OVER_LIST = /^[^\p{L}\n]*(\p{Lu}[\p{L}\d '()/-]{1,40}?)[ \t]*:?[ \t]*$/u;

/**
 * The names of the labelled fields of a report's top-level paragraphs and the first header cell
 * of its tables, and of the items of a top-level list written as plain fields when the label names
 * a section, normalized, each also without its notes ({@link coreTitle}).
 */
export function labelledFields(root: Root, text: string): Set<string> {
  const known = fieldsOf.get(root);
  if (known) return known;
  const names = new Set<string>();
  const add = (label: string): void => {
    const name = normalizeTitle(label);
    names.add(name);
    names.add(coreTitle(name));
  };
  for (const node of root.children) {
    // A table headed "Action item | Owner | …" is the action items, wherever it stands.
    if (node.type === 'table') {
      const first = node.children[0]?.children[0];
      if (first) add(toString(first));
    }
    // A header written as a list of plain fields: "- Summary: …", "- Root Causes: …".
    // The labels count when two of them name sections: then the list is the header, and its
    // other labels ("Trigger: …") are fields too. So do the labels of a list made only of
    // labelled groups ("- What went well:" over its own list).
    if (node.type === 'list') {
      const labels: string[] = [];
      let groups = 0;
      for (const item of node.children) {
        const first = item.children[0];
        if (first?.type !== 'paragraph') continue;
        const source = text.slice(first.position?.start.offset ?? 0, first.position?.end.offset ?? 0);
        const over = item.children.length > 1 ? LABEL_OVER_LIST.exec(source) : null;
        if (over) groups++;
        const m = PLAIN_FIELD.exec(source) ?? over;
        if (m) labels.push(m[1]);
      }
      if (labels.filter((l) => headingRole(l) !== undefined).length >= 2 || (groups >= 2 && groups === node.children.length)) labels.forEach(add);
    }
    if (node.type !== 'paragraph') continue;
    const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    for (const m of source.matchAll(FIELD)) add(m[1]);
    // A section name alone on its line, its heading marks lost ("Action Items" above the list).
    if (source.length <= 60 && !source.includes('\n') && headingRole(source) !== undefined) add(source);
  }
  return names;
}

/**
 * Labelled fields already read for a document tree: the session reads them chunk by chunk and
 * notes them here ({@link noteLabelledFields}), so rules do not walk every node of the tree again.
 */
const fieldsOf = new WeakMap<Root, Set<string>>();

/** Records `fields` as the {@link labelledFields} of `root` (the same set, read another way). */
export function noteLabelledFields(root: Root, fields: Set<string>): void {
  fieldsOf.set(root, fields);
}

/** Presence by name: a heading of the section's names, or a labelled field of one of them. */
export function namedPresence(sections: Section[], fields: ReadonlySet<string>): Presence {
  return (spec) => findSections(sections, spec).length > 0 || sectionNames(spec).some((n) => fields.has(n));
}

/**
 * Words that give a cause: "caused by", "due to", "because", "the root cause", "identified as";
 * a causal link between two facts ("which meant", "and so", "consequently"); a slip named as one
 * ("by mistake", "neglected to", "the problem was that").
 */
const CAUSE =
  /\b(?:root\s+causes?|primary\s+cause|the\s+(?:cause|culprit|reason)|culprit|(?:was|were|is|are)\s+caused|caus(?:ed|es|ing)|due\s+to|because|triggered\s+by|resulted\s+from|as\s+a\s+result\s+of|led\s+to|leads?\s+to|identified\s+as|turned\s+out|determined\s+that|(?:this|which|that)\s+meant|and\s+so|consequently|as\s+a\s+consequence|resulting\s+in|by\s+(?:mistake|accident)|mistakenly|accidentally|inadvertently|erroneously|neglected\s+to|forgot\s+to|the\s+(?:issue|problem|bug|trouble)\s+(?:was|is)\s+that)\b/i;

/** Words that say how the incident was found. */
const DETECTED =
  /\b(?:detected|noticed|notices|spotted|discovered|alerted|paged|(?:was|were|is|are|first|initially)\s+reported|reported\s+by|(?:user|customer|bug|support)\s+reports?|reports?\s+(?:that|of|in|on)|alerts?\s+(?:fired|fires|triggered|went\s+off))\b/i;

/** A heading about how it was found, in the author's words: "Why was this hard to detect?". */
const DETECTION_HEADING = /\b(?:detect\w*|discover\w*|how (?:we|it was) (?:found|noticed))\b/i;

/** Words that say how the incident ended. */
const RESOLVED = /\b(?:resolved|fixed|mitigated|restored|recovered|rolled\s+back|reverted|back\s+to\s+normal)\b/i;

/** An opening paragraph long enough to be a summary, in words. */
const SUMMARY_WORDS = 12;

/**
 * Presence by content (see the module comment), for a report whose profile was guessed. `named`
 * is tried first by the caller; this answers for what it did not find.
 */
export function contentPresence(report: Report, present: (spec: SectionSpec) => boolean): Presence {
  const headings = report.sections.slice(report.sections[0]?.depth === 1 ? 1 : 0);
  // A heading of the same role stands for the section, unless it is one of the section's own
  // questions: "What went wrong?" alone is one question of the lessons, not all of them.
  const ofRole = (spec: SectionSpec): boolean =>
    headings.some((s) => sectionRole(s.title) === spec.kind && !(spec.children ?? []).some((child) => findSections([s], child).length > 0));
  // What the report plans to do is not what happened.
  const prose = proseOutside(report, [report.actionables.section]);
  const { milestones } = report.timeline;
  return (spec, parent) => {
    // A group's questions are answered in the group's own words, when the group is there.
    if (parent) return present(parent);
    if (spec.kind && ofRole(spec)) return true;
    switch (spec.kind) {
      case 'summary':
        return hasOpeningSummary(report);
      case 'lessons':
        return false;
      case 'actionables':
        return report.actionables.items.length > 0;
      case 'detection':
        return milestones.detected !== undefined || DETECTED.test(prose) || report.sections.some((s) => DETECTION_HEADING.test(s.title));
      case 'cause':
        return CAUSE.test(prose);
      case 'resolution':
        return milestones.mitigated !== undefined || milestones.resolved !== undefined || RESOLVED.test(prose);
      case 'timeline':
        // A timed list under another name ("Leadup") is the timeline (`findTimelineSection`).
        return report.timeline.section !== undefined;
      default:
        return false;
    }
  };
}

/** The report's text without the given sections (and their subsections). */
function proseOutside(report: Report, sections: (Section | undefined)[]): string {
  const cuts = sections.filter((s): s is Section => s !== undefined).sort((a, b) => a.bodyStart - b.bodyStart);
  let text = '';
  let at = 0;
  for (const s of cuts) {
    const from = s.heading.position?.start.offset ?? s.bodyStart;
    if (from < at) continue;
    text += report.text.slice(at, from) + '\n';
    at = s.bodyEnd;
  }
  return text + report.text.slice(at);
}

/** True when a paragraph before the first section is long enough to be the summary. */
function hasOpeningSummary(report: Report): boolean {
  return opening(report).some((p) => p.split(/\s+/).filter(Boolean).length >= SUMMARY_WORDS);
}

/** The paragraphs that open the report, under its title (`openingNodes`). */
function opening(report: Report): string[] {
  return openingNodes(report.sections, report.root, report.text.length)
    .filter((n) => n.type === 'paragraph')
    .map((n) => report.text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0));
}

/**
 * Presence of a profile's sections in `report`: by name; and by content when the profile was
 * guessed and the report does not write the template as it is (a report whose every section
 * has the template's own title has dropped the ones it lacks, as a configured profile would say).
 */
export function sectionPresence(report: Report): Presence {
  const fields = labelledFields(report.root, report.text);
  const named = namedPresence(report.sections, fields);
  if (report.profile.source === 'configured') return named;
  if (followsAsWritten(report, fields)) {
    // The opening paragraphs are where a summary stands even in a report written to the
    // template: a page whose title is outside the text (a blog post's front matter) opens with
    // it and then goes on with "Impact", "Root Causes" …
    return (spec, parent) => named(spec, parent) || (spec.kind === 'summary' && !parent && hasOpeningSummary(report));
  }
  const has: Presence = (spec, parent) => named(spec, parent) || content(spec, parent);
  const content = contentPresence(report, (spec) => has(spec));
  return has;
}

/** True when every section of the profile the report has goes by the template's own title. */
function followsAsWritten(report: Report, fields: ReadonlySet<string>): boolean {
  if (report.profile.source !== 'detected') return false;
  const found = flattenSpecs(report.profile.profile.sections).filter(({ spec }) => namedPresence(report.sections, fields)(spec));
  const own = (spec: SectionSpec): boolean => {
    const title = normalizeTitle(spec.title);
    return fields.has(title) || report.sections.some((s) => s.normalized === title || s.core === title);
  };
  return found.length > 0 && found.every(({ spec }) => own(spec));
}
