/**
 * The workspace key index: every key site of every PHP file, updated one file at a time.
 * Groups written as class constants are resolved when asked, so editing the file that defines a
 * constant changes the groups of other files without re-reading them.
 */
import { compareRanges, type Position, type Range } from '../types.js';
import { DYNAMIC_GROUP, type CacheKind, type FileKeys, type GroupRef, type KeySite } from './types.js';

/** A key site with its group resolved against the workspace. */
export interface ResolvedSite extends KeySite {
  /** The resolved group, or `dynamic`. */
  groupName: string;
}

const refKey = (className: string, name: string) => `${className.toLowerCase()}::${name}`;

function addTo(map: Map<string, Set<string>>, key: string, file: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(file);
}

function removeFrom(map: Map<string, Set<string>>, key: string, file: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(file);
  if (set.size === 0) map.delete(key);
}

/** Key sites of a workspace, by file and by group. */
export class KeyIndex {
  private readonly entries = new Map<string, FileKeys>();
  /** `class::NAME` → file → value. */
  private readonly constants = new Map<string, Map<string, string>>();
  /** lower-case class name → file → parent class. */
  private readonly parents = new Map<string, Map<string, string | undefined>>();
  /** lower-case class name → file → cache property. */
  private readonly cacheProperties = new Map<string, Map<string, string>>();
  /** lower-case class name → file → cache kinds per argument of each construction. */
  private readonly constructions = new Map<string, Map<string, CacheKind[][]>>();
  private readonly filesByLiteral = new Map<string, Set<string>>();
  private readonly filesByConstant = new Map<string, Set<string>>();
  private resolved = new Map<string, string>();

  /** Number of files indexed. */
  get size(): number {
    return this.entries.size;
  }

  /** Files indexed. */
  files(): string[] {
    return [...this.entries.keys()];
  }

  /** What the index holds for `file`. */
  get(file: string): FileKeys | undefined {
    return this.entries.get(file);
  }

  /**
   * Replaces what the index knows about one file. Returns the other files whose findings may
   * change: those sharing a key group with the old or new sites, and those whose groups name a
   * constant of a class this file declares.
   */
  setFile(entry: FileKeys): string[] {
    const before = this.touched(entry.file);
    this.drop(entry.file);
    this.entries.set(entry.file, entry);
    for (const c of entry.constants) {
      const key = refKey(c.className, c.name);
      let files = this.constants.get(key);
      if (!files) this.constants.set(key, (files = new Map()));
      files.set(entry.file, c.value);
    }
    for (const cls of entry.classes) {
      let files = this.parents.get(cls.name.toLowerCase());
      if (!files) this.parents.set(cls.name.toLowerCase(), (files = new Map()));
      files.set(entry.file, cls.parent);
      if (cls.cacheProperty) {
        let props = this.cacheProperties.get(cls.name.toLowerCase());
        if (!props) this.cacheProperties.set(cls.name.toLowerCase(), (props = new Map()));
        props.set(entry.file, cls.cacheProperty);
      }
    }
    for (const c of entry.constructions ?? []) {
      let files = this.constructions.get(c.className.toLowerCase());
      if (!files) this.constructions.set(c.className.toLowerCase(), (files = new Map()));
      files.set(entry.file, [...(files.get(entry.file) ?? []), c.argKinds]);
    }
    for (const s of entry.sites) this.indexSite(entry.file, s.group);
    if (entry.constants.length > 0 || entry.classes.length > 0) this.resolved = new Map();
    return this.others(entry.file, before, this.touched(entry.file));
  }

  /** Forgets a file (deleted, or no longer PHP). Returns the other files whose findings may change. */
  removeFile(file: string): string[] {
    if (!this.entries.has(file)) return [];
    const before = this.touched(file);
    this.drop(file);
    return this.others(file, before, new Set());
  }

  /** The group `ref` names, or `dynamic`. */
  resolveGroup(ref: GroupRef): string {
    if (ref.kind === 'literal') return ref.value;
    if (ref.kind === 'dynamic') return DYNAMIC_GROUP;
    const key = refKey(ref.className, ref.name);
    let value = this.resolved.get(key);
    if (value === undefined) {
      value = this.constantValue(ref.className, ref.name) ?? DYNAMIC_GROUP;
      this.resolved.set(key, value);
    }
    return value;
  }

  /**
   * The value of `className::name`, looking through parent classes. A constant that two files
   * define differently is ambiguous and has no value.
   */
  constantValue(className: string, name: string): string | undefined {
    let cls: string | undefined = className;
    for (let depth = 0; cls && depth < 16; depth++) {
      const values = new Set(this.constants.get(refKey(cls, name))?.values());
      if (values.size === 1) return [...values][0];
      if (values.size > 1) return undefined;
      const parents: Set<string | undefined> = new Set(this.parents.get(cls.toLowerCase())?.values());
      cls = parents.size === 1 ? [...parents][0] : undefined;
    }
    return undefined;
  }

  /** A cache property that `className` or a class it extends declares or calls, if one is known. */
  cachePropertyOf(className: string): string | undefined {
    let cls: string | undefined = className;
    for (let depth = 0; cls && depth < 16; depth++) {
      const props = new Set(this.cacheProperties.get(cls.toLowerCase())?.values());
      if (props.size === 1) return [...props][0];
      if (props.size > 1) return undefined;
      const parents: Set<string | undefined> = new Set(this.parents.get(cls.toLowerCase())?.values());
      cls = parents.size === 1 ? [...parents][0] : undefined;
    }
    return undefined;
  }

