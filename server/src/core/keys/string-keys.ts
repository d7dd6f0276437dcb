/**
 * Keys joined by hand: concatenation, interpolation, `sprintf`, `implode`/`join`. The expression
 * is cut into pieces (literal text, expressions, spreads), the pieces into `:`-separated
 * components, and a key whose first component is a wiki id is forged: it lands in another wiki's
 * local keyspace.
 */
import type { Node } from 'web-tree-sitter';
import { argumentsOf, argumentValue, isSpread, phpString, stringValue, trailingName, unescapeDouble, unwrap } from './syntax.js';
import type { GroupRef } from './types.js';

/**
 * Literal text, an expression, or a spread array of parts; `held` marks pieces read from the value
 * a property or constant holds, which are not in scope where the key is used.
 */
export type Piece = ({ lit: string } | { expr: Node; spread?: boolean }) & { held?: boolean };

/** What a hand-joined key looks like. */
export interface StringKey {
  via: 'concatenation' | 'interpolation' | 'sprintf' | 'implode';
  forged: boolean;
  wiki?: Node;
  group: GroupRef;
  parts: number;
  variadic: boolean;
  /** The arguments of an equivalent `makeGlobalKey( $wiki, … )`, when every component is whole. */
  globalArguments?: string[];
  /** A statement that must go with the rewrite (the `array_unshift` that put the wiki id first). */
  unshift?: Node;
  /** Every piece is literal text or a constant: the key is the same string on every call. */
  constant: boolean;
  /**
   * The key already carries a keyspace: its first component is the literal `global` (what
   * `makeGlobalKey` writes) or a value named as one (`$keyspace`, `$this->cacheKeyPrefix`).
   */
  keyspace: boolean;
}

const WIKI_NAMES = new Set(['wiki', 'wikiid', 'dbname', 'dbdomain', 'domain', 'domainid']);

/** True for `$wiki`, `$this->dbName`, `$repo->getWikiId()` and the like. */
export function namesWiki(node: Node): boolean {
  const n = unwrap(node);
  let name = trailingName(n);
  if (!name && (n.type === 'member_call_expression' || n.type === 'nullsafe_member_call_expression')) {
    const method = n.childForFieldName('name')?.text ?? '';
    if (/^get/.test(method) && argumentsOf(n.childForFieldName('arguments')).length === 0) name = method.slice(3);
  }
  return name !== undefined && WIKI_NAMES.has(name.toLowerCase().replace(/_/g, ''));
}

/** What the function around a joined key says about an array variable before `at`. */
export interface ArrayLookups {
  /** The last `array_unshift( $var, … )` before `at`. */
  unshiftBefore(variable: string, at: Node): { call: Node; value: Node } | undefined;
  /** Values assigned to `$var` in the function, in order. */
  assignedValues(variable: string, at: Node): Node[];
  /**
   * The one value of a property or class constant read in a key (`$this->prefix`, `self::GROUP`),
   * so that a key prefix kept in the class reads as the text it holds.
   */
  valueOf?(node: Node): Node | undefined;
}

/**
 * Reads `node` as a hand-joined key. Plain literals and plain variables are not hand-joined;
 * `undefined` means the expression is not a joined string at all.
 */
export function analyzeStringKey(node: Node, lookups: ArrayLookups): StringKey | undefined {
  const n = unwrap(node);
  let via: StringKey['via'];
  let pieces: Piece[] | undefined;
  let unshift: Node | undefined;
  if (n.type === 'binary_expression' && n.childForFieldName('operator')?.type === '.') {
    via = 'concatenation';
    pieces = concatPieces(n, lookups);
  } else if (n.type === 'encapsed_string' && stringValue(n) === undefined) {
    via = 'interpolation';
    pieces = stringPieces(n, lookups);
  } else if (n.type === 'function_call_expression') {
    const fn = n.childForFieldName('function')?.text.replace(/^\\/, '');
    const args = argumentsOf(n.childForFieldName('arguments'));
    if (fn === 'sprintf') {
      via = 'sprintf';
      pieces = sprintfPieces(args);
    } else if (fn === 'implode' || fn === 'join') {
      via = 'implode';
      const joined = implodePieces(args, lookups, n);
      pieces = joined?.pieces;
      unshift = joined?.unshift;
    } else return undefined;
  } else return undefined;
  if (!pieces) return undefined;
  return classify(via, pieces, unshift);
}

