/** Wording shared by the key rules. */
import type { ResolvedSite } from '../../keys/key-index.js';
import { DYNAMIC_GROUP } from '../../keys/types.js';

/** `of group "thumb"`, or `with a dynamic group`. */
export function describeGroup(site: ResolvedSite): string {
  return site.groupName === DYNAMIC_GROUP ? 'with a dynamic group' : `of group "${site.groupName}"`;
}

/** `Foo::getKey()`, `getKey()` or `top-level code`. */
export function describePlace(site: { className?: string; methodName?: string }): string {
  if (site.methodName) return site.className ? `${site.className}::${site.methodName}()` : `${site.methodName}()`;
  return site.className ? `class ${site.className}` : 'top-level code';
}

/** The number of parts as a shape: `2 parts`, `2+ parts` with a spread. */
export function describeShape(site: { parts: number; variadic: boolean }): string {
  return `${site.parts}${site.variadic ? '+' : ''} part${site.parts === 1 && !site.variadic ? '' : 's'}`;
}
