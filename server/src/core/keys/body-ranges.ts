/**
 * Which parts of a PHP file extraction needs parsed. Everything outside function bodies is always
 * parsed (classes, properties, constants, signatures with their parameters, top-level code) but
 * the imports at the file's head (`use Foo\Bar;`); a body is left out when nothing in it can
 * become a fact that extraction reads:
 * - a call of a builder, of `makeKeyInternal` or of a removed helper, or of a method named for a
 *   cache key (`->getSharedCacheKey(`);
 * - a cache operation (`->get(`, `->set(`…) on a receiver that may be a cache (cache-names.ts);
 * - `new Foo( … )` handed something a cache kind can be read from (service wiring);
 * - a class declaration, or a constructor (of an anonymous class);
 * - an assignment to a property of `$this` that may hold a cache;
 * - the body of a method named for a cache key, or of a method or property that a kept part
 *   reads (`$this->getKey()`, `$this->prefix`): its returns and assignments are followed.
 * Every test is on the text and wider than what extraction matches, so leaving a body out never
 * changes what it finds; the parser skips the body's text (tree-sitter's included ranges keep
 * every position of the file). A named function or method whose body is left out goes whole,
 * doc comment, modifiers and signature included, where that leaves text that reads the same:
 * its parameters are facts of its body only, and signatures are half of what is parsed outside
 * bodies.
 */
import type { Point, Range } from 'web-tree-sitter';
import { kindOfExpression, looksLikeCacheName } from './cache-kind.js';
import { CacheNames } from './cache-names.js';
import { expressionEnd, functionBodies, withoutCallArguments, type FunctionBody } from './php-bodies.js';
import { CACHE_METHODS, INTERNAL_BUILDERS, JOINERS, KEY_METHOD, REMOVED_HELPERS } from './queries.js';

/** Smaller files are parsed whole: looking for bodies to leave out would cost what it saves. */
const MIN_LENGTH = 2048;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CALL_TESTS = new Map<string, (body: string) => boolean>();

/** A call of a method named for a cache key, or the declaration of one (in an anonymous class). */
const KEY_METHOD_CALL = /(?:->|::|\bfunction\s+&?)\s*\w*(?:[Cc]ache|[Mm]emc)[Kk]ey\s*\(/;
/** A constructor inside a body belongs to an anonymous class, which extraction files under the class around it. */
const CONSTRUCTOR = /\bfunction\s+&?\s*__construct\b/i;
const CLASS_WORD = /\b(?:class|interface|trait|enum)\s/i;
const CLASS_DECLARATION = /(?:^|[;{}\]/>])\s*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+[a-z_\x80-\uffff]/im;

/**
 * Calls and declarations that are key sites or facts wherever they are, for a builder
 * configuration: builder and helper calls, calls (and declarations) of methods named for a cache
 * key (names are matched as exactly as the query does), class declarations and constructors.
 */
function callTest(builders: readonly string[]): (body: string) => boolean {
  const key = builders.join('\n');
  let test = CALL_TESTS.get(key);
  if (!test) {
    const names = [...builders, ...INTERNAL_BUILDERS, ...REMOVED_HELPERS].filter((n) => n.length > 0);
    const call = new RegExp(`\\b(?:${names.map(escape).join('|')})\\s*\\(`);
    test = (body) =>
      (names.some((n) => body.includes(n)) && call.test(body)) ||
      KEY_METHOD_CALL.test(body) ||
      (body.includes('__construct') && CONSTRUCTOR.test(body)) ||
      (CLASS_WORD.test(body) && CLASS_DECLARATION.test(body));
    CALL_TESTS.set(key, test);
  }
  return test;
}

