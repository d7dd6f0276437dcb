/**
 * The text "Insert Timeline Entry (now, UTC)" inserts. It follows the style of the timeline it
 * goes into: a table row when the entries around it are table rows, a list item otherwise, and
 * no per-entry zone when the report already declares that all times are UTC.
 */
import { findZoneDeclaration } from '../../server/src/core/report/timeline/zones.js';

/** What the command knows about where the cursor is. */
export interface EntryContext {
  /** Text of the cursor's line. */
  lineText: string;
  /** The closest non-blank line above the cursor, if any. */
  previousLine?: string;
  /** The whole document, to look for a zone declaration and the date of earlier entries. */
  documentText: string;
}

/** The entry to insert, as a VS Code snippet (`$0` is where the cursor goes) and as plain text. */
export interface TimelineEntryText {
  snippet: string;
  text: string;
  /**
   * True when the entry goes on a new line below the cursor's line; false when it replaces the
   * cursor's line (blank, or a bullet with nothing after it).
   */
  newLine: boolean;
}

/**
 * True when the document declares once that its times are UTC ("All times in UTC.", a heading
 * "Timeline (UTC)"), read exactly as the timeline checks read it, so that an entry left without
 * a zone is never one the checks take for another zone.
 */
export function declaresUtc(documentText: string): boolean {
  return documentText.split(/\r?\n/).some((line) => {
    const declaration = findZoneDeclaration(line, /^\s*(?:#|\|)/.test(line));
    return declaration !== undefined && declaration.zone.offset === 0;
  });
}

/** `HH:MM` of an instant in UTC. */
export function utcTime(now: Date): string {
  return now.toISOString().slice(11, 16);
}

/** The last `YYYY-MM-DD` written in the text, or undefined. */
export function lastDateIn(text: string): string | undefined {
  const dates = text.match(/\b\d{4}-\d{2}-\d{2}\b/g);
  return dates?.[dates.length - 1];
}

/** Escapes text for the body of a VS Code snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/**
 * Builds the timeline entry stamped `now`. The date is written when it differs from the last date
 * in the document (or there is none), so an entry made after midnight never takes yesterday's.
 */
export function timelineEntry(now: Date, context: EntryContext): TimelineEntryText {
  const date = now.toISOString().slice(0, 10);
  const lastDate = lastDateIn(context.documentText);
  const time = utcTime(now);
  const stamp = (lastDate === undefined || lastDate < date ? `${date} ` : '') + time + (declaresUtc(context.documentText) ? '' : ' UTC');
  const line = context.lineText;
  const blank = line.trim() === '';
  const emptyBullet = /^\s*[-*+]\s*$/.test(line);
  const inTable = /^\s*\|/.test(blank ? (context.previousLine ?? '') : line);
  if (inTable) {
    // A row with the stamp in the first column; the other columns are left for the user.
    const text = `| ${stamp} | `;
    return { text: text + ' |', snippet: escapeSnippet(text) + '$0 |', newLine: !blank };
  }
  if (emptyBullet) {
    // Keep the bullet the user typed and only add the stamp after it.
    const bullet = line.trimEnd();
    const text = `${bullet} ${stamp} `;
    return { text, snippet: escapeSnippet(text) + '$0', newLine: false };
  }
  const reference = /^(\s*)([-*+])\s/.exec(blank ? (context.previousLine ?? '') : line);
  const text = `${reference?.[1] ?? ''}${reference?.[2] ?? '-'} ${stamp} `;
  return { text, snippet: escapeSnippet(text) + '$0', newLine: !blank };
}
