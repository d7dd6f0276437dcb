/**
 * Following a value to the key it is. A string is a cache key only where it reaches a cache: the
 * first argument of a cache operation on a receiver that is a cache, or what a method named for a
 * key (`getSharedCacheKey`) returns when nothing in its file says where it goes. From there the
 * value is followed back through variables, properties (assigned in any method of the class or
 * declared with a default), class constants, `?:`/`??`/ternaries and methods of the class, until
 * it is a builder call (not this module's business), a constant string (unscoped) or a joined
 * string (forged or hand-built).
 */
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../types.js';
import { LineIndex } from '../text.js';
import { groupOf } from './builder-sites.js';
import type { FileScan } from './file-scan.js';
import { range, type SiteSink } from './sites.js';
import { analyzeStringKey, type ArrayLookups, type StringKey } from './string-keys.js';
import { stringValue, trailingName, unwrap } from './syntax.js';
import type { CacheKind } from './types.js';

/** How many hops (variable, property, method, branch) a key is followed back. */
const MAX_DEPTH = 4;

const isThis = (node: Node | null | undefined) => node?.text === '$this';
const isOwnScope = (node: Node | null | undefined) => node?.type === 'relative_scope' && (node.text === 'self' || node.text === 'static');

/** Follows values to the keys they are, adding a site for each constant or joined key. */
export class KeyFlow {
  private returnsByMethod?: Map<string, Node[]>;
  private readonly lookups: ArrayLookups;
  /** What the current cache operation adds to every site it reaches. */
  private receiverParam?: number;

  constructor(
    private readonly scan: FileScan,
    private readonly sink: SiteSink,
    private readonly text: string,
    private readonly globalBuilder: string,
  ) {
    const facts = scan.facts;
    this.lookups = {
      unshiftBefore: (v, at) => facts.unshiftBefore(v, at),
      assignedValues: (v, at) => facts.assignedValues(v, at),
      valueOf: (n) => this.heldValue(n),
    };
  }

  /** `value` reaches a cache of `kind` held in a property the constructor fills from parameter `receiverParam`. */
  reachFrom(value: Node, kind: CacheKind, receiverParam: number | undefined): void {
    this.receiverParam = receiverParam;
    try {
      this.reach(value, kind);
    } finally {
      this.receiverParam = undefined;
    }
  }

  /** `value` reaches a cache of `kind`. */
  reach(value: Node, kind: CacheKind, depth = 0): void {
    const n = unwrap(value);
    if (depth > MAX_DEPTH || this.sink.has(n)) return;
    for (const next of this.sources(n)) if (next.startIndex !== n.startIndex || next.endIndex !== n.endIndex) this.reach(next, kind, depth + 1);
    if (this.isConstantKey(n)) return this.constantKey(n, kind);
    const key = analyzeStringKey(n, this.lookups);
    if (key) this.joinedKey(n, key, kind);
  }

  /** The values `n` stands for: assigned values, property values, branches, method returns. */
  private sources(n: Node): Node[] {
    const { facts } = this.scan;
    switch (n.type) {
      case 'variable_name':
        return facts.assignedValues(n.text, n).filter((v) => v.startIndex < n.startIndex);
      case 'member_access_expression':
        return isThis(n.childForFieldName('object')) ? facts.propertyValues(trailingName(n) ?? '', n) : [];
      case 'conditional_expression': {
        const body = n.childForFieldName('body');
        const alt = n.childForFieldName('alternative');
        return [body ?? n.childForFieldName('condition'), alt].filter((x): x is Node => !!x);
      }
      case 'binary_expression':
        return n.childForFieldName('operator')?.type === '??' ? [n.childForFieldName('left'), n.childForFieldName('right')].filter((x): x is Node => !!x) : [];
      case 'member_call_expression':
      case 'nullsafe_member_call_expression':
        return isThis(n.childForFieldName('object')) ? this.returnsOf(n) : [];
      case 'scoped_call_expression':
        return isOwnScope(n.childForFieldName('scope')) ? this.returnsOf(n) : [];
      default:
        return [];
    }
  }