  /**
   * True when the cache of `site` comes from a constructor parameter and every construction of its
   * class in the workspace that passes a known cache there passes an in-process one (service
   * wiring handing it a `HashBagOStuff`): its keys never leave the process.
   */
  onlyInProcess(site: KeySite): boolean {
    if (site.receiverParam === undefined || !site.className) return false;
    const kinds = [...(this.constructions.get(site.className.toLowerCase())?.values() ?? [])]
      .flat()
      .map((args) => args[site.receiverParam!])
      .filter((k) => k !== undefined && k !== 'unknown');
    return kinds.length > 0 && kinds.every((k) => k === 'in-process');
  }

  /** Sites of `file`, groups resolved. */
  sitesIn(file: string): ResolvedSite[] {
    return (this.entries.get(file)?.sites ?? []).map((s) => ({ ...s, groupName: this.resolveGroup(s.group) }));
  }

  /** The innermost key site of `file` that contains `position` (for hovers). */
  siteAt(file: string, position: Position): ResolvedSite | undefined {
    const inside = (r: Range) =>
      (r.start.line < position.line || (r.start.line === position.line && r.start.character <= position.character)) &&
      (r.end.line > position.line || (r.end.line === position.line && r.end.character >= position.character));
    const hits = this.sitesIn(file).filter((s) => inside(s.range));
    // Nested sites (a joined key inside a builder call): the one that starts last is innermost.
    return hits.sort((a, b) => compareRanges(b.range, a.range))[0];
  }

  /** Every site of a (resolved) group in the workspace. */
  sitesOfGroup(group: string): ResolvedSite[] {
    if (group === DYNAMIC_GROUP) return [];
    const files = new Set(this.filesByLiteral.get(group));
    for (const [key, refFiles] of this.filesByConstant) {
      const [className, name] = key.split('::');
      if (this.resolveGroup({ kind: 'constant', className, name }) === group) for (const f of refFiles) files.add(f);
    }
    return [...files].flatMap((f) => this.sitesIn(f).filter((s) => s.groupName === group));
  }

  /**
   * Lower-case names of classes that would resolve a constant group if a file declaring them were
   * indexed: the scan parses such files even when the text prefilter skipped them.
   */
  unresolvedClasses(): Set<string> {
    const out = new Set<string>();
    for (const key of this.filesByConstant.keys()) {
      const [className, name] = key.split('::');
      if (this.constantValue(className, name) !== undefined) continue;
      // Follow declared classes up to the first one no file declares.
      let cls: string | undefined = className;
      for (let depth = 0; cls && depth < 16; depth++) {
        const parents: Set<string | undefined> = new Set(this.parents.get(cls.toLowerCase())?.values());
        if (parents.size === 0) {
          out.add(cls.toLowerCase());
          break;
        }
        cls = parents.size === 1 ? [...parents][0] : undefined;
      }
    }
    return out;
  }

  private indexSite(file: string, group: GroupRef): void {
    if (group.kind === 'literal') addTo(this.filesByLiteral, group.value, file);
    else if (group.kind === 'constant') addTo(this.filesByConstant, refKey(group.className, group.name), file);
  }

  private drop(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    this.entries.delete(file);
    for (const s of old.sites) {
      if (s.group.kind === 'literal') removeFrom(this.filesByLiteral, s.group.value, file);
      else if (s.group.kind === 'constant') removeFrom(this.filesByConstant, refKey(s.group.className, s.group.name), file);
    }
    for (const c of old.constants) {
      const key = refKey(c.className, c.name);
      this.constants.get(key)?.delete(file);
      if (this.constants.get(key)?.size === 0) this.constants.delete(key);
    }
    for (const c of old.constructions ?? []) {
      const key = c.className.toLowerCase();
      this.constructions.get(key)?.delete(file);
      if (this.constructions.get(key)?.size === 0) this.constructions.delete(key);
    }
    for (const cls of old.classes) {
      const key = cls.name.toLowerCase();
      this.parents.get(key)?.delete(file);
      if (this.parents.get(key)?.size === 0) this.parents.delete(key);
      this.cacheProperties.get(key)?.delete(file);
      if (this.cacheProperties.get(key)?.size === 0) this.cacheProperties.delete(key);
    }
    if (old.constants.length > 0 || old.classes.length > 0) this.resolved = new Map();
  }

  /** Groups of `file`'s sites and classes it declares: what other files' findings depend on. */
  private touched(file: string): Set<string> {
    const entry = this.entries.get(file);
    const out = new Set<string>();
    if (!entry) return out;
    for (const s of entry.sites) out.add('g:' + this.resolveGroup(s.group));
    for (const c of entry.classes) out.add('c:' + c.name.toLowerCase());
    for (const c of entry.constructions ?? []) out.add('n:' + c.className.toLowerCase());
    return out;
  }

  private others(file: string, before: Set<string>, after: Set<string>): string[] {
    const files = new Set<string>();
    for (const t of new Set([...before, ...after])) {
      if (t.startsWith('g:')) for (const s of this.sitesOfGroup(t.slice(2))) files.add(s.file);
      else if (t.startsWith('n:')) for (const f of this.parents.get(t.slice(2))?.keys() ?? []) files.add(f);
      else {
        const cls = t.slice(2);
        for (const [key, refFiles] of this.filesByConstant) if (key.startsWith(cls + '::')) for (const f of refFiles) files.add(f);
      }
    }
    files.delete(file);
    return [...files].sort();
  }
}