/** A constant expression: a global constant (`MW_VERSION`) or a class constant. */
function isConstantExpression(node: Node): boolean {
  return node.type === 'name' || node.type === 'qualified_name' || node.type === 'class_constant_access_expression';
}

const KEYSPACE_NAME = /keyspace$|keyprefix$|cacheprefix$/i;

function classify(via: StringKey['via'], pieces: Piece[], unshift: Node | undefined): StringKey {
  const components: Piece[][] = [[]];
  for (const piece of pieces) {
    if (!('lit' in piece)) {
      components[components.length - 1].push(piece);
      continue;
    }
    piece.lit.split(':').forEach((text, i) => {
      if (i > 0) components.push([]);
      if (text) components[components.length - 1].push({ lit: text });
    });
  }
  const first = components[0];
  const forged = components.length > 1 && first.length === 1 && 'expr' in first[0] && !first[0].spread && namesWiki(first[0].expr);
  const rest = forged ? components.slice(1) : components;
  const variadic = rest.some((c) => c.some((p) => 'spread' in p && p.spread));
  const parts = rest.filter((c) => !c.some((p) => 'spread' in p && p.spread)).length;
  const head = rest[0];
  const group: GroupRef = head && head.length === 1 && 'lit' in head[0] ? { kind: 'literal', value: head[0].lit } : { kind: 'dynamic' };
  const constant = pieces.every((p) => 'lit' in p || (!p.spread && isConstantExpression(unwrap(p.expr))));
  const lead = first.length === 1 ? first[0] : undefined;
  const keyspace =
    components.length > 1 &&
    lead !== undefined &&
    ('lit' in lead ? lead.lit === 'global' : !lead.spread && KEYSPACE_NAME.test(trailingName(unwrap(lead.expr)) ?? ''));
  const key: StringKey = { via, forged, group, parts, variadic, unshift, constant, keyspace };
  if (forged) {
    key.wiki = (first[0] as { expr: Node }).expr;
    // Mechanical only when every component is one literal or one expression written here.
    if (rest.every((c) => c.length === 1) && !pieces.some((p) => p.held)) {
      key.globalArguments = [key.wiki.text, ...rest.map(([p]) => ('lit' in p ? phpString(p.lit) : (p.spread ? '...' : '') + p.expr.text))];
    }
  }
  return key;
}

/** How deep a property or constant read in a key is replaced by the value it holds. */
const MAX_VALUE_DEPTH = 2;

/** An expression piece, or the pieces of the value a property or constant holds. */
function exprPieces(n: Node, lookups: ArrayLookups | undefined, depth: number): Piece[] {
  const held = depth < MAX_VALUE_DEPTH ? lookups?.valueOf?.(n) : undefined;
  if (held) {
    const literal = stringValue(unwrap(held));
    if (literal !== undefined) return [{ lit: literal, held: true }];
    const inner = unwrap(held);
    if (inner.type === 'encapsed_string' || (inner.type === 'binary_expression' && inner.childForFieldName('operator')?.type === '.')) {
      return concatPieces(inner, lookups, depth + 1).map((p) => ({ ...p, held: true }));
    }
  }
  return [{ expr: n }];
}

function concatPieces(node: Node, lookups?: ArrayLookups, depth = 0): Piece[] {
  const n = unwrap(node);
  if (n.type === 'binary_expression' && n.childForFieldName('operator')?.type === '.') {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    return [...(left ? concatPieces(left, lookups, depth) : []), ...(right ? concatPieces(right, lookups, depth) : [])];
  }
  const literal = stringValue(n);
  if (literal !== undefined) return [{ lit: literal }];
  if (n.type === 'encapsed_string') return stringPieces(n, lookups, depth);
  return exprPieces(n, lookups, depth);
}

