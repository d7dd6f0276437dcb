/**
 * Drafting a report's timeline from the logs where the incident was handled: the Server Admin
 * Log, IRC, Slack, git, alert history. Sources are read (`detect.ts` and one module per format),
 * placed in UTC and filtered (`window.ts`), merged into the report (`merge.ts`, `shape.ts`), and
 * milestones proposed (`proposals.ts`). Pure: the callers read the files and write the result.
 */
import { throwIfCancelled, type CancellationToken } from '../types.js';
import type { Report } from '../report/types.js';
import { formatDate, formatTime, resolveImportZone, utcToWall } from './clock.js';
import { parseSource, type SourceInput } from './detect.js';
import { escapeMarkdown } from './shape.js';
import { mergeIntoReport, type MergeResult } from './merge.js';
import { proposeMilestones, type MilestoneProposal } from './proposals.js';
import type { TableColumns } from './table.js';
import { ImportError, SOURCE_FORMATS, type LogEntry, type SkippedLine, type SourceFormat } from './types.js';
import { parseWindowTime, placeEntries, reportWindow, selectEntries, type PlacedEntry } from './window.js';

export { DETECTED_FORMATS, detectFormat, type SourceInput } from './detect.js';
export { ImportError, SOURCE_FORMATS, type SourceFile, type SourceFormat, type SkippedLine } from './types.js';
export type { MergeResult } from './merge.js';
export type { MilestoneProposal } from './proposals.js';
export type { PlacedEntry } from './window.js';

/** What the user asks of an import (the CLI flags, the editor's answers). */
export interface ImportOptions {
  /** The format of every source; `auto` (default) detects each. */
  from?: SourceFormat | 'auto';
  /** The zone of logs that do not say theirs: an IANA name or `UTC`, `PDT`, `+02:00`. */
  zone?: string;
  /** Window bounds as the user writes them (ISO 8601; without zone in `zone`, else UTC). */
  since?: string;
  until?: string;
  nicks?: string[];
  words?: string[];
  columns?: TableColumns;
}

/** What an import produced. */
export interface ImportResult {
  /** The entries kept, in time order. */
  entries: PlacedEntry[];
  /** Entries read before the window and filters. */
  read: number;
  skipped: SkippedLine[];
  /** Status lines (joins, quits…) not taken as entries. */
  ignored: number;
  /** The format each source was read as. */
  formats: { name: string; format: SourceFormat }[];
  window: { since?: number; until?: number };
  proposals: MilestoneProposal[];
  /** With a report: the merge. */
  merge?: MergeResult;
}

/** True for a name `--from` accepts. */
export function isSourceFormat(value: string): value is SourceFormat | 'auto' {
  return value === 'auto' || (SOURCE_FORMATS as readonly string[]).includes(value);
}

/**
 * One step of an import, announced before it starts, with how much of the whole import is done
 * by then (0–100), so that a caller can show one bar. Sources are read in turn: a single big
 * file is one step.
 */
export type ImportStep =
  | { stage: 'reading'; source: string; index: number; sources: number; percent: number }
  | { stage: 'placing' | 'merging'; entries: number; percent: number };

/** The words of a step, for a progress line or notification. */
export function describeStep(step: ImportStep): string {
  if (step.stage === 'reading') return `Reading ${step.source}${step.sources > 1 ? ` (${step.index + 1} of ${step.sources})` : ''}`;
  const n = step.entries.toLocaleString('en-US');
  return step.stage === 'placing' ? `Placing ${n} entries in time` : `Merging ${n} entries into the timeline`;
}

/** Characters of the sources: reading is weighed by them. */
const sourceSize = (input: SourceInput): number => input.files.reduce((n, f) => n + f.text.length, 0);

/**
 * Where each stage starts on the bar, from the 100,000-line benchmark: reading takes about 0.6 s,
 * placing 0.1 s and merging every entry into a report 1.5 s; without a report there is no merge.
 */
