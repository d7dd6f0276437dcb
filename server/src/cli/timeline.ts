/**
 * `incident-scribe timeline import SOURCE… [--into REPORT [--dry-run]]`: drafts timeline entries
 * from logs (the Server Admin Log, IRC, a Slack export folder, git log, alert history). Without
 * `--into` the entries are printed; with it the report is updated atomically, and `--dry-run`
 * prints the unified diff instead. Proposed milestones, skipped lines and counts go to stderr.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkReport } from '../core/check.js';
import { unifiedDiff } from '../core/fix/diff.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { formatDate, formatTime, resolveImportZone, utcToWall } from '../core/timeline-import/clock.js';
import { describeStep, entriesAsList, ImportError, importTimelineStepwise, isSourceFormat, SOURCE_FORMATS, type ImportResult, type ImportStep, type SourceInput } from '../core/timeline-import/index.js';
import { describeIoError } from '../node/config.js';
import { WorkspaceError } from '../node/errors.js';
import { decodeText, readTextFile } from '../node/read.js';
import { writeFileAtomic } from '../node/write-file.js';
import { parseCommandArgs } from './args.js';
import { configFor, guarded, type CommandIO } from './export.js';
import { EXIT, UsageError } from './io.js';

export const TIMELINE_USAGE = `Usage: incident-scribe timeline import SOURCE... [options]

Drafts timeline entries from the logs of an incident: the Server Admin Log (wikitext), IRC logs,
a Slack export folder, git log output, and alert history (Alertmanager JSON, or any CSV or JSON
with a time and a text column). Each SOURCE's format is detected unless --from names it.

Options:
  --from FORMAT        sal, irc, slack, git, alerts, csv, json or auto (default)
  --zone ZONE          the zone of logs that do not say theirs: an IANA name (Europe/Berlin)
                       or UTC, PDT, +02:00
  --since TIME         keep entries from TIME (ISO 8601; without a zone, in --zone, else UTC)
  --until TIME         keep entries up to TIME (a minute without seconds is kept whole)
  --nick NICK          keep entries by NICK (repeatable)
  --grep WORDS         keep entries whose text holds WORDS, any case (repeatable)
  --time-column NAME   the time column of a CSV or JSON table
  --text-column NAME   the text column of a CSV or JSON table
  --into REPORT        merge the entries into REPORT's timeline (in its shape and zone; the
                       window defaults to one hour before its impact start to its resolution)
                       and write REPORT atomically
  --dry-run            with --into: print the unified diff instead of writing
  --profile NAME       report profile (as for check)
  --config FILE        configuration file (default: found as for check)
  --progress           show each step on stderr (default: only when stderr is a terminal)
  --help               show this help

Without --into the entries are printed as a Markdown list in UTC. Entries already in the report
(same minute, same words) are not added again; existing entries are never changed. Milestones
that the entries suggest are printed on stderr as proposals: the import never writes markers.

Exit codes: 0 imported, 2 usage or I/O problem, or input that cannot be read.
`;

/** How many skipped lines are listed before the rest is only counted. */
const SKIPPED_SHOWN = 20;

/** Reads a SOURCE argument: a file, or a folder with its files (a Slack export). */
function readSource(path: string, io: CommandIO): SourceInput {
  const full = resolve(io.cwd, path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(full).isDirectory();
  } catch (error) {
    throw new WorkspaceError(`${path}: cannot read (${describeIoError(error)})`);
  }
  if (!isDirectory) {
    const read = readTextFile(full);
    if (!read.ok) throw new WorkspaceError(`${path}: ${read.reason.replace(/; skipped.*$/, '')}`);
    return { name: path, files: [{ name: path, text: read.text }] };
  }
  const files: SourceInput['files'] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const child = join(dir, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (name.endsWith('.json')) {
        const read = decodeText(readFileSync(child));
        const shown = join(path, relative(full, child));
        if (!read.ok) throw new WorkspaceError(`${shown}: ${read.reason.replace(/; skipped.*$/, '')}`);
        files.push({ name: shown, text: read.text });
      }
    }
  };
  walk(full);
  return { name: path, files };
}

/**
 * Progress on stderr. On a terminal one line is rewritten in place and cleared at the end;
 * otherwise (`--progress` into a pipe or a CI log) each step is a line of its own.
 */
