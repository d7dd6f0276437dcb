/**
 * Finds every key construction of one parsed PHP file with tree-sitter queries, and the class
 * constants the workspace needs to resolve key groups.
 */
import type { Node, QueryMatch, Tree } from 'web-tree-sitter';
import type { KeysConfig } from '../config/config.js';
import { parseSuppressions } from '../suppress.js';
import { LineIndex } from '../text.js';
import { throwIfCancelled, type CancellationToken, type Range, type TextEdit } from '../types.js';
import { looksLikeCacheName } from './cache-kind.js';
import { Facts } from './facts.js';
import { Scopes, type Scope } from './scopes.js';
import type { PhpParser } from './parser.js';
import { CACHE_METHODS, keyQuery, MATCH_KINDS } from './queries.js';
import { analyzeStringKey, type StringKey } from './string-keys.js';
import {
  argumentsOf,
  argumentValue,
  isSpread,
  parentClassName,
  shortName,
  stringValue,
  trailingName,
  unwrap,
} from './syntax.js';
import type { CacheKind, ClassDef, ConstantDef, FileKeys, GroupRef, KeySite } from './types.js';

/** The builder names extraction needs from the configuration. */
export type BuilderNames = Pick<KeysConfig, 'localBuilders' | 'globalBuilders'>;

const CACHE_METHOD_SET = new Set<string>(CACHE_METHODS);
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function range(node: Node): Range {
  return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: { line: node.endPosition.row, character: node.endPosition.column } };
}

