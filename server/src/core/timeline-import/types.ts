/**
 * What the timeline import reads and produces: log entries as each source gives them, before
 * and after their times are placed in UTC, and the problems met on the way.
 */

/** A wall-clock reading without a zone, as a log line writes it. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** One input: a file's path as the user named it (relative paths stay relative) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

/** The formats the import reads; `auto` asks the detector. */
export const SOURCE_FORMATS = ['sal', 'irc', 'slack', 'git', 'alerts', 'csv', 'json'] as const;

/** A source format. */
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One event read from a source: `utc` or `wall` as read; `utc` too once the zone is applied. */
export interface LogEntry {
  /** Milliseconds since the epoch, when the source says its zone (SAL, Slack, git, Alertmanager). */
  utc?: number;
  /** The clock reading, when the source does not say its zone (most IRC logs, CSV). */
  wall?: WallTime;
  /** The entry's words: `nick: message`, `Alert firing: Name`. One line, no Markdown meaning. */
  text: string;
  /** Who wrote it (IRC and SAL nick, Slack name, commit author), for `--nick`. */
  nick?: string;
  /** Task ids (`T123456`) the text names. */
  tasks?: string[];
  /** A reply in a thread: kept right after its parent, whatever its time. */
  reply?: boolean;
  /** Where it was read: file name and 1-based line (0 when the format has no lines). */
  file: string;
  line: number;
}

/** A line of a known format that could not be read: reported, then skipped. */
export interface SkippedLine {
  file: string;
  line: number;
  reason: string;
}

/** What reading one source gives. */
export interface ParsedSource {
  format: SourceFormat;
  entries: LogEntry[];
  skipped: SkippedLine[];
  /** Lines that are not messages by design (joins, quits, topic changes), counted, not listed. */
  ignored: number;
}

/** An import that cannot go on; its message is one line that says what to do. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** `zone` when only a zone is missing: the editor then asks for one. */
    readonly kind: 'format' | 'zone' | 'input' = 'input',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Task ids as Phabricator writes them. */
export const TASK_ID = /\bT\d{3,7}\b/g;

/** The task ids `text` names, in order, each once; undefined when none. */
export function taskIds(text: string): string[] | undefined {
  const found = text.match(TASK_ID);
  return found ? [...new Set(found)] : undefined;
}

/** Splits text into lines without their breaks (`\n`, `\r\n`). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
