/**
 * The entries of a timeline table: a row is an entry when the table has a Time/Date/When column
 * or its first cell starts with a time or date; separate Date and Time columns are combined, and
 * the time column's header may name the zone of its times (`| NZST | UTC | Event |`).
 */
import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { emphasisOf, restOf, nodeEnd as end, nodeStart as start } from './entry-text.js';
import type { Extraction } from './entries.js';
import { entryTokenAt } from './line-tokens.js';
import { hasDate, type TimeToken } from './tokens.js';
import { parseZone, ZONE_SOURCE } from './zones.js';

/** A column header that is only a zone's name: `NZST`, `**UTC**`, `UTC+2`. */
const BARE_ZONE = new RegExp(`^[*_\`]*(${ZONE_SOURCE})[*_\`]*$`);


/** Adds the entries of `table` to `out`; `headerZone` reads a zone declared in a header cell. */
export function readTable(table: Table, text: string, out: Extraction, headerZone: (from: number, to: number) => void): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const titles = header.children.map((c) => toString(c).trim());
  let timeCol = titles.findIndex((t) => /^(?:times?|timestamps?|when|hour|date\s*(?:\/|&|and|,)\s*time)\b/i.test(t));
  // A Date column wins over a Day column, which may hold only the weekday ("Fri").
  let dateCol = titles.findIndex((t, i) => i !== timeCol && /^dates?\b/i.test(t));
  if (dateCol < 0) dateCol = titles.findIndex((t, i) => i !== timeCol && /^days?\b/i.test(t));
  if (timeCol < 0 && dateCol >= 0) [timeCol, dateCol] = [dateCol, -1];
  if (timeCol < 0) {
    const firstCell = rows[0]?.children[0];
    if (!firstCell || !cellToken(text, firstCell)) return;
    timeCol = 0;
  }
  // A table with the local time and UTC side by side (`| NZST | UTC | Event |`) names a zone in
  // each; the times read are those of the time column, in the zone its own header names.
  // A header that is only the zone's name ("NZST", "UTC") declares it there.
  const zones = out.headerZones.length;
  const timeHeader = header.children[timeCol];
  const named = timeHeader && BARE_ZONE.exec(toString(timeHeader).trim());
  const own = named ? parseZone(named[1]) : undefined;
  if (own) out.headerZones.push({ zone: own, start: start(timeHeader), end: end(timeHeader) });
  else if (timeHeader) headerZone(start(timeHeader), end(timeHeader));
  if (out.headerZones.length === zones) for (const cell of header.children) headerZone(start(cell), end(cell));
  for (const row of rows) {
    const cells = row.children;
    const timeCell = cells[timeCol] as TableCell | undefined;
    const dateCell = dateCol >= 0 ? (cells[dateCol] as TableCell | undefined) : undefined;
    const token = timeCell && cellToken(text, timeCell);
    const dateToken = dateCell && cellToken(text, dateCell);
    const texts = cells.map((c) => toString(c).trim());
    const rest = texts.filter((_, i) => i !== timeCol && i !== dateCol).join(' | ');
    out.items.push({
      kind: 'entry',
      start: start(row),
      end: end(row),
      // Without a readable Time cell, the Date cell stands for the entry (a date-only row).
      token: token ?? dateToken,
      dateToken: token && dateToken && hasDate(dateToken) ? dateToken : undefined,
      text: texts.join(' | '),
      rest: token ? [restOf(texts[timeCol] ?? ''), rest].filter(Boolean).join(' | ') : rest,
      emphasis: emphasisOf(cells),
      nested: false,
      container: table,
      node: row,
    });
  }
}

function cellToken(text: string, cell: TableCell): TimeToken | undefined {
const first = cell.children[0];
return first ? entryTokenAt(text, start(first), end(cell.children[cell.children.length - 1])) : undefined;
}