  /** What the method of the class around `call` with the called name returns. */
  private returnsOf(call: Node): Node[] {
    const name = call.childForFieldName('name')?.text;
    const cls = this.scan.scopes.cls(call);
    if (!name || !cls) return [];
    if (!this.returnsByMethod) {
      this.returnsByMethod = new Map();
      for (const { value, fn } of this.scan.returns) {
        const owner = fn.type === 'method_declaration' ? this.scan.scopes.cls(fn.node) : undefined;
        if (!owner || !fn.name) continue;
        const k = `${owner.id}:${fn.name.toLowerCase()}`;
        this.returnsByMethod.set(k, [...(this.returnsByMethod.get(k) ?? []), value]);
      }
    }
    return this.returnsByMethod.get(`${cls.id}:${name.toLowerCase()}`) ?? [];
  }

  /** The single value a property of `$this` or a constant of the class holds, if it has one. */
  private heldValue(n: Node): Node | undefined {
    const u = unwrap(n);
    if (u.type === 'member_access_expression' && isThis(u.childForFieldName('object'))) {
      const values = this.scan.facts.propertyValues(trailingName(u) ?? '', u);
      return values.length === 1 ? values[0] : undefined;
    }
    if (u.type === 'class_constant_access_expression' && isOwnScope(u.namedChildren[0])) {
      const name = u.namedChildren[1];
      return name ? this.scan.facts.constantValue(name.text, u) : undefined;
    }
    return undefined;
  }

  private isConstantKey(n: Node): boolean {
    if (n.type === 'class_constant_access_expression') return n.namedChildren[1]?.text !== 'class';
    return stringValue(n) !== undefined;
  }

  /** A literal or a constant used as the whole key. */
  private constantKey(n: Node, kind: CacheKind): void {
    const held = n.type === 'class_constant_access_expression' ? this.heldValue(n) : n;
    const literal = held ? stringValue(unwrap(held)) : undefined;
    // The output of makeGlobalKey written out (`global:…`) already has its keyspace.
    if (literal !== undefined && /^global:/.test(literal)) return;
    this.sink.add(n, { scope: 'unscoped', via: n.type === 'class_constant_access_expression' ? 'constant' : 'literal', group: groupOf(this.scan, n), parts: 1, variadic: false, cacheKind: kind, keyText: n.text, ...this.param() });
  }

  /** A key joined from pieces: forged when it starts with a wiki id, else unscoped or hand-built. */
  private joinedKey(n: Node, key: StringKey, kind: CacheKind): void {
    const base = { via: key.via, group: key.group, parts: key.parts, variadic: key.variadic, cacheKind: kind, ...this.param() };
    if (key.forged) return this.forgedKey(n, key, base);
    if (key.constant) return this.sink.add(n, { ...base, scope: 'unscoped', keyText: n.text });
    if (!key.keyspace) this.sink.add(n, { ...base, scope: 'hand-built' });
  }

  private param(): { receiverParam?: number } {
    return this.receiverParam === undefined ? {} : { receiverParam: this.receiverParam };
  }

  private forgedKey(n: Node, key: StringKey, base: { via: string; group: StringKey['group']; parts: number; variadic: boolean; cacheKind: CacheKind }): void {
    const receiver = this.scan.facts.cacheReceiver(n);
    const call = key.globalArguments && `${this.globalBuilder}( ${key.globalArguments.join(', ')} )`;
    const extraEdits = key.unshift ? [deleteStatement(key.unshift, this.text)] : [];
    const globalRewrite = call && receiver ? [{ range: range(n), newText: `${receiver}->${call}` }, ...extraEdits] : undefined;
    const rewriteWithoutReceiver = call && !receiver && this.scan.scopes.cls(n) ? { range: range(n), call, extraEdits } : undefined;
    this.sink.add(n, { ...base, scope: 'forged', wikiExpression: key.wiki?.text, globalRewrite, rewriteWithoutReceiver });
  }
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
