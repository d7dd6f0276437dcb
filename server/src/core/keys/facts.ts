/**
 * What a file says about its variables, properties and constants: declared types, assigned
 * values and `array_unshift` calls, gathered with one query pass so that receivers and keys can be
 * looked up without walking the tree again. A property assigned in one method (or declared with a
 * default) and read in another is the same value: keys and key prefixes are followed through it.
 */
import type { Node } from 'web-tree-sitter';
import { firstKnown, kindOfExpression, kindOfName, kindOfType, refineByName, rewriteRank } from './cache-kind.js';
import type { Scope, Scopes } from './scopes.js';
import { trailingName, unwrap } from './syntax.js';
import type { CacheKind } from './types.js';
import { unshiftParts } from './string-keys.js';

type Table<T> = Map<number, Map<string, T>>;

function put<T>(table: Table<T>, scope: number, name: string, value: T): void {
  let inner = table.get(scope);
  if (!inner) table.set(scope, (inner = new Map()));
  inner.set(name, value);
}

function append<T>(table: Table<T[]>, scope: number, name: string, value: T): void {
  let inner = table.get(scope);
  if (!inner) table.set(scope, (inner = new Map()));
  const list = inner.get(name);
  if (list) list.push(value);
  else inner.set(name, [value]);
}

/** Facts of one parsed file, keyed by the id of the enclosing function or class node. */
export class Facts {
  private readonly propTypes: Table<CacheKind> = new Map();
  private readonly propAssigned: Table<CacheKind> = new Map();
  private readonly propNames = new Map<number, Set<string>>();
  private readonly propValues: Table<Node[]> = new Map();
  private readonly constValues: Table<Node> = new Map();
  private readonly varTypes: Table<CacheKind> = new Map();
  private readonly varAssigns: Table<Node[]> = new Map();
  private readonly unshifts: Table<{ call: Node; value: Node }[]> = new Map();

  constructor(private readonly scopes: Scopes) {}

  /** A typed parameter. */
  param(node: Node, name: string, type: Node | undefined): void {
    const fn = this.scopes.fn(node);
    if (fn && type) put(this.varTypes, fn.id, name, kindOfType(type.text));
  }

  /** A declared or constructor-promoted property, with its type or `@var` doc comment, and its default value. */
  property(node: Node, name: string, type: Node | undefined, value?: Node): void {
    const cls = this.scopes.cls(node);
    if (!cls) return;
    this.knowProperty(cls.id, name);
    if (value) append(this.propValues, cls.id, name, value);
    let kind = type ? kindOfType(type.text) : 'unknown';
    const doc = node.previousNamedSibling;
    if (kind === 'unknown' && doc?.type === 'comment') kind = kindOfType(/@var\s+([^\s*]+)/.exec(doc.text)?.[1] ?? '');
    if (kind !== 'unknown') put(this.propTypes, cls.id, name, kind);
  }

  /** `$x = …` or `$this->x = …`. */
  assignment(target: Node, value: Node): void {
    if (target.type === 'variable_name') {
      const fn = this.scopes.fn(target);
      if (fn) append(this.varAssigns, fn.id, target.text, value);
      return;
    }
    const object = target.childForFieldName('object');
    const name = trailingName(target);
    const cls = this.scopes.cls(target);
    if (object?.text === '$this' && name && cls) {
      this.knowProperty(cls.id, name);
      append(this.propValues, cls.id, name, value);
      const kind = kindOfExpression(value.text);
      if (kind !== 'unknown') put(this.propAssigned, cls.id, name, kind);
    }
  }

  /** A class constant with its value node. */
  constant(cls: number, name: string, value: Node): void {
    put(this.constValues, cls, name, value);
  }

  /** The value node of `self::NAME` / `static::NAME` in the class around `at`. */
  constantValue(name: string, at: Node): Node | undefined {
    const cls = this.scopes.cls(at);
    return cls && this.constValues.get(cls.id)?.get(name);
  }

  /** Every value assigned to `$this->name` (or declared as its default) in the class around `at`. */
  propertyValues(name: string, at: Node): Node[] {
    const cls = this.scopes.cls(at);
    return (cls && this.propValues.get(cls.id)?.get(name)) || [];
  }

  /** `array_unshift( $var, … )`. */
  unshift(call: Node): void {
    const parts = unshiftParts(call);
    const fn = this.scopes.fn(call);
    if (parts && fn) append(this.unshifts, fn.id, parts.variable, { call, value: parts.value });
  }

