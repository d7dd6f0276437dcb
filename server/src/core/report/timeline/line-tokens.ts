/**
 * The time tokens of one line of a section's text, read where the timeline's walk stands: the
 * readers of `tokens.ts` work on a line alone, and these give their tokens back with offsets
 * into the whole text (a line ending in `\r` is read without it).
 */
import { readLabelledToken, readLeadingToken, readOffsetToken, readTrailingToken, type TimeToken } from './tokens.js';

/** The line of `text` from `offset` to its end or `limit`, whichever comes first. */
function lineFrom(text: string, offset: number, limit: number): string {
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
  return text.slice(offset, lineEnd).replace(/\r$/, '');
}

/** A token read from a line that starts at `offset`, moved to offsets into the whole text. */
function at(t: TimeToken | undefined, offset: number): TimeToken | undefined {
  return t && { ...t, start: t.start + offset, end: t.end + offset, rest: t.rest + offset };
}

/** The token at `offset`, read on that line only. */
export function tokenAt(text: string, offset: number, limit = text.length): TimeToken | undefined {
  return at(readLeadingToken(lineFrom(text, offset, limit)), offset);
}

/**
 * The token at `offset`, else an offset from an earlier entry there (`+50 minutes`), else the
 * time after a short label there ("Incident Start: 14:05 UTC").
 */
export function entryTokenAt(text: string, offset: number, limit = text.length): TimeToken | undefined {
  const line = lineFrom(text, offset, limit);
  return at(readLeadingToken(line) ?? readOffsetToken(line) ?? readLabelledToken(line), offset);
}

/** A time written after the event, at the end of the block ending at `to` ("Deployed (14:05 UTC)"). */
export function trailingTokenAt(text: string, from: number, to: number): TimeToken | undefined {
  const lineStart = Math.max(from, text.lastIndexOf('\n', to - 1) + 1);
  return at(readTrailingToken(text.slice(lineStart, to).replace(/\r$/, '')), lineStart);
}
