/**
 * A maintainers table in wikitext, as wikis keep them ("Developers/Maintainers"): one row per
 * component, a steward team column and an individual maintainers column. Columns are found by
 * their header (component / extension / area; steward / team; maintainer / individual / people);
 * without a header they are taken in that order. Cells may be on one line (`||`) or one per line.
 * Links and user templates give their visible name; "none", "unknown", "?" and dashes mean
 * nobody.
 */
import { LineIndex } from '../text.js';
import { parseOwnerToken } from './names.js';
import type { OwnerRef, OwnersProblem, OwnersSource, OwnershipEntry } from './types.js';

type Column = 'component' | 'team' | 'people' | 'other';

const NOBODY = /^(?:none|nobody|unknown|unmaintained|n\/?a|tbd|\?+|[-\u2013\u2014]+)$/i;

function columnOf(header: string): Column {
  const h = plain(header).toLowerCase();
  if (/component|extension|area|skin|service|repositor/.test(h)) return 'component';
  if (/steward|team/.test(h)) return 'team';
  if (/maintainer|individual|people|developer|owner/.test(h)) return 'people';
  return 'other';
}

/** The visible text of a cell: links and user templates give their label. */
function plain(cell: string): string {
  return cell
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[(?:[Uu]ser:)?([^\]]*)\]\]/g, '$1')
    .replace(/\{\{\s*(?:u|user|ping|noping|re)\s*\|([^}|]*)[^}]*\}\}/gi, '$1')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\[(?:https?:)?\/\/\S+\s+([^\]]*)\]/g, '$1')
    .replace(/<[^>]*>/g, ',')
    .replace(/'{2,}/g, '')
    .trim();
}

function names(cell: string): string[] {
  return plain(cell)
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((n) => n.trim())
    .filter((n) => n && !NOBODY.test(n));
}

/** Reads the maintainer tables of a wikitext page. */
export function parseWikitextMaintainers(file: string, text: string): OwnersSource {
  const lines = new LineIndex(text);
  const entries: OwnershipEntry[] = [];
  const problems: OwnersProblem[] = [];
  let inTable = false;
  let columns: Column[] = [];
  let row: { cells: string[]; line: number } | undefined;
  let tables = 0;

  const finishRow = () => {
    if (!row || row.cells.length === 0) return (row = undefined);
    const kinds = columns.length > 0 ? columns : (['component', 'team', 'people'] as Column[]);
    const cell = (kind: Column) => row!.cells.filter((_, i) => kinds[i] === kind);
    const component = cell('component').map(plain).find((c) => c.length > 0);
    const lineStart = lines.lineStart(row.line);
    if (!component) {
      problems.push({ file, range: lines.rangeOf(lineStart, lines.lineEnd(row.line)), message: 'This row names no component.' });
      return (row = undefined);
    }
    const owners: OwnerRef[] = [];
    const add = (kind: 'team' | 'person') => (name: string) => {
      const token = parseOwnerToken(name);
      if (token) owners.push({ name: token.name, kind: kind === 'team' ? 'team' : token.kind, status: 'active' });
    };
    cell('team').flatMap(names).forEach(add('team'));
    cell('people').flatMap(names).forEach(add('person'));
    entries.push({ patterns: [], component, owners, file, line: row.line });
    row = undefined;
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const raw = text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    if (raw.startsWith('{|')) {
      inTable = true;
      tables++;
      columns = [];
      row = undefined;
      continue;
    }
    if (!inTable) continue;
    if (raw.startsWith('|}')) {
      finishRow();
      inTable = false;
      continue;
    }
    if (raw.startsWith('|+')) continue;
    if (raw.startsWith('|-')) {
      finishRow();
      continue;
    }
    if (raw.startsWith('!')) {
      columns.push(...raw.slice(1).split('!!').map((h) => columnOf(h.replace(/^[^|[]*\|(?!\|)/, ''))));
      continue;
    }
    if (raw.startsWith('|')) {
      row ??= { cells: [], line };
      // A cell may carry attributes before a single pipe: `| style="…" | text`.
      row.cells.push(...raw.slice(1).split('||').map((c) => c.replace(/^[^|[{]*=[^|]*\|(?!\|)/, '')));
    } else if (row && row.cells.length > 0) {
      row.cells[row.cells.length - 1] += ' ' + raw;
    }
  }
  if (inTable) {
    finishRow();
    problems.push({ file, range: lines.rangeOf(text.length, text.length), message: 'A table is not closed with "|}".' });
  }
  if (tables === 0) problems.push({ file, range: lines.rangeOf(0, 0), message: 'No wikitext table ("{|" … "|}") in this file.' });
  return { file, entries, problems };
}