/** Extracts the key sites, constants and classes of a parsed file. */
export function extractKeys(parser: PhpParser, tree: Tree, text: string, file: string, builders: BuilderNames, token?: CancellationToken): FileKeys {
  const root = tree.rootNode;
  const local = new Set(builders.localBuilders.filter((b) => VALID_NAME.test(b)));
  const global = new Set(builders.globalBuilders.filter((b) => VALID_NAME.test(b)));
  const globalBuilder = [...global][0] ?? 'makeGlobalKey';

  const classes: ClassDef[] = [];
  const constants: ConstantDef[] = [];
  const returns: { value: Node; fn: Scope }[] = [];
  const assigns: { target: Node; value: Node }[] = [];
  const calls: QueryMatch[] = [];
  const classNodes: { node: Node; name: string }[] = [];
  // Scopes first: every other fact is filed under the function or class around it.
  const matches = parser.query(keyQuery([...local, ...global])).matches(root);
  const kinds = matches.map((m) => m.captures.find((c) => (MATCH_KINDS as readonly string[]).includes(c.name)));
  const functionNodes = kinds.filter((k) => k?.name === 'function').map((k) => k!.node);
  matches.forEach((m, i) => {
    const name = kinds[i]?.name === 'class' ? m.captures.find((c) => c.name === 'name')?.node.text : undefined;
    if (name) classNodes.push({ node: kinds[i]!.node, name });
  });
  const scopes = new Scopes(
    functionNodes,
    classNodes.map((c) => c.node),
  );
  const facts = new Facts(scopes);
  matches.forEach((m, i) => {
    const kind = kinds[i];
    if (!kind) return;
    const get = (name: string) => m.captures.find((c) => c.name === name)?.node;
    const node = kind.node;
    const value = get('value');
    const name = get('name');
    switch (kind.name) {
      case 'const': {
        const cls = scopes.cls(node);
        const constName = node.namedChildren.find((c) => c?.type === 'name');
        const constValue = stringValue(node.namedChildren.find((c) => c && c.type !== 'name' && c.type !== 'comment'));
        if (cls?.name && constName && constValue !== undefined) constants.push({ className: cls.name, name: constName.text, value: constValue });
        break;
      }
      case 'return': {
        const fn = value && scopes.fn(value);
        if (value && fn) returns.push({ value, fn });
        break;
      }
      case 'assign': {
        const target = get('target');
        if (target && value) {
          facts.assignment(target, value);
          assigns.push({ target, value });
        }
        break;
      }
      case 'param':
        if (name) facts.param(name, '$' + name.text, get('type'));
        break;
      case 'prop':
      case 'promoted':
        if (name) facts.property(node, name.text, get('type'));
        break;
      case 'call':
        calls.push(m);
        if (get('fn')?.text === 'array_unshift') facts.unshift(node);
        break;
    }
  });
  throwIfCancelled(token);

  const sites: KeySite[] = [];
  const seen = new Set<number>();
  const context = (node: Node) => ({ className: scopes.cls(node)?.name, methodName: scopes.namedFn(node)?.name });
  const groupOf = (node: Node | undefined): GroupRef => resolveGroupSyntax(node);
  const add = (node: Node, site: Omit<KeySite, 'file' | 'range' | 'className' | 'methodName'>) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    sites.push({ file, range: range(node), ...context(node), ...site });
  };

  const addStringKey = (node: Node, key: StringKey, cacheKind: CacheKind) => {
    const base = { via: key.via, group: key.group, parts: key.parts, variadic: key.variadic, cacheKind };
    if (!key.forged) {
      add(node, { ...base, scope: 'hand-built' });
      return;
    }
    const receiver = facts.cacheReceiver(node);
    const call = key.globalArguments && `${globalBuilder}( ${key.globalArguments.join(', ')} )`;
    const extraEdits = key.unshift ? [deleteStatement(key.unshift, text)] : [];
    const globalRewrite = call && receiver ? [{ range: range(node), newText: `${receiver}->${call}` }, ...extraEdits] : undefined;
    const rewriteWithoutReceiver = call && !receiver && scopes.cls(node) ? { range: range(node), call, extraEdits } : undefined;
    add(node, { ...base, scope: 'forged', wikiExpression: key.wiki?.text, globalRewrite, rewriteWithoutReceiver });
  };

  /** A value in a place where a key is expected; `strong` places make hand-built keys findings. */
  const consider = (value: Node, strong: boolean, cacheKind: CacheKind, depth = 0) => {
    const n = unwrap(value);
    if (n.type === 'variable_name' && depth === 0) {
      for (const v of facts.assignedValues(n.text, n)) if (v.startIndex < n.startIndex) consider(v, strong, cacheKind, 1);
      return;
    }
    if (seen.has(n.id)) return;
    const key = analyzeStringKey(n, facts);
    if (key && (key.forged || strong)) addStringKey(n, key, cacheKind);
  };

  for (const m of calls) {
    throwIfCancelled(token);
    const call = m.captures.find((c) => c.name === 'call')!.node;
    const args = argumentsOf(m.captures.find((c) => c.name === 'args')!.node);
    const method = m.captures.find((c) => c.name === 'method')?.node;
    const recv = m.captures.find((c) => c.name === 'recv')?.node;
    const fn = m.captures.find((c) => c.name === 'fn')?.node.text;
    const counted = { parts: args.filter((a) => !isSpread(a)).length, variadic: args.some(isSpread) };
    if (method && recv) {
      const name = method.text;
      if (local.has(name) || global.has(name)) {
        const scope = local.has(name) ? 'local' : 'global';
        add(call, { scope, via: name, group: groupOf(args[0] && argumentValue(args[0])), ...counted, cacheKind: facts.receiverKind(recv), nameRange: range(method) });
      } else if (name === 'makeKeyInternal') {
        internalKey(call, recv, method, args, facts.receiverKind(recv), globalBuilder, add);
      } else if (CACHE_METHOD_SET.has(name) && args[0]) {
        const kind = facts.receiverKind(recv);
        const cacheLike = kind !== 'unknown' || looksLikeCacheName(trailingName(unwrap(recv)) ?? recv.text);
        const key = argumentValue(args[0]);
        if (kind !== 'in-process' && cacheLike && key) consider(key, true, kind);
      }
    } else if (fn === 'wfMemcKey' || fn === 'wfGlobalCacheKey') {
      const scope = fn === 'wfMemcKey' ? 'local' : 'global';
      add(call, { scope, via: fn, group: groupOf(args[0] && argumentValue(args[0])), ...counted, cacheKind: 'BagOStuff' });
    } else if (fn === 'wfForeignMemcKey') {
      foreignKey(call, args, globalBuilder, add);
    }
  }

  for (const { value, fn } of returns) {
    const name = fn.name ?? '';
    if (/key$/i.test(name)) consider(value, /cachekey$/i.test(name), 'unknown');
  }
  for (const { target, value } of assigns) if (/key/i.test(trailingName(target) ?? '')) consider(value, false, 'unknown', 1);

  for (const { node, name } of classNodes) {
    const def: ClassDef = { name, parent: parentClassName(node) };
    const property = facts.classCacheProperty(node.startIndex);
    classes.push(property ? { ...def, cacheProperty: property } : def);
  }
  sites.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { file, sites, constants, classes, suppressions: parseSuppressions(text, 'php') };

  function resolveGroupSyntax(node: Node | undefined): GroupRef {
    if (!node) return { kind: 'dynamic' };
    const n = unwrap(node);
    const literal = stringValue(n);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (n.type === 'class_constant_access_expression') {
      const [scope, name] = n.namedChildren;
      if (!scope || !name || name.type !== 'name') return { kind: 'dynamic' };
      const cls = scopes.cls(n);
      let className: string | undefined;
      if (scope.text === 'self' || scope.text === 'static') className = cls?.name;
      else if (scope.text === 'parent') className = cls ? parentClassName(cls.node) : undefined;
      else if (scope.type === 'name' || scope.type === 'qualified_name') className = shortName(scope.text);
      if (className) return { kind: 'constant', className, name: name.text };
    }
    return { kind: 'dynamic' };
  }
}

