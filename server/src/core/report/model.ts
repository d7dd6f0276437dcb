import { toString } from 'mdast-util-to-string';
import type { ResolvedConfig } from '../config/config.js';
import type { MarkdownParser } from '../markdown/parse.js';
import { LineIndex } from '../text.js';
import { throwIfCancelled, type CancellationToken } from '../types.js';
import { linkDefinitions, readActionables, type Definitions } from './actionables.js';
import { readFrontMatter } from './frontmatter.js';
import { findImpact } from './impact.js';
import { chooseProfile, configForReport } from './profile-detect.js';
import { labelledFields } from './section-presence.js';
import { buildSections } from './sections.js';
import { computeMetrics, readTimeline } from './timeline/index.js';
import type { FrontMatter, ImpactStatement, Report, Section } from './types.js';

/**
 * Parses a report and extracts everything the rules, hovers, exports and metrics need. The sections
 * are read with the report's own profile ({@link chooseProfile}), not necessarily the configured one.
 */
export function buildReport(file: string, text: string, parser: MarkdownParser, config: ResolvedConfig, token?: CancellationToken): Report {
  const lines = new LineIndex(text);
  const root = parser.parse(text, token);
  throwIfCancelled(token);
  const frontMatter = readFrontMatter(root, lines);
  const { sections, outline } = buildSections(root, lines);
  const profile = chooseProfile(sections, config, labelledFields(root, text));
  const own = configForReport(config, profile);
  const title = reportTitle(frontMatter, sections);
  const timeline = readTimeline(sections, frontMatter, lines, own, file, title);
  throwIfCancelled(token);
  return assembleReport({ file, text, lines, root, frontMatter, sections, outline, title, profile, timeline }, own);
}

/** What a report is read from; the rest of {@link Report} follows from it. */
export type ReportParts = Omit<Report, 'impact' | 'actionables' | 'metrics'>;

/** What a caller that keeps facts per chunk already knows of a report (see {@link assembleReport}). */
export interface KnownParts {
  /** The impact table (the session keeps it per chunk). */
  impactTable?: () => ImpactStatement | undefined;
  /** The document's link definitions ({@link linkDefinitions}; the session keeps them per chunk). */
  definitions?: Definitions;
}

/**
 * The report of `parts` read under `config` (the report's own profile): its impact statement,
 * actionables and metrics. The whole-document build and the incremental session both end here,
 * so that a field of the report has one derivation; `known` gives what the caller already found.
 */
export function assembleReport(parts: ReportParts, config: ResolvedConfig, known: KnownParts = {}): Report {
  const { root, sections, frontMatter, lines, timeline } = parts;
  const { impactTable, definitions = linkDefinitions(root) } = known;
  return {
    ...parts,
    impact: findImpact(root, sections, frontMatter, lines, config, impactTable),
    // Actionables are read over the whole document: a subheading can mark the items under it done
    // or give them a task, and a labelled paragraph anywhere is an actionable too.
    actionables: readActionables(sections, lines, config, definitions),
    metrics: computeMetrics(timeline),
  };
}

/** Front matter `title`, else the text of the first level-1 heading. */
export function reportTitle(frontMatter: FrontMatter | undefined, sections: readonly Section[]): string | undefined {
  const h1 = sections.find((s) => s.depth === 1);
  const fmTitle = frontMatter?.data?.title;
  return typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : h1 ? toString(h1.heading).trim() : undefined;
}
