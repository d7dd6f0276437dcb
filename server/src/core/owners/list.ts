/**
 * The owners list as the checks ask it: who owns a path or a component, whether a name is a known
 * owner and still active, and which known names are closest to one that is not. Sources are
 * asked in order; the first that knows a path or component wins. Within a `CODEOWNERS` file the
 * last matching pattern wins, as on the forges.
 */
import ignore, { type Ignore } from 'ignore';
import { editDistance, normalizeOwner, teamShortName } from './names.js';
import type { OwnerKind, OwnerRef, OwnerStatus, OwnersSource, OwnershipEntry } from './types.js';

/** A person or team the list knows, with what it owns. */
export interface KnownOwner {
  name: string;
  kind: OwnerKind;
  /** Inactive when any source says so (`status: inactive`, an `until` date that has passed). */
  status: OwnerStatus;
  until?: string;
  /** Components and path patterns the owner is named for. */
  owns: string[];
}

/** The answer for a path or component: the entry that decides, and its owners (possibly none). */
export interface Ownership {
  entry: OwnershipEntry;
  owners: OwnerRef[];
}

/** Every source, merged. */
export class OwnersList {
  private readonly known = new Map<string, KnownOwner>();
  private readonly matchers = new Map<OwnershipEntry, Ignore>();

  constructor(readonly sources: readonly OwnersSource[]) {
    for (const source of sources) {
      for (const entry of source.entries) {
        for (const ref of entry.owners) this.remember(ref, entry);
      }
    }
  }

  /** Whether any source has any entry. */
  get isEmpty(): boolean {
    return this.sources.every((s) => s.entries.length === 0);
  }

  private remember(ref: OwnerRef, entry: OwnershipEntry): void {
    const key = normalizeOwner(ref.name);
    const known = this.known.get(key) ?? { name: ref.name, kind: ref.kind, status: 'active' as OwnerStatus, owns: [] };
    if (ref.status === 'inactive') known.status = 'inactive';
    if (ref.until && (!known.until || ref.until > known.until)) known.until = ref.until;
    for (const what of entry.component ? [entry.component] : entry.patterns) if (!known.owns.includes(what)) known.owns.push(what);
    this.known.set(key, known);
  }

  private matches(entry: OwnershipEntry, path: string): boolean {
    if (entry.patterns.length === 0) return false;
    let matcher = this.matchers.get(entry);
    if (!matcher) this.matchers.set(entry, (matcher = ignore({ allowRelativePaths: true }).add(entry.patterns)));
    return matcher.ignores(path.replace(/^\.?\//, ''));
  }

  /** Who owns `path` (relative to the workspace root, `/`-separated); undefined when no source knows. */
  ownersOfPath(path: string): Ownership | undefined {
    for (const source of this.sources) {
      let found: OwnershipEntry | undefined;
      for (const entry of source.entries) if (this.matches(entry, path)) found = entry;
      if (found) return { entry: found, owners: found.owners };
    }
    return undefined;
  }

  /** Who owns the component called `name` (case and punctuation do not matter). */
  ownersOfComponent(name: string): Ownership | undefined {
    const wanted = normalizeOwner(name);
    for (const source of this.sources) {
      const entry = source.entries.find((e) => e.component !== undefined && normalizeOwner(e.component) === wanted);
      if (entry) return { entry, owners: entry.owners };
    }
    return undefined;
  }

  /** Component names the list knows, for finding them in an actionable's words. */
  components(): string[] {
    return [...new Set(this.sources.flatMap((s) => s.entries.flatMap((e) => (e.component ? [e.component] : []))))];
  }

  /** The known owner called `name` (`@org/team` may be written as just `team`). */
  find(name: string): KnownOwner | undefined {
    const key = normalizeOwner(name);
    const direct = this.known.get(key);
    if (direct) return direct;
    for (const owner of this.known.values()) {
      const short = teamShortName(owner.name);
      if (short && normalizeOwner(short) === key) return owner;
    }
    return undefined;
  }

  /** Every known owner, teams first, then by name. */
  all(): KnownOwner[] {
    const rank = (o: KnownOwner) => (o.kind === 'team' ? 0 : 1);
    return [...this.known.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  }

  /** Up to `count` known names closest to `name`, nearest first; only plausible typos. */
  closest(name: string, count = 3): string[] {
    const key = normalizeOwner(name);
    const limit = Math.max(2, Math.floor(key.length / 3));
    return [...this.known.values()]
      .map((owner) => {
        const candidates = [owner.name, teamShortName(owner.name)].filter((n): n is string => n !== undefined).map(normalizeOwner);
        const distance = Math.min(...candidates.map((c) => (c.startsWith(key) || key.startsWith(c) ? Math.min(1, Math.abs(c.length - key.length)) : editDistance(c, key, limit))));
        return { owner, distance };
      })
      .filter(({ distance }) => distance <= limit)
      .sort((a, b) => a.distance - b.distance || a.owner.name.localeCompare(b.owner.name))
      .slice(0, count)
      .map(({ owner }) => owner.name);
  }
}
