/**
 * A small reader of VS Code snippet syntax (the TextMate dialect): `$1`, `${1:default}` (nested),
 * `${1|a,b|}`, `$NAME`, `${NAME:default}`, and `\$ \} \\` escapes. It checks that a body is well
 * formed and turns it into plain text, which is how the tests prove that the snippets make valid
 * reports and how "New Incident Report" falls back to the report snippet when no template ships.
 */

/** A piece of a parsed snippet. */
export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] };

/** Thrown for a body that VS Code would not read as intended. */
export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'SnippetSyntaxError';
  }
}

/** Parses a snippet body; throws {@link SnippetSyntaxError} on an unclosed or stray brace. */
export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  function parseSequence(inside: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (c === '}') {
        if (inside) {
          flush();
          return nodes;
        }
        throw new SnippetSyntaxError('"}" without a matching "${" (escape it as \\})', pos);
      } else if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    if (inside) throw new SnippetSyntaxError('"${" is never closed', body.length);
    flush();
    return nodes;
  }

  /** Reads what follows a `$`, or returns undefined when it is a literal dollar. */
  function parseDollar(): SnippetNode | undefined {
    const start = pos;
    const rest = body.slice(pos + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      pos += 1 + m[1].length;
      return { kind: 'tabstop', index: Number(m[1]), children: [] };
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      pos += 1 + m[1].length;
      return { kind: 'variable', name: m[1], children: [] };
    }
    if (rest[0] !== '{') return undefined;
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) throw new SnippetSyntaxError('"${" must be followed by a tab stop number or a variable name', start);
    pos += 1 + m[0].length;
    const id = m[1];
    const isIndex = /^\d/.test(id);
    const next = body[pos];
    if (next === '}') {
      pos++;
      return isIndex ? { kind: 'tabstop', index: Number(id), children: [] } : { kind: 'variable', name: id, children: [] };
    }
    if (next === ':') {
      pos++;
      const children = parseSequence(true);
      pos++; // the closing brace
      return isIndex ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
    }
    if (next === '|' && isIndex) {
      pos++;
      const options: string[] = [];
      let option = '';
      while (pos < body.length) {
        const c = body[pos];
        if (c === '\\' && pos + 1 < body.length && ',|\\$}'.includes(body[pos + 1])) {
          option += body[pos + 1];
          pos += 2;
        } else if (c === ',') {
          options.push(option);
          option = '';
          pos++;
        } else if (c === '|' && body[pos + 1] === '}') {
          options.push(option);
          pos += 2;
          return { kind: 'choice', index: Number(id), options };
        } else {
          option += c;
          pos++;
        }
      }
      throw new SnippetSyntaxError('choice "${N|…|}" is never closed', start);
    }
    throw new SnippetSyntaxError(`unexpected "${next ?? 'end of snippet'}" after "\${${id}"`, pos);
  }

  return parseSequence(false);
}

/** How to fill a snippet in when turning it into text. */
export interface ExpandOptions {
  /** Text for a tab stop; by default its placeholder (or first choice), or nothing. */
  tabstop?: (index: number, placeholder: string) => string;
  /** Values of variables such as `CURRENT_YEAR`; unknown variables keep their default. */
  variables?: Record<string, string>;
}

/** Turns a snippet body into the text it inserts, as VS Code would with the given values. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const seen = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'choice':
          case 'tabstop': {
            // A mirrored tab stop ($1 … $1) shows what its first occurrence got.
            const known = seen.get(node.index);
            if (known !== undefined && (node.kind === 'choice' || node.children.length === 0)) return known;
            const placeholder = node.kind === 'choice' ? (node.options[0] ?? '') : render(node.children);
            const value = options.tabstop ? options.tabstop(node.index, placeholder) : placeholder;
            if (!seen.has(node.index)) seen.set(node.index, value);
            return value;
          }
          case 'variable':
            return options.variables?.[node.name] ?? render(node.children);
        }
      })
      .join('');
  return render(nodes);
}

/** Every tab stop index a snippet uses, sorted, without repeats. */
export function tabstopIndexes(body: string | string[]): number[] {
  const out = new Set<number>();
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'choice') out.add(node.index);
      if (node.kind === 'tabstop' || node.kind === 'variable') walk(node.children);
    }
  };
  walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
  return [...out].sort((a, b) => a - b);
}
