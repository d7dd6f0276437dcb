/**
 * Helpers for the export tests: loading a fixture report, golden files, and filling in model
 * features (timeline entries, actionables, metrics) explicitly, so renderers are tested on the
 * Report interface whatever the state of the parsers that normally produce them.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import type { Actionable, Milestone, Report, TimelineEntry } from '../../server/src/core/report/types.js';
import { selectMilestones } from '../../server/src/core/report/timeline/select.js';
import type { Finding } from '../../server/src/core/types.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXPORT_FIXTURES = join(ROOT, 'test', 'fixtures', 'export');
export const GOLDEN = join(EXPORT_FIXTURES, 'golden');
export const EXAMPLES = join(ROOT, 'examples');

/** Checks the Markdown `text` as file `file` with the default configuration. */
export function checkText(file: string, text: string): { report: Report; findings: Finding[] } {
  return checkReport(file, text, new MarkdownParser(), defaultConfig());
}

/** Checks a fixture of test/fixtures/export by name; the report's file is the base name. */
export function loadFixture(name: string): { report: Report; findings: Finding[] } {
  return checkText(name, readFileSync(join(EXPORT_FIXTURES, name), 'utf8'));
}

/** Markdown reports under examples/, as paths relative to it (`incidents/….md`). */
export function exampleFiles(): string[] {
  if (!existsSync(EXAMPLES)) return [];
  return (readdirSync(EXAMPLES, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.md') && basename(f).toLowerCase() !== 'readme.md')
    .sort();
}

/**
 * Compares `actual` with the golden file; with `UPDATE_GOLDEN=1` writes it instead. Review the
 * diff of an updated golden before committing it.
 */
export function assertGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  assert.ok(existsSync(goldenPath), `missing golden file ${goldenPath}; run UPDATE_GOLDEN=1 node scripts/run-tests.mjs export`);
  const expected = readFileSync(goldenPath, 'utf8');
  assert.ok(actual === expected, `output differs from ${basename(goldenPath)}; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff`);
}

/** A timeline entry to add: the first line containing `match`, at `utc` (ISO). */
export interface EntrySpec {
  match: string;
  utc?: string;
  milestones?: Milestone[];
}

/** An actionable to add: the first line containing `match`. */
export interface ActionableSpec {
  match: string;
  tasks?: string[];
  owner?: string;
  tags?: string[];
  done?: boolean;
}

function lineOf(report: Report, match: string, from = 0): number {
  for (let line = from; line < report.lines.lineCount; line++) if (report.lines.lineText(line).includes(match)) return line;
  throw new Error(`no line contains ${JSON.stringify(match)}`);
}

/**
 * Sets timeline entries, actionables and the metrics they give on `report` (mutated and
 * returned). Entries are looked up after the Timeline heading, actionables after Actionables.
 */
export function withModel(report: Report, model: { entries?: EntrySpec[]; actionables?: ActionableSpec[]; declaredZone?: string }): Report {
  const timelineSection = report.sections.find((s) => s.normalized === 'timeline');
  if (model.entries) {
    const from = timelineSection?.headingRange.start.line ?? 0;
    report.timeline = {
      section: timelineSection,
      declaredZone: model.declaredZone ? { name: model.declaredZone, range: report.lines.lineRange(from) } : undefined,
      entries: model.entries.map((spec) => entry(report, lineOf(report, spec.match, from), spec)),
      milestones: {},
      stated: [],
    };
    report.timeline.milestones = selectMilestones({ entries: report.timeline.entries, statements: [], lines: report.lines });
    report.metrics = metricsOf(report.timeline.entries);
  }
  if (model.actionables) {
    const section = report.sections.find((s) => s.normalized === 'actionables');
    const from = section?.headingRange.start.line ?? 0;
    report.actionables = {
      section,
      items: model.actionables.map((spec): Actionable => {
        const line = lineOf(report, spec.match, from);
        return { text: spec.match, range: report.lines.lineRange(line), tasks: spec.tasks ?? [], owner: spec.owner, tags: spec.tags ?? [], done: spec.done };
      }),
    };
  }
  return report;
}

function entry(report: Report, line: number, spec: EntrySpec): TimelineEntry {
  const text = report.lines.lineText(line);
  const time = /\d{1,2}:\d{2}/.exec(text);
  const lineStart = report.lines.lineStart(line);
  const utc = spec.utc === undefined ? undefined : Date.parse(spec.utc);
  return {
    text: text.replace(/^\s*(?:[-*+]|\d+[.)]|\|)\s*/, '').trim(),
    range: report.lines.lineRange(line),
    timeRange: time ? report.lines.rangeOf(lineStart + time.index, lineStart + time.index + time[0].length) : undefined,
    date: utc === undefined ? undefined : new Date(utc).toISOString().slice(0, 10),
    utc,
    hasTime: time !== null,
    dateOnly: false,
    zone: utc === undefined ? undefined : 'UTC',
    zoneOnEntry: false,
    milestones: spec.milestones ?? [],
    cues: (spec.milestones ?? []).map((m) => ({ milestone: m, source: 'marker' as const, words: `[${m}]` })),
  };
}

function metricsOf(entries: TimelineEntry[]): Report['metrics'] {
  const at = (m: Milestone) => entries.find((e) => e.milestones.includes(m))?.utc;
  const start = at('start');
  const since = (t: number | undefined) => (t === undefined || start === undefined ? undefined : Math.round((t - start) / 60_000));
  const detected = at('detected');
  const mitigated = at('mitigated');
  const resolved = at('resolved');
  return {
    start,
    detected,
    mitigated,
    resolved,
    timeToDetectMinutes: since(detected),
    timeToMitigateMinutes: since(mitigated),
    timeToResolveMinutes: since(resolved),
  };
}

/** The timeline of test/fixtures/export/cache-split.md as the timeline parser reads it (actionables come from the real parser). */
export function cacheSplitModel(report: Report): Report {
  return withModel(report, {
    declaredZone: 'UTC',
    entries: [
      { match: '07:15 The key', utc: '2026-03-04T07:15:00Z', milestones: ['start'] },
      { match: '08:40 A volunteer', utc: '2026-03-04T08:40:00Z' },
      { match: '09:02 The report', utc: '2026-03-04T09:02:00Z', milestones: ['detected'] },
      { match: '10:05 The key family', utc: '2026-03-04T10:05:00Z' },
      { match: '10:50 A patch', utc: '2026-03-04T10:50:00Z', milestones: ['mitigated'] },
      { match: '11:40 No new', utc: '2026-03-04T11:40:00Z', milestones: ['resolved'] },
    ],
  });
}