function stringPieces(node: Node, lookups?: ArrayLookups, depth = 0): Piece[] {
  const out: Piece[] = [];
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content') out.push({ lit: c.text });
    else if (c.type === 'escape_sequence') out.push({ lit: unescapeDouble(c.text) });
    else out.push(...exprPieces(c, lookups, depth));
  }
  return out;
}

const DIRECTIVE = /%(?:%|[-+ 0#]*(?:'.)?\d*(?:\.\d+)?[bcdeEfFgGosuxX])/g;

function sprintfPieces(args: Node[]): Piece[] | undefined {
  const format = args[0] && argumentValue(args[0]);
  const text = stringValue(format);
  if (text === undefined) return undefined;
  const out: Piece[] = [];
  let at = 0;
  let next = 1;
  for (const m of text.matchAll(DIRECTIVE)) {
    out.push({ lit: text.slice(at, m.index) });
    at = m.index + m[0].length;
    if (m[0] === '%%') {
      out.push({ lit: '%' });
      continue;
    }
    const arg = args[next++];
    const value = arg && argumentValue(arg);
    if (!value) return undefined;
    const literal = stringValue(value);
    out.push(literal !== undefined ? { lit: literal } : { expr: value });
  }
  out.push({ lit: text.slice(at) });
  return out;
}

function implodePieces(args: Node[], lookups: ArrayLookups, call: Node): { pieces: Piece[]; unshift?: Node } | undefined {
  if (args.length !== 2) return undefined;
  const separator = stringValue(argumentValue(args[0]));
  const list = argumentValue(args[1]);
  if (separator === undefined || !list) return undefined;
  const pieces: Piece[] = [];
  const push = (p: Piece) => {
    if (pieces.length > 0) pieces.push({ lit: separator });
    pieces.push(p);
  };
  const fromArray = (array: Node): boolean => {
    for (const el of array.namedChildren) {
      if (!el || el.type !== 'array_element_initializer') continue;
      const parts = el.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (parts.length !== 1) return false; // `'k' => $v`: not a list
      if (parts[0].type === 'variadic_unpacking' && parts[0].namedChildren[0]) push({ expr: parts[0].namedChildren[0], spread: true });
      else {
        const literal = stringValue(parts[0]);
        push(literal !== undefined ? { lit: literal } : { expr: parts[0] });
      }
    }
    return true;
  };
  if (list.type === 'array_creation_expression') return fromArray(list) ? { pieces } : undefined;
  if (list.type === 'variable_name' && !lookups.unshiftBefore(list.text, call)) {
    // `$parts = [ $this->wiki, 'thumb', $name ]; … implode( ':', $parts )`
    const last = lookups.assignedValues(list.text, call).filter((v) => v.endIndex <= call.startIndex).at(-1);
    if (last?.type === 'array_creation_expression') return fromArray(last) ? { pieces } : undefined;
  }
  if (list.type === 'variable_name') {
    const found = lookups.unshiftBefore(list.text, call);
    if (found) push({ expr: found.value });
    push({ expr: list, spread: true });
    return { pieces, unshift: found?.call };
  }
  push({ expr: list, spread: true });
  return { pieces };
}

/** The value `array_unshift( $var, VALUE )` puts first, if the call has that shape. */
export function unshiftParts(call: Node): { variable: string; value: Node } | undefined {
  const args = argumentsOf(call.childForFieldName('arguments'));
  if (args.length !== 2 || isSpread(args[1])) return undefined;
  const target = argumentValue(args[0]);
  const value = argumentValue(args[1]);
  if (!target || target.type !== 'variable_name' || !value) return undefined;
  return { variable: target.text, value };
}
