/**
 * Tree-sitter queries that find key constructions and the facts around them. Name filters are
 * query predicates, so the JavaScript side only sees candidate nodes.
 */

/** Removed global helpers that build keys. */
export const REMOVED_HELPERS = ['wfMemcKey', 'wfForeignMemcKey', 'wfGlobalCacheKey'] as const;

/** Cache methods whose first argument is a key: a hand-built key passed here is reported. */
export const CACHE_METHODS = [
  'get',
  'set',
  'delete',
  'add',
  'getWithSetCallback',
  'getMulti',
  'touchCheckKey',
  'resetCheckKey',
  'getCheckKeyTime',
  'incr',
  'decr',
  'incrWithInit',
  'changeTTL',
  'lock',
  'unlock',
  'merge',
] as const;

/** Functions that join strings into a key by hand. */
export const JOINERS = ['implode', 'join', 'sprintf'] as const;

const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(' ');

/** Method and function calls that build or use keys. Captures: call, recv, method|fn, args. */
export function callsQuery(builders: readonly string[]): string {
  const methods = list([...new Set([...builders, 'makeKeyInternal', ...CACHE_METHODS])]);
  const functions = list([...REMOVED_HELPERS, ...JOINERS, 'array_unshift']);
  return `
(member_call_expression object: (_) @recv name: (name) @method arguments: (arguments) @args (#any-of? @method ${methods})) @call
(nullsafe_member_call_expression object: (_) @recv name: (name) @method arguments: (arguments) @args (#any-of? @method ${methods})) @call
(scoped_call_expression scope: (_) @recv name: (name) @method arguments: (arguments) @args (#any-of? @method ${methods})) @call
(function_call_expression function: (name) @fn arguments: (arguments) @args (#any-of? @fn ${functions})) @call
(function_call_expression function: (qualified_name (name) @fn) arguments: (arguments) @args (#any-of? @fn ${functions})) @call
`;
}

/**
 * Places a string key can come from: return values, assignments, parameter and property types.
 * Captures: return+value, assign+target+value, param+type+name, prop+type+name, promoted+type+name.
 */
export const FACTS_QUERY = `
(return_statement (_) @value) @return
(assignment_expression left: [(variable_name) (member_access_expression)] @target right: (_) @value) @assign
(simple_parameter type: (_) @type name: (variable_name (name) @name)) @param
(property_declaration type: (_)? @type (property_element name: (variable_name (name) @name))) @prop
(property_promotion_parameter type: (_)? @type name: (variable_name (name) @name)) @promoted
`;

/** Class-like declarations and their string constants. Captures: class+name, const. */
export const DECLARATIONS_QUERY = `
[(class_declaration name: (name) @name) (interface_declaration name: (name) @name) (trait_declaration name: (name) @name) (enum_declaration name: (name) @name)] @class
(const_element) @const
`;