const OPERATION = new RegExp(`(?:->|::)\\s*(?:${CACHE_METHODS.join('|')})\\s*\\(`, 'gi');
const NEW = /\bnew\b[^;(]*\(/gi;
const EMPTY_ARRAY = /\[\s*\]|\barray\s*\(\s*\)/i;
const PROPERTY_ASSIGNMENT = /\$this\s*(?:\?\s*)?->\s*(\w+)\s*=(?![=>])/g;
/** A function declared inside a body: a method of an anonymous class. */
const NESTED_FUNCTION = /\bfunction\s+&?\s*(\w+)\s*\(/gi;
/** Members a part reads: `$this->name`, `self::name`, `static::name`. */
const OWN_MEMBER = /(?:\$this\s*(?:\?\s*)?->|\b(?:self|static)\s*::)\s*\$?(\w+)/gi;
/** The name a receiver ends with: `$cache`, `$this->cache`, `( $cache )`. */
const TRAILING_NAME = /(?:\$|->\s*)(\w+)[\s)]*$/;
/** How far before a cache operation its receiver is looked for. */
const RECEIVER_REACH = 400;

/**
 * The ranges to parse: the whole file except the bodies no fact can come from, or undefined when
 * the whole file is to be parsed (shorter than `minLength`, nothing to leave out, or a text the
 * lexer cannot follow).
 */
export function rangesToParse(text: string, builders: readonly string[], options: { minLength?: number } = {}): Range[] | undefined {
  if (text.length < (options.minLength ?? MIN_LENGTH)) return undefined;
  const bodies = functionBodies(text);
  if (!bodies || bodies.length === 0) return undefined;
  const names = new CacheNames(text);
  const calls = callTest(builders);
  const keep = bodies.map((b) => {
    if (b.name !== undefined && KEY_METHOD.test(b.name)) return true;
    const body = bodyText(text, b);
    return calls(body) || hasCacheOperation(body, names) || hasCacheConstruction(body) || assignsCacheProperty(body, names);
  });
  followMembers(text, bodies, keep, builders);
  const whole = new Set([...builders, ...INTERNAL_BUILDERS, '__construct'].map((n) => n.toLowerCase()));
  const left: Gap[] = imports(text);
  bodies.forEach((b, i) => {
    if (keep[i]) return;
    const from = declarationStart(text, b, whole);
    if (from !== undefined) left.push({ from, to: b.close + 1 });
    else if (b.close > b.open + 1) left.push({ from: b.open + 1, to: b.close });
  });
  return left.length > 0 ? includedRanges(text, left) : undefined;
}

/** A part of the text left out of the parse: `[from, to)`. */
interface Gap {
  from: number;
  to: number;
}

const OPEN_TAG = /(?:#![^\n]*\n)?<\?php(?![\w\x80-\uffff])/y;
/** One piece of a file's head: space, a comment (not running past `?>`), `namespace Name;`, or an import (group 1). */
const HEAD =
  /\s+|\/\/(?:(?!\?>)[^\n])*|#(?!\[)(?:(?!\?>)[^\n])*|\/\*[\s\S]*?\*\/|namespace\s+[\w\\]+\s*;|(use\s+(?:function\s+|const\s+)?[\w\\]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w\\]+(?:\s+as\s+\w+)?)*\s*;)/y;

/**
 * The imports at the head of a file (`use Foo\Bar;` after `<?php` and `namespace`): extraction
 * reads names as written, never what they import, so they are left out of the parse. The head
 * ends at the first thing of any other form, so no string or inline HTML is ever taken for one.
 */
function imports(text: string): Gap[] {
  OPEN_TAG.lastIndex = 0;
  if (!OPEN_TAG.test(text)) return [];
  const out: Gap[] = [];
  HEAD.lastIndex = OPEN_TAG.lastIndex;
  for (let m = HEAD.exec(text); m; m = HEAD.exec(text)) if (m[1] !== undefined) out.push({ from: m.index, to: m.index + m[0].length });
  return out;
}

const MODIFIER = /^(?:public|protected|private|static|abstract|final)$/i;
/** What may end the text before a declaration that can go whole: a class body's or block's brace, a statement or member. */
const BEFORE_DECLARATION = new Set(['{', '}', ';']);

/**
 * Where the declaration of a left-out named function starts (its doc comment, modifiers,
 * signature and body then go together: the signature's parameters and types are facts of that
 * function only), or undefined when only its body goes: a closure (an expression), the
 * constructor (its parameters fill properties), a method named like a builder (it makes its class
 * the cache library), or a declaration after anything but a brace, a `;` or one comment (an
 * attribute, inline HTML), where the text left would not read the same.
 */
function declarationStart(text: string, b: FunctionBody, whole: ReadonlySet<string>): number | undefined {
  if (b.name === undefined || whole.has(b.name.toLowerCase())) return undefined;
  let start = b.keyword;
  let end = skipSpaceBack(text, start);
  for (let word = wordBack(text, end); word < end && MODIFIER.test(text.slice(word, end)); word = wordBack(text, end)) {
    start = word;
    end = skipSpaceBack(text, start);
  }
  if (text.startsWith('*/', end - 2)) {
    const open = text.lastIndexOf('/*', end - 2);
    if (open < 0) return undefined;
    start = open;
    end = skipSpaceBack(text, start);
  }
  return end === 0 || BEFORE_DECLARATION.has(text[end - 1]) ? start : undefined;
}

function skipSpaceBack(text: string, at: number): number {
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

function wordBack(text: string, at: number): number {
  while (at > 0 && /\w/.test(text[at - 1])) at--;
  return at;
}

function bodyText(text: string, b: FunctionBody): string {
  return text.slice(b.open + 1, b.close);
}

/** A cache operation whose receiver (with what comes before it in its statement) may be a cache. */
function hasCacheOperation(body: string, names: CacheNames): boolean {
  for (const m of body.matchAll(OPERATION)) {
    const receiver = body.slice(statementStart(body, m.index), m.index);
    if (looksLikeCacheName(receiver) || kindOfExpression(receiver) !== 'unknown') return true;
    const name = TRAILING_NAME.exec(receiver)?.[1];
    if (name !== undefined && names.mayBeCache(name)) return true;
  }
  return false;
}

/** `new Foo( … )` with an argument whose text gives a cache kind, or an empty array. */
function hasCacheConstruction(body: string): boolean {
  for (const m of body.matchAll(NEW)) {
    const from = m.index + m[0].length;
    const args = body.slice(from, expressionEnd(body, from));
    if (EMPTY_ARRAY.test(args) || kindOfExpression(args) !== 'unknown') return true;
  }
  return false;
}

/**
 * Where the expression before `at` starts: back over balanced brackets (a chain's arguments, a
 * closure) to the `;`, `{` or `}` that ends the statement before, or the bracket it is inside.
 */
function statementStart(body: string, at: number): number {
  let depth = 0;
  for (let j = at; j > 0; j--) {
    const c = body[j - 1];
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0 && c === '}') return j;
      depth++;
    } else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) return j;
      depth--;
    } else if (c === ';' && depth === 0) return j;
  }
  return 0;
}

