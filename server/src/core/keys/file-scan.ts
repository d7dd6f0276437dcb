/**
 * The first step of extraction: one query pass over a parsed file that files every fact the later
 * steps need (scopes, variable and property facts, constants, returns, calls) so that no step
 * walks the tree again. A new fact is a new pattern in queries.ts and a new case here.
 */
import type { Node, QueryMatch, Tree } from 'web-tree-sitter';
import { Facts } from './facts.js';
import type { PhpParser } from './parser.js';
import { callMethods, KEY_METHOD, KEY_QUERY, MATCH_KINDS } from './queries.js';
import { Scopes, type Scope } from './scopes.js';
import { kindOfExpression } from './cache-kind.js';
import { argumentsOf, argumentValue, shortName, stringValue } from './syntax.js';
import type { ConstantDef, ConstructionDef } from './types.js';

/** A call the query matched: a builder, a cache operation, a removed helper or a joiner. */
export interface CallMatch {
  call: Node;
  args: Node;
  /** For method calls: the method name and the receiver. */
  method?: Node;
  recv?: Node;
  /** For function calls: the function name. */
  fn?: string;
}

/** Everything one query pass found in a file. */
export interface FileScan {
  scopes: Scopes;
  facts: Facts;
  classNodes: { node: Node; name: string }[];
  constants: ConstantDef[];
  /** Return values by the function they return from. */
  returns: { value: Node; fn: Scope }[];
  calls: CallMatch[];
  /** Names of the methods named like key builders (`…CacheKey`) that this file calls. */
  keyMethodCalls: Set<string>;
  /** Names of methods each class declares, by class start offset. */
  methodsByClass: Map<number, Set<string>>;
  /** `new Foo( … )` with a known cache among its arguments. */
  constructions: ConstructionDef[];
  /** The `__construct` method of each class, by class start offset. */
  constructors: Map<number, Node>;
}

/** Runs the key query once and files what it found. */
export function scanFile(parser: PhpParser, tree: Tree, builders: readonly string[]): FileScan {
  const matches = parser.query(KEY_QUERY).matches(tree.rootNode);
  const methods = callMethods(builders);
  const kinds = matches.map((m) => m.captures.find((c) => (MATCH_KINDS as readonly string[]).includes(c.name)));
  // Scopes first: every other fact is filed under the function or class around it.
  const functionNodes = kinds.filter((k) => k?.name === 'function').map((k) => k!.node);
  const classNodes: { node: Node; name: string }[] = [];
  matches.forEach((m, i) => {
    const name = kinds[i]?.name === 'class' ? m.captures.find((c) => c.name === 'name')?.node.text : undefined;
    if (name) classNodes.push({ node: kinds[i]!.node, name });
  });
  const scopes = new Scopes(
    functionNodes,
    classNodes.map((c) => c.node),
  );
  const scan: FileScan = {
    scopes,
    facts: new Facts(scopes),
    classNodes,
    constants: [],
    returns: [],
    calls: [],
    keyMethodCalls: new Set(),
    methodsByClass: new Map(),
    constructions: [],
    constructors: new Map(),
  };
  for (const node of functionNodes) fileMethod(scan, node);
  matches.forEach((m, i) => {
    const kind = kinds[i];
    if (kind?.name === 'methodcall') fileMethodCall(scan, kind.node, m.captures.find((c) => c.name === 'method')!.node, methods);
    else if (kind) fileMatch(scan, kind.name, kind.node, m);
  });
  return scan;
}

function fileMethod(scan: FileScan, node: Node): void {
  if (node.type !== 'method_declaration') return;
  const cls = scan.scopes.cls(node);
  const name = node.childForFieldName('name')?.text;
  if (!cls || !name) return;
  let names = scan.methodsByClass.get(cls.id);
  if (!names) scan.methodsByClass.set(cls.id, (names = new Set()));
  names.add(name);
  if (name === '__construct') scan.constructors.set(cls.id, node);
}

/**
 * A method call: a call of a method named for a cache key is noted; a call of a builder or a cache
 * operation, with a receiver and an argument list, is a call extraction reads.
 */
function fileMethodCall(scan: FileScan, call: Node, method: Node, methods: ReadonlySet<string>): void {
  const name = method.text;
  if (KEY_METHOD.test(name)) scan.keyMethodCalls.add(name);
  if (!methods.has(name)) return;
  const recv = call.childForFieldName(call.type === 'scoped_call_expression' ? 'scope' : 'object');
  const args = call.childForFieldName('arguments');
  if (recv?.isNamed && args?.type === 'arguments') scan.calls.push({ call, args, method, recv });
}

/** What one match of the other patterns files: a handler per kind (see {@link FILERS}). */
type Filer = (scan: FileScan, node: Node, get: (name: string) => Node | undefined) => void;

/**
 * One small function per kind of match rather than one switch: the call below is megamorphic, so
 * the optimizing compiler compiles each handler on its own instead of one large function with
 * every fact's code inlined, which cost each worker thread about 0.1 s of compilation per scan.
 */
const FILERS: Record<string, Filer> = {
  const(scan, node) {
    const cls = scan.scopes.cls(node);
    const constName = node.namedChildren.find((c) => c?.type === 'name');
    const valueNode = node.namedChildren.find((c) => c && c.type !== 'name' && c.type !== 'comment');
    if (cls && constName && valueNode) scan.facts.constant(cls.id, constName.text, valueNode);
    const constValue = stringValue(valueNode);
    if (cls?.name && constName && constValue !== undefined) scan.constants.push({ className: cls.name, name: constName.text, value: constValue });
  },
  return(scan, _node, get) {
    const value = get('value');
    const fn = value && scan.scopes.fn(value);
    if (value && fn) scan.returns.push({ value, fn });
  },
  assign(scan, _node, get) {
    const target = get('target');
    const value = get('value');
    if (target && value) scan.facts.assignment(target, value);
  },
  param(scan, _node, get) {
    const name = get('name');
    if (name) scan.facts.param(name, '$' + name.text, get('type'));
  },
  prop: fileProperty,
  promoted: fileProperty,
  call(scan, node, get) {
    const fn = get('fn')?.text;
    scan.calls.push({ call: node, args: get('args')!, method: get('method'), recv: get('recv'), fn });
    if (fn === 'array_unshift') scan.facts.unshift(node);
  },
  new(scan, _node, get) {
    const name = get('name');
    const args = argumentsOf(get('args') ?? null).map((a) => kindOfExpression(argumentValue(a)?.text ?? ''));
    if (name && args.some((k) => k !== 'unknown')) scan.constructions.push({ className: shortName(name.text), argKinds: args });
  },
};

function fileProperty(scan: FileScan, node: Node, get: (name: string) => Node | undefined): void {
  const name = get('name');
  if (name) scan.facts.property(node, name.text, get('type'), get('value'));
}

function fileMatch(scan: FileScan, kind: string, node: Node, m: QueryMatch): void {
  FILERS[kind]?.(scan, node, (name) => m.captures.find((c) => c.name === name)?.node);
}
