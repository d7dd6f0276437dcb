/**
 * Caches handed in by the constructor. A class that stores a constructor parameter in a property
 * and uses it as a cache gets whatever its constructions pass: service wiring often hands it an
 * in-process `HashBagOStuff`. Extraction records which parameter a receiver comes from; the index
 * answers which caches the workspace passes there.
 */
import type { Node } from 'web-tree-sitter';
import type { FileScan } from './file-scan.js';
import { trailingName, unwrap } from './syntax.js';

const PARAMETER_TYPES = new Set(['simple_parameter', 'property_promotion_parameter', 'variadic_parameter']);

/** The position of `$name` among the parameters of the constructor `fn`, if it is one. */
function parameterIndex(fn: Node, name: string): number | undefined {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p && PARAMETER_TYPES.has(p.type));
  const i = params.findIndex((p) => p.childForFieldName('name')?.text === name);
  return i >= 0 ? i : undefined;
}

/**
 * For a receiver `$this->prop`: the constructor parameter the property is filled from
 * (`$this->cache = $cache;` in `__construct`, or a promoted parameter), if there is one.
 */
export function constructorParam(scan: FileScan, recv: Node): number | undefined {
  const r = unwrap(recv);
  if (r.type !== 'member_access_expression' || r.childForFieldName('object')?.text !== '$this') return undefined;
  const prop = trailingName(r);
  const cls = scan.scopes.cls(r);
  if (!prop || !cls) return undefined;
  for (const value of scan.facts.propertyValues(prop, r)) {
    const fn = scan.scopes.fn(value);
    if (value.type === 'variable_name' && fn?.name === '__construct') return parameterIndex(fn.node, value.text);
  }
  const ctor = scan.constructors.get(cls.id);
  const promoted = ctor && parameterIndex(ctor, '$' + prop);
  const param = promoted !== undefined ? ctor?.childForFieldName('parameters')?.namedChildren.filter((p) => p && PARAMETER_TYPES.has(p.type))[promoted] : undefined;
  return param?.type === 'property_promotion_parameter' ? promoted : undefined;
}
