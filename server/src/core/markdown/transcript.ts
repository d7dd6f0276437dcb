/**
 * Pasted chat: a log of messages copied from a chat tool into a report, each message opened by a
 * line that names who spoke and when (`alex [4:12 PM]`, `> sam   [16:12]`, `[16:12] <sam>`).
 * The messages are the speakers' own words on their own day; the stamps are the report's.
 */

/**
 * A speaker line: a handle (or two words of a name), then the stamp in square brackets, alone on
 * its line; or an IRC-style stamp and `<handle>` before the message. A blockquote mark may come
 * first. The stamp is a clock time or a relative one ("3 hours ago") as chat tools show it.
 */
const SPEAKER_LINE = new RegExp(
  [
    String.raw`^[ \t]*(?:>[ \t]*)?\**@?[\p{L}\p{N}._-]{2,40}(?: [\p{L}\p{N}._-]{2,40})?\**[ \t]+\[(?<stamp>[^\]\n]{1,24})\][ \t]*$`,
    String.raw`^[ \t]*(?:>[ \t]*)?\[(?<irc>\d{1,2}:\d{2}(?::\d{2})?)\][ \t]*<[^>\n]{1,40}>`,
  ].join('|'),
  'gmu',
);

const STAMP = /^(?:\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?|(?:\d+|an?|one|a few) (?:seconds?|minutes?|hours?|days?) ago|yesterday(?: at .*)?|today(?: at .*)?)$/i;

/** A log of pasted chat messages found in a piece of text (one chunk: a section's own text). */
export interface Transcript {
  /** Offset of the first speaker line: the log runs from here to the end of the text. */
  start: number;
  /** The speaker lines, as [start, end) offsets: the stamps, not the messages. */
  speakers: [number, number][];
}

/**
 * The chat log in `text`, when at least two speaker lines are there; undefined otherwise. The log
 * runs to the end of the text, so callers pass one section's own text (a chunk), whose next
 * heading ends the log.
 */
export function findTranscript(text: string): Transcript | undefined {
  const speakers: [number, number][] = [];
  SPEAKER_LINE.lastIndex = 0;
  for (let m = SPEAKER_LINE.exec(text); m; m = SPEAKER_LINE.exec(text)) {
    const stamp = m.groups?.stamp ?? m.groups?.irc ?? '';
    if (STAMP.test(stamp.trim())) speakers.push([m.index, m.index + m[0].length]);
  }
  return speakers.length >= 2 ? { start: speakers[0][0], speakers } : undefined;
}

/** True when `[start, end)` is in a message of the transcript (not on a speaker line). */
export function inMessage(transcript: Transcript | undefined, start: number, end: number): boolean {
  if (!transcript || start < transcript.start) return false;
  return !transcript.speakers.some(([s, e]) => start >= s && end <= e);
}
