/**
 * Timeline entries as they cross from an analysis worker to the language server's main thread.
 *
 * A 1 MB report has thousands of entries; as objects (ranges, cues, milestones) they take the
 * main thread tens of milliseconds to receive after every analysis, and a hover waits for that.
 * Even as JSON strings (megabytes of them) they take it several milliseconds to copy in. As a
 * table of typed arrays they are moved, not copied (`transferList`): where each entry is, and
 * each entry as UTF-8 JSON, read back only for the entries a request is about.
 */
import type { TimelineEntry } from '../core/report/types.js';
import type { Position, Range } from '../core/types.js';

/** The timeline entries of one analysis, in document order. */
export interface EntryTable {
  /** Per entry, four numbers: the first line and character, the last line and character of its range. */
  bounds: Int32Array;
  /** Every entry as JSON, UTF-8, one after the other. */
  json: Uint8Array;
  /** Per entry, where its JSON ends in {@link json} (it starts where the one before ends). */
  ends: Int32Array;
  /** Indexes of the entries that mark a milestone explicitly (`TimelineEntry.milestones`). */
  withMilestones: number[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** JSON of entries already written: an entry the analysis reused from the last version is not written again. */
const written = new WeakMap<TimelineEntry, Uint8Array>();

/** Builds the table of `entries`. */
export function entryTable(entries: readonly TimelineEntry[]): EntryTable {
  const bounds = new Int32Array(entries.length * 4);
  const ends = new Int32Array(entries.length);
  const parts: Uint8Array[] = new Array(entries.length);
  const withMilestones: number[] = [];
  let size = 0;
  entries.forEach((entry, i) => {
    const { start, end } = entry.range;
    bounds[i * 4] = start.line;
    bounds[i * 4 + 1] = start.character;
    bounds[i * 4 + 2] = end.line;
    bounds[i * 4 + 3] = end.character;
    let bytes = written.get(entry);
    if (bytes === undefined) {
      // JSON.stringify escapes lone surrogates, so the UTF-8 round trip gives the same text back.
      bytes = encoder.encode(JSON.stringify(entry));
      written.set(entry, bytes);
    }
    parts[i] = bytes;
    size += bytes.length;
    ends[i] = size;
    if (entry.milestones.length > 0) withMilestones.push(i);
  });
  const json = new Uint8Array(size);
  parts.forEach((bytes, i) => json.set(bytes, i === 0 ? 0 : ends[i - 1]));
  return { bounds, json, ends, withMilestones };
}

/**
 * The buffers of `table` (each its own, never shared): posted in a transfer list, they move to the
 * receiving thread without a copy, and are no longer usable where they were built.
 */
export function entryTableBuffers(table: EntryTable): ArrayBuffer[] {
  return [table.bounds.buffer as ArrayBuffer, table.json.buffer as ArrayBuffer, table.ends.buffer as ArrayBuffer];
}

/** Entries read back, per table: the same index gives the same object. */
const read = new WeakMap<EntryTable, (TimelineEntry | undefined)[]>();

/** The number of entries. */
export function entryCount(table: EntryTable): number {
  return table.ends.length;
}

/** The entry at `index`. */
export function entryAt(table: EntryTable, index: number): TimelineEntry {
  let entries = read.get(table);
  if (!entries) read.set(table, (entries = new Array(table.ends.length)));
  return (entries[index] ??= JSON.parse(decoder.decode(table.json.subarray(index === 0 ? 0 : table.ends[index - 1], table.ends[index]))) as TimelineEntry);
}

/** The range of the entry at `index`, without reading the entry. */
export function entryRange(table: EntryTable, index: number): Range {
  const b = table.bounds;
  return { start: { line: b[index * 4], character: b[index * 4 + 1] }, end: { line: b[index * 4 + 2], character: b[index * 4 + 3] } };
}

const before = (l1: number, c1: number, l2: number, c2: number): boolean => l1 < l2 || (l1 === l2 && c1 < c2);

/** The index of the first entry whose range contains `position` (ends included), or -1. */
export function entryIndexAt(table: EntryTable, position: Position): number {
  const b = table.bounds;
  for (let i = 0; i < b.length; i += 4) {
    if (!before(position.line, position.character, b[i], b[i + 1]) && !before(b[i + 2], b[i + 3], position.line, position.character)) return i / 4;
  }
  return -1;
}

/** Indexes of the entries whose lines overlap lines `from` to `to`. */
export function entriesOnLines(table: EntryTable, from: number, to: number): number[] {
  const out: number[] = [];
  const b = table.bounds;
  for (let i = 0; i < b.length; i += 4) if (b[i] <= to && b[i + 2] >= from) out.push(i / 4);
  return out;
}

/** The index of the first entry whose lines include `line`, or -1. */
export function entryIndexOnLine(table: EntryTable, line: number): number {
  const b = table.bounds;
  for (let i = 0; i < b.length; i += 4) if (b[i] <= line && line <= b[i + 2]) return i / 4;
  return -1;
}