const STAGE_START = { withReport: { placing: 30, merging: 35 }, alone: { placing: 85, merging: 100 } };
/**
 * The import, step by step: yields an {@link ImportStep} before each piece of work and returns
 * the result. {@link importTimeline} runs it at once; {@link importTimelineStepwise} lets the
 * event loop turn between steps, so that progress is shown and a cancellation arrives.
 */
function* importSteps(inputs: readonly SourceInput[], options: ImportOptions, report: Report | undefined, token: CancellationToken | undefined): Generator<ImportStep, ImportResult> {
  const zone = options.zone === undefined ? undefined : resolveImportZone(options.zone);
  if (options.zone !== undefined && !zone) throw new ImportError(`--zone "${options.zone}" is not a time zone (an IANA name such as America/Los_Angeles, or UTC, PDT, +02:00)`, 'input');
  const from = options.from ?? 'auto';
  const all: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  const formats: ImportResult['formats'] = [];
  let ignored = 0;
  const sizes = inputs.map(sourceSize);
  const bytes = Math.max(1, sizes.reduce((a, b) => a + b, 0));
  const stages = report ? STAGE_START.withReport : STAGE_START.alone;
  let done = 0;
  for (const [index, input] of inputs.entries()) {
    yield { stage: 'reading', source: input.name, index, sources: inputs.length, percent: Math.floor((done / bytes) * stages.placing) };
    const parsed = parseSource(input, from, options.columns ?? {}, token);
    formats.push({ name: input.name, format: parsed.format });
    for (const e of parsed.entries) all.push(e);
    skipped.push(...parsed.skipped);
    ignored += parsed.ignored;
    done += sizes[index];
  }
  yield { stage: 'placing', entries: all.length, percent: stages.placing };
  const placed = placeEntries(all, zone, token);
  const window = report ? reportWindow(report.timeline.milestones) : {};
  if (options.since !== undefined) window.since = parseWindowTime(options.since, zone, false, '--since');
  if (options.until !== undefined) window.until = parseWindowTime(options.until, zone, true, '--until');
  const entries = selectEntries(placed, { ...window, nicks: options.nicks, words: options.words }, token);
  const result: ImportResult = { entries, read: placed.length, skipped, ignored, formats, window, proposals: [] };
  if (report) {
    yield { stage: 'merging', entries: entries.length, percent: stages.merging };
    result.merge = mergeIntoReport(report, entries, token);
    result.proposals = proposeMilestones(result.merge.added);
  } else result.proposals = proposeMilestones(entries);
  return result;
}

/**
 * Reads `inputs`, keeps the window and filters, and merges the entries into `report` when one
 * is given (its impact start and resolution then give the default window). Throws an
 * {@link ImportError} for input it cannot use; lines it cannot read are in `skipped`.
 */
export function importTimeline(inputs: readonly SourceInput[], options: ImportOptions, report?: Report, token?: CancellationToken): ImportResult {
  const steps = importSteps(inputs, options, report, token);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * {@link importTimeline} for callers that show progress: `onStep` is awaited before each step,
 * so it can report the step and let the event loop turn (and a cancellation arrive).
 */
export async function importTimelineStepwise(
  inputs: readonly SourceInput[],
  options: ImportOptions,
  onStep: (step: ImportStep) => void | Promise<void>,
  report?: Report,
  token?: CancellationToken,
): Promise<ImportResult> {
  const steps = importSteps(inputs, options, report, token);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await onStep(next.value);
    throwIfCancelled(token);
  }
}

/** The entries as a Markdown list in UTC, one per line, for printing without a report. */
export function entriesAsList(entries: readonly PlacedEntry[]): string {
  const utc = resolveImportZone('UTC')!;
  return entries
    .map((e) => {
      const w = utcToWall(e.utc, utc);
      return `${e.reply ? '  ' : ''}- ${formatDate(w)} ${formatTime(w)} UTC ${escapeMarkdown(e.text, false)}\n`;
    })
    .join('');
}
