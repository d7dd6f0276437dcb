/**
 * Tree-sitter queries that find key constructions and the facts around them.
 */

/** Removed global helpers that build keys. */
export const REMOVED_HELPERS = ['wfMemcKey', 'wfForeignMemcKey', 'wfGlobalCacheKey'] as const;

/**
 * Cache methods whose first argument is a key: a key passed here reaches the cache. Only calls on
 * a receiver that is a cache count (see cache-kind.ts): `$dbw->lock()` names a database lock and
 * `$poolCounter->get()` a pool, neither a cache key.
 */
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

/** Cache-library methods that build keys from a keyspace; their own callers forge or scope keys. */
export const INTERNAL_BUILDERS = ['makeKeyInternal'] as const;

/** Endings of the names of methods whose return value is a cache key (`getSharedCacheKey`). */
export const KEY_METHOD_ENDINGS = ['CacheKey', 'MemcKey'] as const;

/** Functions that join strings into a key by hand. */
export const JOINERS = ['implode', 'join', 'sprintf'] as const;

const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(' ');

/**
 * The names of the methods whose calls extraction reads, for a builder configuration: the
 * builders, the cache library's internal builder and the cache operations.
 */
export function callMethods(builders: readonly string[]): ReadonlySet<string> {
  return new Set([...builders, ...INTERNAL_BUILDERS, ...CACHE_METHODS]);
}

/**
 * The one query run per file. Everything extraction needs comes from a single pass over the
 * tree: a query's cost is mostly the walk, so one query with many patterns is several times
 * cheaper than several queries. Top-level alternations (`[…] @x`) are slow in tree-sitter, so
 * each alternative is its own pattern. The capture that names the whole match says which
 * pattern matched: class, function, const, return, assign, param, prop, promoted, call,
 * methodcall, new.
 *
 * Method calls are one pattern per kind of call with two captures, the call and its name, and
 * file-scan.ts picks the names that count ({@link callMethods}, {@link KEY_METHOD}): a text
 * predicate (`#any-of?`, `#match?`) is tested in JavaScript only after every capture of every
 * call has been built, and most calls of a file are of other methods.
 */
export const KEY_QUERY: string = buildKeyQuery();

function buildKeyQuery(): string {
  const functions = list([...REMOVED_HELPERS, ...JOINERS, 'array_unshift']);
  const classes = ['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration'].map((t) => `(${t} name: (name) @name) @class`);
  const methodCalls = ['member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression'].map((t) => `(${t} name: (name) @method) @methodcall`);
  const scopes = ['method_declaration', 'function_definition', 'anonymous_function', 'arrow_function'].map((t) => `(${t}) @function`);
  return [
    ...classes,
    ...scopes,
    '(const_element) @const',
    '(return_statement (_) @value) @return',
    '(assignment_expression left: (variable_name) @target right: (_) @value) @assign',
    '(assignment_expression left: (member_access_expression) @target right: (_) @value) @assign',
    '(simple_parameter type: (_) @type name: (variable_name (name) @name)) @param',
    '(property_declaration type: (_)? @type (property_element name: (variable_name (name) @name) default_value: (_)? @value)) @prop',
    '(property_promotion_parameter type: (_)? @type name: (variable_name (name) @name)) @promoted',
    ...methodCalls,
    `(function_call_expression function: (name) @fn arguments: (arguments) @args (#any-of? @fn ${functions})) @call`,
    `(function_call_expression function: (qualified_name (name) @fn) arguments: (arguments) @args (#any-of? @fn ${functions})) @call`,
    // Constructions: service wiring that hands a class its cache.
    '(object_creation_expression (name) @name (arguments) @args) @new',
    '(object_creation_expression (qualified_name) @name (arguments) @args) @new',
  ].join('\n');
}

/** Methods whose name says they return a cache key (`getSharedCacheKey`, `getMemcKey`). */
export const KEY_METHOD = /([Cc]ache|[Mm]emc)[Kk]ey$/;

/** The capture names that say which pattern of {@link KEY_QUERY} matched. */
export const MATCH_KINDS = ['class', 'function', 'const', 'return', 'assign', 'param', 'prop', 'promoted', 'call', 'methodcall', 'new'] as const;
