/**
 * Where extraction steps put the key sites they find: one site per node, each with the class and
 * method around it, none inside a class that is exempt (see {@link exemptClasses}).
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types.js';
import type { FileScan } from './file-scan.js';
import { parentClassName } from './syntax.js';
import type { KeySite } from './types.js';

/** A site as a step describes it; the sink adds the file, range and place. */
export type NewSite = Omit<KeySite, 'file' | 'range' | 'className' | 'methodName'>;

/** The range of a node in the (line, character) form of the core. */
export function range(node: Node): Range {
  return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: { line: node.endPosition.row, character: node.endPosition.column } };
}

/**
 * Classes whose keys are not a cache user's keys:
 * - classes that define the key builders themselves (`makeKey`, `makeGlobalKey`,
 *   `makeKeyInternal`): the cache library writes its own keyspaces by design;
 * - lock managers (a class named or extending `…LockManager`): their keys name locks, not cache
 *   entries, even when the locks live in a cache server.
 */
export function exemptClasses(scan: FileScan, builders: readonly string[]): Set<number> {
  const own = new Set([...builders, 'makeKeyInternal']);
  const out = new Set<number>();
  for (const { node, name } of scan.classNodes) {
    const methods = scan.methodsByClass.get(node.startIndex);
    if ([...(methods ?? [])].some((m) => own.has(m))) out.add(node.startIndex);
    else if (/LockManager$/.test(name) || /LockManager$/.test(parentClassName(node) ?? '')) out.add(node.startIndex);
  }
  return out;
}

/** Collects the sites of one file. */
export class SiteSink {
  readonly sites: KeySite[] = [];
  private readonly seen = new Set<number>();

  constructor(
    private readonly file: string,
    private readonly scan: FileScan,
    private readonly exempt: Set<number>,
  ) {}

  /** True when `node` is already a site. */
  has(node: Node): boolean {
    return this.seen.has(node.id);
  }

  /** Adds a site for `node`, unless it has one or sits in an exempt class. */
  add(node: Node, site: NewSite): void {
    if (this.seen.has(node.id)) return;
    this.seen.add(node.id);
    const cls = this.scan.scopes.cls(node);
    if (cls && this.exempt.has(cls.id)) return;
    this.sites.push({ file: this.file, range: range(node), className: cls?.name, methodName: this.scan.scopes.namedFn(node)?.name, ...site });
  }

  /** The sites in source order. */
  sorted(): KeySite[] {
    return this.sites.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
