/**
 * Keys built by the cache's own API: the configured builders (`makeKey`, `makeGlobalKey`),
 * `makeKeyInternal` with an explicit keyspace, and the removed global helpers (`wfMemcKey`, …).
 */
import type { Node } from 'web-tree-sitter';
import type { CallMatch, FileScan } from './file-scan.js';
import { range, type SiteSink } from './sites.js';
import { argumentsOf, argumentValue, isSpread, parentClassName, shortName, stringValue, trailingName, unwrap } from './syntax.js';
import type { CacheKind, GroupRef } from './types.js';

/** Builder names, split by scope, and the global builder used in rewrites. */
export interface Builders {
  local: Set<string>;
  global: Set<string>;
  globalBuilder: string;
}

/** Words in a comment that say a local key is per-wiki on purpose. */
const PER_WIKI = /\bper[- ]?(site|wiki|domain)\b|\b(this|each|the current) wiki(['’]s)? (only|own)\b|\blocal to (this|each|one|the) (site|wiki)\b|\bdeliberately local\b/i;

/**
 * True when the comment lines ending right above `line` say the key is per-wiki on purpose
 * (`// per-wiki on purpose: …`). Only a comment block that ends on the line just above counts.
 */
export function commentSaysPerWiki(lines: string[], line: number): boolean {
  const block: string[] = [];
  for (let l = line - 1; l >= 0; l--) {
    const t = lines[l].trim();
    if (!/^(\/\/|#|\*|\/\*)/.test(t)) break;
    block.push(t);
  }
  return block.length > 0 && PER_WIKI.test(block.reverse().join(' '));
}

/** The group (first component) of a key as written. */
export function groupOf(scan: FileScan, node: Node | undefined): GroupRef {
  if (!node) return { kind: 'dynamic' };
  const n = unwrap(node);
  const literal = stringValue(n);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  if (n.type === 'class_constant_access_expression') {
    const [scope, name] = n.namedChildren;
    if (!scope || !name || name.type !== 'name') return { kind: 'dynamic' };
    const cls = scan.scopes.cls(n);
    let className: string | undefined;
    if (scope.text === 'self' || scope.text === 'static') className = cls?.name;
    else if (scope.text === 'parent') className = cls ? parentClassName(cls.node) : undefined;
    else if (scope.type === 'name' || scope.type === 'qualified_name') className = shortName(scope.text);
    if (className) return { kind: 'constant', className, name: name.text };
  }
  return { kind: 'dynamic' };
}

/** The components after the group: literal text or `*`, and `…` for a spread. */
function shapeOf(args: Node[]): string {
  return args
    .slice(1)
    .map((a) => {
      if (isSpread(a)) return '…';
      const literal = stringValue(argumentValue(a) && unwrap(argumentValue(a)!));
      return literal ?? '*';
    })
    .join(':');
}

/** Adds the site of one builder, helper or `makeKeyInternal` call, if `m` is one. */
export function builderSite(scan: FileScan, m: CallMatch, builders: Builders, lines: () => string[], sink: SiteSink): void {
  const args = argumentsOf(m.args);
  const counted = { parts: args.filter((a) => !isSpread(a)).length, variadic: args.some(isSpread), shape: shapeOf(args) };
  const first = args[0] && argumentValue(args[0]);
  if (m.method && m.recv) {
    const name = m.method.text;
    if (builders.local.has(name) || builders.global.has(name)) {
      const scope = builders.local.has(name) ? 'local' : 'global';
      const declaredPerWiki = scope === 'local' && commentSaysPerWiki(lines(), m.call.startPosition.row) ? true : undefined;
      sink.add(m.call, {
        scope,
        via: name,
        group: groupOf(scan, first),
        ...counted,
        cacheKind: scan.facts.receiverKind(m.recv),
        nameRange: range(m.method),
        ...(declaredPerWiki ? { declaredPerWiki } : {}),
      });
    } else if (name === 'makeKeyInternal') {
      internalKey(m.call, m.recv, m.method, args, scan.facts.receiverKind(m.recv), builders.globalBuilder, sink);
    }
  } else if (m.fn === 'wfMemcKey' || m.fn === 'wfGlobalCacheKey') {
    const scope = m.fn === 'wfMemcKey' ? 'local' : 'global';
    sink.add(m.call, { scope, via: m.fn, group: groupOf(scan, first), ...counted, cacheKind: 'BagOStuff' });
  } else if (m.fn === 'wfForeignMemcKey') {
    foreignKey(m.call, args, builders.globalBuilder, sink);
  }
}

/** `$cache->makeKeyInternal( $keyspace, [ … ] )`: global, local, or another wiki's keyspace. */
function internalKey(call: Node, recv: Node, method: Node, args: Node[], cacheKind: CacheKind, globalBuilder: string, sink: SiteSink): void {
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
  if (ks && stringValue(ks) === 'global') return sink.add(call, { ...base, scope: 'global' });
  if (!ks || /keyspace$/i.test(trailingName(ks) ?? '') || /getKeyspace|getCurrentWiki|wfWikiID/.test(ks.text)) return sink.add(call, { ...base, scope: 'local' });
  // The receiver and its operator as written (`$this->cache->`, `$bag?->`).
  const receiver = call.text.slice(0, method.startIndex - call.startIndex);
  const globalRewrite = elements && recv ? [{ range: range(call), newText: `${receiver}${globalBuilder}( ${[ks.text, ...elements].join(', ')} )` }] : undefined;
  sink.add(call, { ...base, scope: 'forged', wikiExpression: ks.text, globalRewrite });
}

/** `wfForeignMemcKey( $db, $prefix, … )`: always another wiki's local keyspace. */
function foreignKey(call: Node, args: Node[], globalBuilder: string, sink: SiteSink): void {
  const db = args[0] && argumentValue(args[0]);
  const prefix = args[1] && argumentValue(args[1]);
  const rest = args.slice(2);
  const firstRest = rest[0] && argumentValue(rest[0]);
  const literal = stringValue(firstRest);
  const group: GroupRef = literal !== undefined ? { kind: 'literal', value: literal } : { kind: 'dynamic' };
  // The table prefix has no place in a global key; dropping it is only mechanical when it is empty.
  const emptyPrefix = prefix && (stringValue(prefix) === '' || /^(null|false)$/i.test(prefix.text));
  const globalRewrite =
    db && emptyPrefix ? [{ range: range(call), newText: `ObjectCache::getLocalClusterInstance()->${globalBuilder}( ${[db.text, ...rest.map((a) => a.text)].join(', ')} )` }] : undefined;
  sink.add(call, {
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
