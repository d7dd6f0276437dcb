/**
 * What one analysis of a report leaves for the language server to answer from: plain data that
 * crosses a worker thread boundary cheaply (findings, sections, timeline entries, milestones,
 * metrics, actionables, the edits that insert missing sections), never the Markdown tree. Hover,
 * symbols, code lens, completion and code actions answer from the last snapshot at once.
 */
import type { ResolvedConfig } from '../core/config/config.js';
import { flattenSpecs, sectionNames } from '../core/config/profiles.js';
import type { ReportCheck } from '../core/check.js';
import type { MarkdownParser } from '../core/markdown/parse.js';
import { insertSectionEdit, missingSections } from '../core/report/section-insert.js';
import type { ReportProfile } from '../core/report/profile-detect.js';
import { findSections } from '../core/report/sections.js';
import type { Actionable, Metrics, Milestone, Milestones, Section, TimelineEntry } from '../core/report/types.js';
import type { Finding, Range, TextEdit } from '../core/types.js';
import { markerRange, milestoneLensTitles, type MilestoneView } from '../core/report/timeline/confirm.js';
import { entryAt, EntryTableBuilder, type EntryTable } from './entry-table.js';

/** A section without its Markdown nodes; `parent` and `children` are indexes into {@link ReportSnapshot.sections}. */
export interface SectionInfo {
  title: string;
  normalized: string;
  depth: number;
  headingRange: Range;
  range: Range;
  parent?: number;
  children: number[];
  /** The section is a timeline: the report's, or one titled like the profile's timeline. */
  timeline: boolean;
}

/** A section of the profile that the report lacks. */
export interface AbsentSection {
  title: string;
  required: boolean;
  /** Title of the profile section it belongs under. */
  parentTitle?: string;
  /** Position in the profile's flattened section list (completion sorts by it). */
  order: number;
  /** The edit that inserts it (from the profile's template), when `report/missing-section` reports it. */
  insert?: TextEdit;
}

/** One analysed version of a report, as plain data. */
export interface ReportSnapshot {
  findings: Finding[];
  title?: string;
  /** Front matter `status` (draft, review, final), when given as text. */
  status?: string;
  /** Every section in document order. */
  sections: SectionInfo[];
  /** Indexes of the top-level sections. */
  outline: number[];
  timeline: {
    section?: number;
    /** The entries, read back one by one where a request needs them (`entry-table.ts`). */
    entries: EntryTable;
    milestones: Milestones;
    /** Index of the entry each milestone was read from. */
    milestoneEntries: Partial<Record<Milestone, number>>;
    /** Code lens titles for the milestones that are not marked. */
    milestoneLenses: string[];
    /**
     * Per entry (same order), the line and character where a milestone marker goes
     * (`markerRange`). With the milestones, what a hover or a code action on one entry needs
     * (`confirm.ts`): worked out for that entry when asked, not for every entry in every version.
     */
    markers: Int32Array;
  };
  actionables: { section?: number; items: Actionable[] };
  metrics: Metrics;
  /** Sections of the profile the report does not have, in profile order. */
  absent: AbsentSection[];
  /** The edit that applies every automatic fix, when the analysis was asked for it (fix-all). */
  fixAll?: TextEdit;
  /** The profile the report is checked against, how it was chosen, and the sections it requires. */
  profile?: { name: string; source: ReportProfile['source']; required: string[] };
}

/**
 * Turns a check into a snapshot; `config` carries the report's own profile ({@link configForReport})
 * and `template` is that profile's report template, for section inserts. `tables` builds the
 * document's entry tables from one version to the next.
 */
export function snapshotOf(check: ReportCheck, config: ResolvedConfig, template: string | undefined, parser: MarkdownParser, tables = new EntryTableBuilder()): ReportSnapshot {
  const { report, findings } = check;
  const { table, markers } = tables.build(report.timeline.entries, (entry) => markerRange(report, entry).start);
  const index = new Map<Section, number>(report.sections.map((s, i) => [s, i]));
  const timelineNames = new Set(
    flattenSpecs(config.profile.sections)
      .filter(({ spec }) => spec.kind === 'timeline')
      .flatMap(({ spec }) => sectionNames(spec)),
  );
  const isTimeline = (s: Section) => s === report.timeline.section || timelineNames.has(s.normalized) || timelineNames.has(s.core);
  const sections = report.sections.map(
    (s): SectionInfo => ({
      title: s.title,
      normalized: s.normalized,
      depth: s.depth,
      headingRange: s.headingRange,
      range: s.range,
      parent: s.parent ? index.get(s.parent) : undefined,
      children: s.children.map((c) => index.get(c)!),
      timeline: isTimeline(s),
    }),
  );
  const reported = findings.some((f) => f.ruleId === 'report/missing-section');
  const inserts = new Map(
    reported ? missingSections(report, config.profile.sections).map((m) => [m.spec, insertSectionEdit(report, config.profile.sections, m, template, parser)]) : [],
  );
  const absent: AbsentSection[] = [];
  flattenSpecs(config.profile.sections).forEach(({ spec, parent }, order) => {
    if (findSections(report.sections, spec).length > 0) return;
    absent.push({ title: spec.title, required: spec.required === true, parentTitle: parent?.title, order, insert: inserts.get(spec) });
  });
  const status = report.frontMatter?.data?.status;
  const at = (s: Section | undefined) => (s ? index.get(s) : undefined);
  return {
    findings,
    title: report.title,
    status: typeof status === 'string' ? status : undefined,
    sections,
    outline: report.outline.map((s) => index.get(s)!),
    timeline: {
      section: at(report.timeline.section),
      entries: table,
      milestones: report.timeline.milestones,
      milestoneEntries: milestoneEntries(report.timeline.entries, report.timeline.milestones),
      milestoneLenses: milestoneLensTitles(report),
      markers,
    },
    actionables: { section: at(report.actionables.section), items: report.actionables.items },
    metrics: report.metrics,
    absent,
    profile: {
      name: report.profile.profile.name,
      source: report.profile.source,
      required: report.profile.profile.sections.filter((s) => s.required !== false).map((s) => s.title),
    },
  };
}

function milestoneEntries(entries: readonly TimelineEntry[], milestones: Milestones): Partial<Record<Milestone, number>> {
  const out: Partial<Record<Milestone, number>> = {};
  for (const [m, fact] of Object.entries(milestones) as [Milestone, Milestones[Milestone]][]) {
    const index = fact?.entry ? entries.indexOf(fact.entry) : -1;
    if (index >= 0) out[m] = index;
  }
  return out;
}

/** Where the marker of entry `index` goes. */
export function markerAt(snapshot: ReportSnapshot, index: number): Range {
  const at = { line: snapshot.timeline.markers[index * 2], character: snapshot.timeline.markers[index * 2 + 1] };
  return { start: at, end: { ...at } };
}

const views = new WeakMap<ReportSnapshot, MilestoneView>();

/**
 * The snapshot's milestones, each linked to the entry {@link entryAt} reads back (the same
 * object), as `confirm.ts` compares them.
 */
export function milestoneView(snapshot: ReportSnapshot): MilestoneView {
  let view = views.get(snapshot);
  if (!view) {
    const milestones: Milestones = {};
    for (const [m, fact] of Object.entries(snapshot.timeline.milestones) as [Milestone, Milestones[Milestone]][]) {
      const index = snapshot.timeline.milestoneEntries[m];
      if (fact) milestones[m] = index === undefined ? fact : { ...fact, entry: entryAt(snapshot.timeline.entries, index) };
    }
    views.set(snapshot, (view = { timeline: { milestones } }));
  }
  return view;
}
