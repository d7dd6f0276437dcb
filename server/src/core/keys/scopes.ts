/**
 * Enclosing functions and classes by position. Asking a tree-sitter node for its parent walks
 * down from the root each time, so instead the functions and classes that the query captured
 * are kept as ranges and the innermost one around a node is looked up here.
 */
import type { Node } from 'web-tree-sitter';

/** A function, method, closure or class: its node, range and declared name. */
export interface Scope {
  /** Start offset; unique per scope kind, used as a table key. */
  id: number;
  start: number;
  end: number;
  node: Node;
  type: string;
  name?: string;
}

const NAMED_FUNCTIONS = new Set(['method_declaration', 'function_definition']);

function toScope(node: Node): Scope {
  return { id: node.startIndex, start: node.startIndex, end: node.endIndex, node, type: node.type, name: node.childForFieldName('name')?.text };
}

/** The innermost of `scopes` that contains [start, end), excluding an exact match when `strict`. */
function innermost(scopes: Scope[], start: number, end: number, strict: boolean): Scope | undefined {
  let best: Scope | undefined;
  for (const s of scopes) {
    if (s.start > start || s.end < end) continue;
    if (strict && s.start === start && s.end === end) continue;
    if (!best || s.start > best.start || (s.start === best.start && s.end < best.end)) best = s;
  }
  return best;
}

/** Lookups of the function and class around a node. */
export class Scopes {
  private readonly functions: Scope[];
  private readonly classes: Scope[];

  constructor(functions: Node[], classes: Node[]) {
    this.functions = functions.map(toScope);
    this.classes = classes.map(toScope);
  }

  /** The innermost function, method, closure or arrow function around `node` (not `node` itself). */
  fn(node: Node): Scope | undefined {
    return innermost(this.functions, node.startIndex, node.endIndex, true);
  }

  /** The function around a function scope (a closure's method). */
  outer(scope: Scope): Scope | undefined {
    return innermost(this.functions, scope.start, scope.end, true);
  }

  /** The innermost named method or function around `node`, looking through closures. */
  namedFn(node: Node): Scope | undefined {
    for (let s = this.fn(node); s; s = this.outer(s)) if (NAMED_FUNCTIONS.has(s.type)) return s;
    return undefined;
  }

  /** The innermost class, interface, trait or enum around `node`. */
  cls(node: Node): Scope | undefined {
    return innermost(this.classes, node.startIndex, node.endIndex, true);
  }
}