function progressPrinter(io: CommandIO, forced: boolean): { step: (step: ImportStep) => void; end: () => void } | undefined {
  const terminal = io.stderrIsTTY === true && io.env?.TERM !== 'dumb';
  if (!forced && !terminal) return undefined;
  let shown = false;
  return {
    step(step) {
      const line = `[${String(step.percent).padStart(3)}%] ${describeStep(step)}...`;
      if (terminal) {
        io.stderr(`\r\x1b[K${line}`);
        shown = true;
      } else io.stderr(`${line}\n`);
    },
    end() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/** What happened, on stderr: each source's format, skipped lines, counts, proposals. */
function report(result: ImportResult, io: CommandIO): void {
  const zone = resolveImportZone(result.merge?.zone ?? 'UTC')!;
  for (const s of result.skipped.slice(0, SKIPPED_SHOWN)) io.stderr(`${s.file}${s.line ? ':' + s.line : ''}: skipped: ${s.reason}\n`);
  if (result.skipped.length > SKIPPED_SHOWN) io.stderr(`... and ${result.skipped.length - SKIPPED_SHOWN} more skipped lines\n`);
  const formats = result.formats.map((f) => `${f.name} (${f.format})`).join(', ');
  const merge = result.merge;
  io.stderr(
    `Read ${result.read} entries from ${formats}; ${result.entries.length} in the window` +
      (merge ? `; added ${merge.added.length}, ${merge.duplicates.length} already there` : '') +
      (result.skipped.length ? `; ${result.skipped.length} line${result.skipped.length === 1 ? '' : 's'} skipped` : '') +
      '\n',
  );
  for (const p of result.proposals) {
    const w = utcToWall(p.utc, zone);
    io.stderr(`Proposed ${p.milestone}: ${formatDate(w)} ${formatTime(w)} ${zone.name} "${p.text}" (from "${p.words}"; add ${p.marker} to confirm)\n`);
  }
}

/** Runs `timeline import` with `args` (after the command name); resolves to the exit code. */
export function runTimeline(args: string[], io: CommandIO): Promise<number> {
  return guarded('timeline', io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      zone: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      nick: { type: 'string', multiple: true },
      grep: { type: 'string', multiple: true },
      'time-column': { type: 'string' },
      'text-column': { type: 'string' },
      into: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      profile: { type: 'string' },
      config: { type: 'string' },
      progress: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      io.stdout(TIMELINE_USAGE);
      return EXIT.ok;
    }
    const [sub, ...sources] = positionals;
    if (sub !== 'import') throw new UsageError(sub === undefined ? 'missing subcommand: timeline import SOURCE...' : `unknown subcommand "${sub}" (timeline import)`);
    if (sources.length === 0) throw new UsageError('no source given: name the log files or Slack export folders to import');
    const from = values.from ?? 'auto';
    if (!isSourceFormat(from)) throw new UsageError(`unknown format "${from}" for --from; choose one of ${SOURCE_FORMATS.join(', ')}, auto`);
    if (values['dry-run'] && values.into === undefined) throw new UsageError('--dry-run needs --into REPORT');
    const inputs = sources.map((s) => readSource(s, io));
    const into = values.into;
    let before: string | undefined;
    let parsedReport;
    if (into !== undefined) {
      const read = readTextFile(resolve(io.cwd, into));
      if (!read.ok) throw new WorkspaceError(`${into}: ${read.reason.replace(/; skipped.*$/, '')}`);
      before = read.text;
      parsedReport = checkReport(into, before, new MarkdownParser(), configFor(into, io, values.config, values.profile)).report;
    }
    let result: ImportResult;
    const progress = progressPrinter(io, values.progress);
    try {
      result = await importTimelineStepwise(
        inputs,
        { from, zone: values.zone, since: values.since, until: values.until, nicks: values.nick, words: values.grep, columns: { time: values['time-column'], text: values['text-column'] } },
        (step) => progress?.step(step),
        parsedReport,
      );
    } catch (error) {
      if (error instanceof ImportError) throw new WorkspaceError(error.message);
      throw error;
    } finally {
      progress?.end();
    }
    report(result, io);
    if (into === undefined || !result.merge) {
      io.stdout(entriesAsList(result.entries));
      return EXIT.ok;
    }
    const after = result.merge.text;
    if (values['dry-run']) {
      io.stdout(unifiedDiff(relative(io.cwd, resolve(io.cwd, into)).split('\\').join('/'), before!, after));
      return EXIT.ok;
    }
    if (after === before) return EXIT.ok;
    const now = readTextFile(resolve(io.cwd, into));
    if (!now.ok || now.text !== before) throw new WorkspaceError(`${into} changed on disk during the import; left alone, run the import again`);
    try {
      await writeFileAtomic(resolve(io.cwd, into), after, { overwrite: true });
    } catch (error) {
      throw new WorkspaceError(`${into}: cannot write (${describeIoError(error)})`);
    }
    io.stderr(`Updated ${into}\n`);
    return EXIT.ok;
  });
}

/** The entry of the command table. */
export const timelineCommand = {
  name: 'timeline',
  summary: 'import timeline entries from SAL, IRC, Slack, git or alert logs',
  usage: TIMELINE_USAGE,
  run: runTimeline,
};
