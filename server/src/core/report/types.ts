import type { Heading, Root, RootContent } from 'mdast';
import type { LineIndex } from '../text.js';
import type { Range } from '../types.js';
import type { ReportProfile } from './profile-detect.js';

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** Plain text of the heading. */
  title: string;
  /** {@link normalizeTitle} of the title. */
  normalized: string;
  /** The name without the notes authors add ({@link coreTitle}): "Timeline (all times PST) …" → "timeline". */
  core: string;
  depth: number;
  heading: Heading;
  headingRange: Range;
  /** From the heading to the end of its last subsection. */
  range: Range;
  /** Offset just after the heading line, and offset where the section (with subsections) ends. */
  bodyStart: number;
  bodyEnd: number;
  /** Nodes between the heading and its first subsection. */
  content: RootContent[];
  children: Section[];
  parent?: Section;
}

/** The YAML block at the top of a report. */
export interface FrontMatter {
  raw: string;
  /** The whole block, fences included. */
  range: Range;
  /** Parsed mapping; absent when the YAML does not parse or is not a mapping. */
  data?: Record<string, unknown>;
  /** Why `data` is absent. */
  error?: { message: string; range: Range };
  /** Range of each top-level key's line, for diagnostics on a field. */
  fields: Record<string, Range>;
}

/** Where an impact statement was found. */
export type ImpactSource = 'section' | 'table' | 'paragraph' | 'frontmatter';

/** The report's statement of impact, wherever it was written. */
export interface ImpactStatement {
  text: string;
  range: Range;
  source: ImpactSource;
  section?: Section;
}

export type Milestone = 'start' | 'detected' | 'mitigated' | 'resolved';

/** One line of the timeline: a list item or a table row. */
export interface TimelineEntry {
  /** Plain text of the entry. */
  text: string;
  range: Range;
  /** Range of the time (or date) token, when one was read. */
  timeRange?: Range;
  /** The resolved calendar date, `YYYY-MM-DD`, when known. */
  date?: string;
  /** Milliseconds since the epoch, in UTC, when date, time and zone are all known. */
  utc?: number;
  /** True when the entry has a time of day (not just a date). */
  hasTime: boolean;
  /** True when the entry only sets the date for the entries after it. */
  dateOnly: boolean;
  /** Zone the time was read in, e.g. `UTC`, `PDT`, `+02:00`; absent when unknown. */
  zone?: string;
  /** True when the zone was written on the entry itself. */
  zoneOnEntry: boolean;
  milestones: Milestone[];
}

/** The report's timeline. */
export interface Timeline {
  section?: Section;
  /** A zone declared once for the whole timeline ("All times in UTC."). */
  declaredZone?: { name: string; range: Range };
  entries: TimelineEntry[];
}

/** Durations from impact start, in whole minutes, and the instants they come from. */
export interface Metrics {
  start?: number;
  detected?: number;
  mitigated?: number;
  resolved?: number;
  timeToDetectMinutes?: number;
  timeToMitigateMinutes?: number;
  timeToResolveMinutes?: number;
}

/** One item of the actionables section. */
export interface Actionable {
  text: string;
  range: Range;
  /** Tracker references: `T123456`, `phab:T123`, `#123`, `PROJ-123`, URLs. */
  tasks: string[];
  /** Owner, from `@handle`, `Owner: …` or an owner column. */
  owner?: string;
  /** Tags such as `#Wikimedia-Incident-Prevention`. */
  tags: string[];
  /** Checked task-list item. */
  done?: boolean;
  /** A list item or a table row. */
  source?: 'list' | 'table';
  /**
   * Where the item's own words are: a list item's first paragraph (after its checkbox) or a table
   * row's description cell (without the cell's pipes and padding).
   */
  textRange?: Range;
  /** A table row's cell in the owner column (pipes included), when the table has one. */
  ownerCellRange?: Range;
}

/** The actionables section and its items. */
export interface Actionables {
  section?: Section;
  items: Actionable[];
}

/** Everything the rules know about one incident report. */
export interface Report {
  file: string;
  text: string;
  lines: LineIndex;
  root: Root;
  frontMatter?: FrontMatter;
  /** Every section in document order. */
  sections: Section[];
  /** Top-level sections (their subsections hang below). */
  outline: Section[];
  /** Text of the first level-1 heading or front matter `title`. */
  title?: string;
  /** The profile the report is checked against, and whether it was configured or detected. */
  profile: ReportProfile;
  impact?: ImpactStatement;
  timeline: Timeline;
  actionables: Actionables;
  metrics: Metrics;
}
