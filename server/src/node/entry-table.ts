/**
 * Timeline entries as they cross from an analysis worker to the language server's main thread.
 *
 * A 1 MB report has thousands of entries; as objects (ranges, cues, milestones) they take the
 * main thread tens of milliseconds to receive after every analysis, and a hover waits for that.
 * Even as JSON strings (megabytes of them) they take it several milliseconds to copy in. As a
 * table of typed arrays over shared memory they are neither copied nor moved: where each entry
 * is, and each entry as UTF-8 JSON, read back only for the entries a request is about. A table
 * is never written once built, so the worker that built it and the thread that reads it can
 * both hold it.
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

/** A table and, per entry, where its milestone marker goes (line, character). */
export interface BuiltTable {
  table: EntryTable;
  markers: Int32Array;
}

/** A typed array of `length` elements over new shared memory (never written once handed out). */
function shared<T extends Int32Array | Uint8Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/**
 * Builds the entry tables of one document's versions. An analysis hands over the entries of
 * unchanged chunks as the same objects as in the last version (`ReportSession`), so the entries
 * before and after the edited ones are the last table's, bytes and all: they are copied as two
 * blocks, and only the entries in between are written again. The last table is kept here and
 * handed out as it is: it lives in shared memory and nobody writes it again, so handing it to
 * another thread costs neither a copy nor this side's use of it.
 */
export class EntryTableBuilder {
  private entries: readonly TimelineEntry[] = [];
  private json = shared(Uint8Array, 0);
  private ends = shared(Int32Array, 0);
  private bounds = shared(Int32Array, 0);
  private markers = shared(Int32Array, 0);

  /** The table of `entries`; `markerOf` says where an entry's marker goes (the same for the same entry object). */
  build(entries: readonly TimelineEntry[], markerOf: (entry: TimelineEntry) => Position): BuiltTable {
    const old = this.entries;
    const n = entries.length;
    const m = old.length;
    let same = 0;
    while (same < n && same < m && entries[same] === old[same]) same++;
    let tail = 0;
    while (tail < n - same && tail < m - same && entries[n - 1 - tail] === old[m - 1 - tail]) tail++;

    const parts: Uint8Array[] = [];
    for (let i = same; i < n - tail; i++) parts.push(encoder.encode(JSON.stringify(entries[i])));
    const headBytes = same > 0 ? this.ends[same - 1] : 0;
    const oldTailStart = m - tail > 0 ? this.ends[m - tail - 1] : 0;
    const middleBytes = parts.reduce((sum, p) => sum + p.length, 0);
    const json = shared(Uint8Array, headBytes + middleBytes + (this.json.length - oldTailStart));
    const ends = shared(Int32Array, n);
    const bounds = shared(Int32Array, n * 4);
    const markers = shared(Int32Array, n * 2);
    json.set(this.json.subarray(0, headBytes), 0);
    ends.set(this.ends.subarray(0, same), 0);
    bounds.set(this.bounds.subarray(0, same * 4), 0);
    markers.set(this.markers.subarray(0, same * 2), 0);
    let at = headBytes;
    for (let i = same; i < n - tail; i++) {
      const bytes = parts[i - same];
      json.set(bytes, at);
      at += bytes.length;
      ends[i] = at;
      const { start, end } = entries[i].range;
      bounds[i * 4] = start.line;
      bounds[i * 4 + 1] = start.character;
      bounds[i * 4 + 2] = end.line;
      bounds[i * 4 + 3] = end.character;
      const marker = markerOf(entries[i]);
      markers[i * 2] = marker.line;
      markers[i * 2 + 1] = marker.character;
    }
    json.set(this.json.subarray(oldTailStart), at);
    for (let k = 0; k < tail; k++) ends[n - tail + k] = this.ends[m - tail + k] - oldTailStart + at;
    bounds.set(this.bounds.subarray((m - tail) * 4), (n - tail) * 4);
    markers.set(this.markers.subarray((m - tail) * 2), (n - tail) * 2);

    const withMilestones: number[] = [];
    for (let i = 0; i < n; i++) if (entries[i].milestones.length > 0) withMilestones.push(i);
    Object.assign(this, { entries, json, ends, bounds, markers });
    return { table: { bounds, json, ends, withMilestones }, markers };
  }
}

/** Builds the table of `entries` on its own (see {@link EntryTableBuilder} for a document's versions). */
export function entryTable(entries: readonly TimelineEntry[], markerOf: (entry: TimelineEntry) => Position = () => ({ line: 0, character: 0 })): EntryTable {
  return new EntryTableBuilder().build(entries, markerOf).table;
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
