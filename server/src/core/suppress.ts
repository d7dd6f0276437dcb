/**
 * Inline suppression comments:
 * - Markdown: `<!-- incident-scribe-disable-next-line RULE -->`, `<!-- incident-scribe-disable RULE -->`
 *   (until `<!-- incident-scribe-enable RULE -->` or the end of the file);
 * - PHP: the same words after `//`, `#` or inside `/* … *\/`.
 * Without a rule id a directive applies to every rule. Several ids may be listed, separated by
 * spaces or commas.
 */

/** Which comment syntax a file uses. */
export type CommentStyle = 'markdown' | 'php';

interface Region {
  rules: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

/** A word a directive names as a rule id, where it is written (0-based line, UTF-16 columns). */
export interface NamedRule {
  id: string;
  line: number;
  start: number;
  end: number;
}

/** Suppression regions as plain data (JSON, worker messages): `rules` is a list, or `all`. */
export interface SuppressionData {
  rules: string[] | 'all';
  fromLine: number;
  toLine: number;
}

/** Suppression regions of one file, ready for lookups. */
export class Suppressions {
  constructor(
    private readonly regions: Region[],
    /** Every rule id the directives name, as written: `suppression/unknown-rule` checks them. */
    readonly named: readonly NamedRule[] = [],
  ) {}

  /** Rebuilds suppressions from {@link Suppressions.toData} and the {@link Suppressions.named} rule ids. */
  static fromData(data: readonly SuppressionData[], named: readonly NamedRule[] = []): Suppressions {
    return new Suppressions(
      data.map((r) => ({ rules: r.rules === 'all' ? 'all' : new Set(r.rules), fromLine: r.fromLine, toLine: r.toLine })),
      named,
    );
  }

  /** The regions as plain data. */
  toData(): SuppressionData[] {
    return this.regions.map((r) => ({ rules: r.rules === 'all' ? 'all' : [...r.rules], fromLine: r.fromLine, toLine: r.toLine }));
  }

  /** True when `ruleId` is suppressed on 0-based `line`. */
  has(ruleId: string, line: number): boolean {
    return this.regions.some((r) => line >= r.fromLine && line <= r.toLine && (r.rules === 'all' || r.rules.has(ruleId)));
  }

  get size(): number {
    return this.regions.length;
  }
}

const MARKDOWN = /<!--\s*incident-scribe-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
const PHP = /(?:\/\/|#|\/\*)\s*incident-scribe-(disable-next-line|disable-line|disable|enable)\b((?:(?!\*\/)[^\n])*)/g;

/** Finds the suppression directives in `text`. */
export function parseSuppressions(text: string, style: CommentStyle): Suppressions {
  if (!text.includes('incident-scribe-')) return new Suppressions([], []);
  const pattern = style === 'markdown' ? MARKDOWN : PHP;
  const regions: Region[] = [];
  const named: NamedRule[] = [];
  const open = new Map<string, number>();
  const lineOf = lineCounter(text);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const line = lineOf(m.index);
    const argsAt = m.index + m[0].indexOf(m[1]) + m[1].length;
    const column = argsAt - (text.lastIndexOf('\n', argsAt - 1) + 1);
    for (const word of m[2].matchAll(/[^\s,]+/g)) {
      // A PHP block comment's closing `*/` and the like are not rule ids.
      if (!/[a-z]/i.test(word[0])) continue;
      named.push({ id: word[0], line, start: column + word.index, end: column + word.index + word[0].length });
    }
    const ids = m[2].split(/[\s,]+/).filter((s) => /^[a-z-]+\/[a-z-]+$/.test(s));
    const rules: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    switch (m[1]) {
      case 'disable-next-line':
        regions.push({ rules, fromLine: line + 1, toLine: line + 1 });
        break;
      case 'disable-line':
        regions.push({ rules, fromLine: line, toLine: line });
        break;
      case 'disable':
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
        break;
      case 'enable':
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          regions.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: line });
          open.delete(id);
        }
        break;
    }
  }
  for (const [id, from] of open) regions.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  return new Suppressions(regions, named);
}

function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let at = 0;
  return (offset) => {
    // Directives are found in increasing order, so counting resumes where it stopped.
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}