function assignsCacheProperty(body: string, names: CacheNames): boolean {
  for (const m of body.matchAll(PROPERTY_ASSIGNMENT)) if (names.mayBeCache(m[1])) return true;
  return false;
}

/**
 * Keeps, until nothing changes, the bodies of methods whose returns a kept body follows
 * (`$this->getKey()`, `self::prefix()`) and the bodies that assign a property a kept body
 * follows (`$this->prefix`): extraction follows keys through method returns and property values.
 * Only what a key can flow through counts (see {@link BodyFlow}). Outside function bodies there is
 * no `$this`, and `self::` names constants, which are always parsed.
 */
function followMembers(text: string, bodies: FunctionBody[], keep: boolean[], builders: readonly string[]): void {
  const flow = flowTest(builders);
  const read = new Set<string>();
  const flows = new Map<number, BodyFlow>();
  const flowOf = (i: number) => {
    let f = flows.get(i);
    if (!f) flows.set(i, (f = bodyFlow(bodyText(text, bodies[i]), flow)));
    return f;
  };
  const memo = <T>(make: (i: number) => T) => {
    const cache = new Map<number, T>();
    return (i: number) => {
      if (!cache.has(i)) cache.set(i, make(i));
      return cache.get(i)!;
    };
  };
  const assignedBy = memo((i) => [...bodyText(text, bodies[i]).matchAll(PROPERTY_ASSIGNMENT)].map((m) => m[1].toLowerCase()));
  // A method of an anonymous class inside the body is filed under the class around it.
  const declaredBy = memo((i) => [bodies[i].name ?? '', ...[...bodyText(text, bodies[i]).matchAll(NESTED_FUNCTION)].map((m) => m[1])].map((n) => n.toLowerCase()));
  const called = (i: number) => declaredBy(i).some((n) => read.has(n)) || KEY_METHOD.test(bodies[i].name ?? '');
  for (let changed = true; changed; ) {
    const before = read.size;
    keep.forEach((kept, i) => kept && flowOf(i).addReads(called(i), read));
    changed = read.size !== before;
    bodies.forEach((_, i) => {
      if (keep[i] || !(called(i) || assignedBy(i).some((p) => read.has(p)))) return;
      keep[i] = true;
      changed = true;
    });
  }
}

/** Members (`$this->x`, `self::x`, lower case) and variables an expression reads where a value is followed. */
interface Reads {
  members: string[];
  variables: string[];
}

const VARIABLE = /\$(\w+)/g;

function readsOf(expression: string): Reads {
  const text = withoutCallArguments(expression, FOLLOWED_CALLS);
  return {
    members: [...text.matchAll(OWN_MEMBER)].map((m) => m[1].toLowerCase()),
    variables: [...text.matchAll(VARIABLE)].map((m) => m[1]).filter((v) => v !== 'this'),
  };
}

/**
 * Where a key can flow in one body: the keys and receivers of its cache and builder calls and its
 * `array_unshift` arguments (always), its returned values (when the method is called), the value
 * of each property it assigns (when the property is followed), and through the values of its
 * local variables. A call's other arguments (a callback that computes the value) and calls made
 * for their effect (`$this->log( … )`, `if ( $this->enabled )`) hold no key.
 */
