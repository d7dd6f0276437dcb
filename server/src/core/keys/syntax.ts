/** Small helpers over tree-sitter PHP nodes: names, literals, arguments. */
import type { Node } from 'web-tree-sitter';

/** The class a class declaration extends, by its short name. */
export function parentClassName(classNode: Node): string | undefined {
  const base = classNode.namedChildren.find((c) => c?.type === 'base_clause');
  const name = base?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
  return name ? shortName(name.text) : undefined;
}

/** `\Foo\Bar` → `Bar`. */
export function shortName(name: string): string {
  return name.slice(name.lastIndexOf('\\') + 1);
}

/** The value of a string literal without interpolation, or undefined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') {
    // Single quotes: only \' and \\ are escapes.
    return node.text.slice(1, -1).replace(/\\(['\\])/g, '$1');
  }
  if (node.type === 'encapsed_string') {
    if (node.namedChildren.some((c) => c && c.type !== 'string_content' && c.type !== 'escape_sequence')) return undefined;
    if (!node.text.startsWith('"')) return undefined;
    return unescapeDouble(node.text.slice(1, -1));
  }
  return undefined;
}

/** The PHP double-quoted escapes that matter for key text. */
export function unescapeDouble(text: string): string {
  return text.replace(/\\([\\"$nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? c);
}

/** The expression inside an `argument` node, or undefined for a spread or a named argument. */
export function argumentValue(arg: Node): Node | undefined {
  if (arg.childForFieldName('name')) return undefined;
  const inner = arg.namedChildren.find((c) => c && c.type !== 'comment');
  if (!inner || inner.type === 'variadic_unpacking') return undefined;
  return inner;
}

/** The `argument` nodes of an `arguments` node. */
export function argumentsOf(args: Node | null): Node[] {
  return (args?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type === 'argument');
}

/** True for `...$x` arguments. */
export function isSpread(arg: Node): boolean {
  return arg.namedChildren.some((c) => c?.type === 'variadic_unpacking');
}

/** The last name of a variable or property access: `$wiki` → wiki, `$this->repo->wiki` → wiki. */
export function trailingName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'variable_name') return node.text.replace(/^\$/, '');
  if (node.type === 'member_access_expression' || node.type === 'nullsafe_member_access_expression') return node.childForFieldName('name')?.text;
  return undefined;
}

/** Skips parentheses. */
export function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** A PHP single-quoted literal for `value`. */
export function phpString(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}
