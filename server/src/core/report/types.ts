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

/**
 * Where a milestone comes from: an explicit marker on an entry (`[detected]`), front matter, a
 * time or metric the report states in prose ("time to detection: 5 minutes"), or the words of an
 * entry ("Grafana alert fires").
 */
export type MilestoneSource = 'marker' | 'frontmatter' | 'stated' | 'inferred';

/** A milestone one timeline entry names, read from that entry's text alone. */
export interface MilestoneCue {
  milestone: Milestone;
  source: 'marker' | 'inferred';
  /** The words it was read from, as written: `[detected]`, `alert fires`. */
  words: string;
}

/** The milestone the report settles on, with its provenance. */
export interface MilestoneFact {
  milestone: Milestone;
  source: MilestoneSource;
  /** UTC milliseconds; absent when the source gives no instant (an entry without a time). */
  utc?: number;
  /** False when the instant counts from a made-up day (the timeline never says which day). */
  absolute: boolean;
  /** Where it is written: the entry's first line, the front matter field, the stated words. */
  range: Range;
  /** The entry it was read from (marker and inferred). */
  entry?: TimelineEntry;
  /** The words it was read from: `alert fires`, `time to detection: 5 minutes`. */
  words?: string;
  /** For a stated metric: minutes after the impact start the report gives. */
  statedMinutes?: number;
}

/** A time, metric or impact duration the report states in prose, outside its timeline. */
export interface StatedFact {
  /** `cause`: a sentence that names a change as what caused the incident ("the release caused …"). */
  kind: 'time' | 'metric' | 'duration' | 'cause';
  /** The milestone a time or metric is about. */
  milestone?: Milestone;
  range: Range;
  /** The words, markup removed: `time to detection: 5 minutes`. */
  words: string;
  /** A stated time's instant, and whether its day is real. */
  utc?: number;
  absolute?: boolean;
  /** A metric's or a duration's minutes; a metric counts from `from`. */
  minutes?: number;
  from?: Milestone;
  /** A cause's kinds of change (see `CHANGE_KINDS` in `stated.ts`). */
  changes?: string[];
  /** A time that ends a stated window of the impact ("from 15:30 to 18:10"). */
  window?: boolean;
  /**
   * A time told in the story ("At 19:55 UTC all services became unresponsive"), not given as a
   * fact: a timeline entry whose words name the same milestone is the more exact of the two.
   */
  told?: boolean;
}

/** The four milestones as the report gives them; a milestone nothing tells is absent. */
export type Milestones = Partial<Record<Milestone, MilestoneFact>>;

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
  /**
   * True when the entry has a day and no time of day: it writes only a date (and sets it for the
   * entries after it), or it stands under a date heading without a time of its own.
   */
  dateOnly: boolean;
  /** Zone the time was read in, e.g. `UTC`, `PDT`, `+02:00`; absent when unknown. */
  zone?: string;
  /** True when the zone was written on the entry itself. */
  zoneOnEntry: boolean;
  /** Milestones the entry marks explicitly: a marker, or a milestone phrase standing on its own. */
  milestones: Milestone[];
  /** Every milestone the entry names, markers and plain words, with the words. */
  cues: MilestoneCue[];
  /** Words that say the impact goes on at this entry ("the revert did not solve it"). */
  goesOn?: string;
  /** Words that say the problem had begun well before this entry ("a week prior"). */
  begunEarlier?: string;
  /** An earlier instant the entry says the problem was under way at ("peaking around 07:15"). */
  problemAt?: { utc: number; words: string };
  /** Why the entry's time could not be read, when it starts with something like a time. */
  timeProblem?: string;
}

/** The report's timeline. */
export interface Timeline {
  section?: Section;
  /** A zone declared once for the whole timeline ("All times in UTC."). */
  declaredZone?: { name: string; range: Range };
  entries: TimelineEntry[];
  /** The milestones, chosen over the entries, front matter and what the report states. */
  milestones: Milestones;
  /** Times, metrics and durations stated in prose outside the timeline, in document order. */
  stated: StatedFact[];
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
  /** Milestones behind these figures that were inferred from the words of an entry. */
  inferred?: Milestone[];
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

/** A part of a report that was not checked in this version, and why. */
export interface UncheckedPart {
  /** Title of the section the part belongs to; absent before the first heading. */
  section?: string;
  /** Where the part is: the section's heading, or the part's first line. */
  range: Range;
  reason: string;
  /** True when the whole report was left unchecked (over the size limit). */
  whole?: boolean;
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
  /** Parts left unchecked: too complex to parse, over their time budget, or the whole report over the size limit. */
  unchecked?: UncheckedPart[];
}