class BodyFlow {
  readonly seeds: Reads[] = [];
  readonly returns: Reads[] = [];
  readonly properties = new Map<string, Reads[]>();
  readonly variables = new Map<string, Reads[]>();

  /** Adds to `read` the members this body follows, given what is followed so far. */
  addReads(called: boolean, read: Set<string>): void {
    const seen = new Set<string>();
    const visit = (r: Reads) => {
      for (const m of r.members) read.add(m);
      for (const v of r.variables) {
        if (seen.has(v)) continue;
        seen.add(v);
        this.variables.get(v)?.forEach(visit);
      }
    };
    this.seeds.forEach(visit);
    if (called) this.returns.forEach(visit);
    for (const [property, values] of this.properties) if (read.has(property)) values.forEach(visit);
  }
}

function bodyFlow(body: string, flow: RegExp): BodyFlow {
  const out = new BodyFlow();
  const push = (map: Map<string, Reads[]>, key: string, r: Reads) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const m of body.matchAll(flow)) {
    const from = m.index + m[0].length;
    const [, property, variable, keyword] = m;
    if (property !== undefined) push(out.properties, property.toLowerCase(), readsOf(body.slice(from, expressionEnd(body, from))));
    else if (variable !== undefined) push(out.variables, variable, readsOf(body.slice(from, expressionEnd(body, from))));
    else if (keyword !== undefined && keyword.toLowerCase() === 'return') out.returns.push(readsOf(body.slice(from, expressionEnd(body, from))));
    else if (keyword !== undefined) out.seeds.push(readsOf(body.slice(from, expressionEnd(body, from))));
    else {
      // A cache or builder call: its receiver (`$this->cache`, `$cache`) and its key.
      const receiver = RECEIVER_END.exec(body.slice(Math.max(0, m.index - RECEIVER_REACH), m.index))?.[0] ?? '';
      out.seeds.push(readsOf(receiver + ' ' + body.slice(from, expressionEnd(body, from, { stopAtComma: true }))));
    }
  }
  return out;
}

const FLOW_TESTS = new Map<string, RegExp>();

/**
 * Where a part a key can flow through starts: the assignment of a property of `$this` (group 1)
 * or of a variable (group 2), a `return` or `array_unshift` (group 3), or a cache or builder call
 * (no group).
 */
function flowTest(builders: readonly string[]): RegExp {
  const key = builders.join('\n');
  let test = FLOW_TESTS.get(key);
  if (!test) {
    const methods = [...builders, ...INTERNAL_BUILDERS, ...CACHE_METHODS].filter((n) => n.length > 0).map(escape);
    test = new RegExp(
      `\\$this\\s*(?:\\?\\s*)?->\\s*(\\w+)\\s*=(?![=>])|\\$(\\w+)\\s*=(?![=>])|\\b(return\\b|array_unshift\\s*\\()|(?:->|::)\\s*(?:${methods.join('|')})\\s*\\(`,
      'gi',
    );
    FLOW_TESTS.set(key, test);
  }
  return test;
}

/** Calls whose arguments extraction reads as parts of a key (string-keys.ts). */
const FOLLOWED_CALLS: ReadonlySet<string> = new Set([...JOINERS, 'array_unshift']);

/** The variable or `$this` property a receiver ends with. */
const RECEIVER_END = /\$\w+(?:\s*(?:\?\s*)?->\s*\w+)?[\s)]*\??$/;

/** The complement of the left-out parts, with tree-sitter points. */
function includedRanges(text: string, left: Gap[]): Range[] {
  const out: Range[] = [];
  const points = new PointFinder(text);
  let start = 0;
  for (const gap of left) {
    const end = gap.from;
    if (end > start) out.push({ startIndex: start, endIndex: end, startPosition: points.at(start), endPosition: points.at(end) });
    start = gap.to;
  }
  if (start < text.length || out.length === 0) out.push({ startIndex: start, endIndex: text.length, startPosition: points.at(start), endPosition: points.at(text.length) });
  return out;
}

/** Rows and columns (as tree-sitter counts them: rows end at `\n`) of offsets asked for in increasing order. */
class PointFinder {
  private row = 0;
  private lineStart = 0;
  private offset = 0;

  constructor(private readonly text: string) {}

  at(offset: number): Point {
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.row++;
      this.lineStart = i + 1;
    }
    this.offset = Math.max(this.offset, offset);
    return { row: this.row, column: offset - this.lineStart };
  }
}