  private knowProperty(cls: number, name: string): void {
    let names = this.propNames.get(cls);
    if (!names) this.propNames.set(cls, (names = new Set()));
    names.add(name);
  }

  private propertyKind(cls: number, name: string): CacheKind {
    return refineByName(firstKnown(this.propTypes.get(cls)?.get(name), this.propAssigned.get(cls)?.get(name), kindOfName(name)), name);
  }

  /** The kind of an assigned value: a property of `$this` is looked up, anything else read as text. */
  private valueKind(value: Node): CacheKind {
    const v = unwrap(value);
    const cls = this.scopes.cls(v);
    if (v.type === 'member_access_expression' && v.childForFieldName('object')?.text === '$this' && cls) {
      return this.propertyKind(cls.id, trailingName(v) ?? '');
    }
    return kindOfExpression(v.text);
  }

  private variableKind(fn: Scope, name: string): CacheKind {
    // Closures see the variables they `use`, so outer functions are asked too.
    for (let f: Scope | undefined = fn; f; f = this.scopes.outer(f)) {
      const typed = this.varTypes.get(f.id)?.get(name);
      const assigned = this.varAssigns.get(f.id)?.get(name)?.map((v) => this.valueKind(v));
      const kind = firstKnown(typed, ...(assigned ?? []));
      if (kind !== 'unknown') return refineByName(kind, name.replace(/^\$/, ''));
    }
    return kindOfName(name.replace(/^\$/, ''));
  }

  /** Which cache the receiver of a call is (see cache-kind.ts for the order of hints). */
  receiverKind(receiver: Node): CacheKind {
    const r = unwrap(receiver);
    if (r.type === 'variable_name') {
      if (r.text === '$this') return 'unknown';
      const fn = this.scopes.fn(r);
      return fn ? this.variableKind(fn, r.text) : kindOfName(r.text.slice(1));
    }
    if (r.type === 'member_access_expression' || r.type === 'nullsafe_member_access_expression') {
      const name = trailingName(r) ?? '';
      const cls = this.scopes.cls(r);
      if (r.childForFieldName('object')?.text === '$this' && cls) {
        this.knowProperty(cls.id, name);
        return this.propertyKind(cls.id, name);
      }
      return kindOfName(name);
    }
    return kindOfExpression(r.text);
  }

  /** Values assigned to `$variable` in the function around `at`. */
  assignedValues(variable: string, at: Node): Node[] {
    const fn = this.scopes.fn(at);
    return (fn && this.varAssigns.get(fn.id)?.get(variable)) || [];
  }

  /** The last `array_unshift( $variable, … )` before `at` in the same function. */
  unshiftBefore(variable: string, at: Node): { call: Node; value: Node } | undefined {
    const fn = this.scopes.fn(at);
    const calls = (fn && this.unshifts.get(fn.id)?.get(variable)) || [];
    return calls.filter((c) => c.call.endIndex <= at.startIndex).at(-1);
  }

  /**
   * A cache the code around `at` already has, for rewrites: a variable of the function, else a
   * property of the class; WANObjectCache first, in-process caches never (they have no keyspace).
   */
  cacheReceiver(at: Node): string | undefined {
    const rank = rewriteRank;
    const best = (names: Iterable<string>, kindOf: (n: string) => CacheKind) =>
      [...names].map((n) => ({ n, r: rank(kindOf(n)) })).filter((x) => x.r < 9).sort((a, b) => a.r - b.r)[0]?.n;
    for (let f = this.scopes.fn(at); f; f = this.scopes.outer(f)) {
      const names = new Set([...(this.varTypes.get(f.id)?.keys() ?? []), ...(this.varAssigns.get(f.id)?.keys() ?? [])]);
      const scope = f;
      const found = best(names, (n) => this.variableKind(scope, n));
      if (found) return found;
    }
    const cls = this.scopes.cls(at);
    const prop = cls && this.classCacheProperty(cls.id);
    return prop ? `$this->${prop}` : undefined;
  }

  /** The best cache property (WANObjectCache before BagOStuff), declared or called, of the class starting at `classId`. */
  classCacheProperty(classId: number): string | undefined {
    return [...(this.propNames.get(classId) ?? [])]
      .map((n) => ({ n, r: rewriteRank(this.propertyKind(classId, n)) }))
      .filter((x) => x.r < 9)
      .sort((a, b) => a.r - b.r)[0]?.n;
  }
}
