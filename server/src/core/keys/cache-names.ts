/**
 * Which variable and property names of a PHP file may hold a cache, told from the text alone and
 * wider than extraction (facts.ts) ever decides: a name is kept when its name says cache, when a
 * declaration of it mentions a cache type (a parameter, a property, a `@var` comment), or when it
 * is assigned a cache getter or a property that may hold one. A name this says no to is never
 * given a cache kind by extraction, so a call on it can be no cache operation.
 */
import { kindOfName, looksLikeCacheName, namesSharedCache } from './cache-kind.js';
import { expressionEnd } from './php-bodies.js';

/** Words of the cache types that are shared or server-wide (in-process ones hold no key that matters). */
const CACHE_TYPE = /BagOStuff|WANObjectCache/gi;
const VARIABLE = /\$(\w+)/g;
const ASSIGNMENT = /(?:\$|->\s*)(\w+)\s*=(?![=>])/g;
const THIS_PROPERTY = /^[\s(]*\$this\s*(?:\?\s*)?->\s*(\w+)[\s)]*$/;
/** How far after a cache type its declared names are looked for. */
const DECLARATION_REACH = 300;

/** Answers "may `name` hold a cache?" for one file, remembering each answer. */
export class CacheNames {
  private readonly answers = new Map<string, boolean>();
  private typed?: Set<string>;
  private assignments?: Map<string, number[]>;

  constructor(private readonly text: string) {}

  /** True when a variable or property called `name` may be a cache in this file. */
  mayBeCache(name: string): boolean {
    let answer = this.answers.get(name);
    if (answer === undefined) {
      // Asked again while answering (`$this->a = $this->b`, `$this->b = $this->a`): no by that path.
      this.answers.set(name, false);
      answer = this.decide(name);
      this.answers.set(name, answer);
    }
    return answer;
  }

  private decide(name: string): boolean {
    if (looksLikeCacheName(name) || kindOfName(name) !== 'unknown') return true;
    if ((this.typed ??= typedNames(this.text)).has(name)) return true;
    this.assignments ??= assignmentsOf(this.text);
    for (const from of this.assignments.get(name) ?? []) {
      const value = this.text.slice(from, expressionEnd(this.text, from));
      if (namesSharedCache(value)) return true;
      const property = THIS_PROPERTY.exec(value)?.[1];
      if (property !== undefined && this.mayBeCache(property)) return true;
    }
    return false;
  }
}

/**
 * Names declared with a cache type: every `$name` after a cache type word up to the `(`, `,`,
 * `;`, `{` or `}` that ends its declaration (`BagOStuff|null $cache`); a type in a comment
 * (`@var BagOStuff`) reaches on past the comment, to the declaration it documents.
 */
function typedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(CACHE_TYPE)) {
    const start = m.index + m[0].length;
    let from = start;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (text.lastIndexOf('/*', m.index) > text.lastIndexOf('*/', m.index)) from = endOf(text, '*/', start) + 2;
    else if (LINE_COMMENT.test(text.slice(lineStart, m.index))) from = endOf(text, '\n', start);
    const stop = Math.min(text.length, from + DECLARATION_REACH);
    let end = from;
    while (end < stop && !'(,;{}'.includes(text[end])) end++;
    for (const v of text.slice(start, end).matchAll(VARIABLE)) names.add(v[1]);
  }
  return names;
}

const LINE_COMMENT = /\/\/|#(?!\[)/;

function endOf(text: string, mark: string, from: number): number {
  const at = text.indexOf(mark, from);
  return at < 0 ? text.length : at;
}

/** Where the value of each assignment to `$name` or `->name` starts, by name. */
function assignmentsOf(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(ASSIGNMENT)) {
    const list = out.get(m[1]);
    const from = m.index + m[0].length;
    if (list) list.push(from);
    else out.set(m[1], [from]);
  }
  return out;
}