type Add = (node: Node, site: Omit<KeySite, 'file' | 'range' | 'className' | 'methodName'>) => void;

/** `$cache->makeKeyInternal( $keyspace, [ … ] )`: global, local, or another wiki's keyspace. */
function internalKey(call: Node, recv: Node, method: Node, args: Node[], cacheKind: CacheKind, globalBuilder: string, add: Add): void {
  const keyspace = args[0] && argumentValue(args[0]);
  const list = args[1] && argumentValue(args[1]);
  let group: GroupRef = { kind: 'dynamic' };
  let parts = 0;
  let variadic = true;
  let elements: string[] | undefined;
  if (list?.type === 'array_creation_expression') {
    const items = list.namedChildren.filter((c): c is Node => c?.type === 'array_element_initializer');
    const values = items.map((i) => (i.namedChildren.length === 1 ? i.namedChildren[0] : null));
    variadic = values.some((v) => !v || v.type === 'variadic_unpacking');
    parts = values.filter((v) => v && v.type !== 'variadic_unpacking').length;
    const first = stringValue(values[0]);
    if (first !== undefined) group = { kind: 'literal', value: first };
    if (values.every((v) => v)) elements = values.map((v) => v!.text);
  } else if (list) elements = ['...' + list.text];
  const ks = keyspace ? unwrap(keyspace) : undefined;
  const base = { via: 'makeKeyInternal', group, parts, variadic, cacheKind };
  if (ks && stringValue(ks) === 'global') return add(call, { ...base, scope: 'global' });
  if (!ks || /keyspace$/i.test(trailingName(ks) ?? '') || /getKeyspace|getCurrentWiki|wfWikiID/.test(ks.text)) return add(call, { ...base, scope: 'local' });
  // The receiver and its operator as written (`$this->cache->`, `$bag?->`).
  const receiver = call.text.slice(0, method.startIndex - call.startIndex);
  const globalRewrite = elements && recv ? [{ range: range(call), newText: `${receiver}${globalBuilder}( ${[ks.text, ...elements].join(', ')} )` }] : undefined;
  add(call, { ...base, scope: 'forged', wikiExpression: ks.text, globalRewrite });
}

/** `wfForeignMemcKey( $db, $prefix, … )`: always another wiki's local keyspace. */
function foreignKey(call: Node, args: Node[], globalBuilder: string, add: Add): void {
  const db = args[0] && argumentValue(args[0]);
  const prefix = args[1] && argumentValue(args[1]);
  const rest = args.slice(2);
  const group: GroupRef = rest[0] && argumentValue(rest[0]) ? (stringValue(argumentValue(rest[0])) !== undefined ? { kind: 'literal', value: stringValue(argumentValue(rest[0]))! } : { kind: 'dynamic' }) : { kind: 'dynamic' };
  // The table prefix has no place in a global key; dropping it is only mechanical when it is empty.
  const emptyPrefix = prefix && (stringValue(prefix) === '' || /^(null|false)$/i.test(prefix.text));
  const globalRewrite =
    db && emptyPrefix ? [{ range: range(call), newText: `ObjectCache::getLocalClusterInstance()->${globalBuilder}( ${[db.text, ...rest.map((a) => a.text)].join(', ')} )` }] : undefined;
  add(call, {
    scope: 'forged',
    via: 'wfForeignMemcKey',
    group,
    parts: rest.filter((a) => !isSpread(a)).length,
    variadic: rest.some(isSpread),
    cacheKind: 'BagOStuff',
    wikiExpression: db?.text,
    globalRewrite,
  });
}

/** An edit that removes a statement, with its line when nothing else is on it. */
function deleteStatement(node: Node, text: string): TextEdit {
  let stmt: Node = node;
  while (stmt.parent && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const lines = new LineIndex(text);
  const start = lines.lineStart(stmt.startPosition.row);
  const end = lines.lineEnd(stmt.endPosition.row);
  const alone = text.slice(start, stmt.startIndex).trim() === '' && text.slice(stmt.endIndex, end).trim() === '';
  if (alone) return { range: lines.rangeOf(start, lines.lineStart(stmt.endPosition.row + 1)), newText: '' };
  return { range: range(stmt), newText: '' };
}
