/**
 * The owners list asked from where the work is: the maintainers of a source file (for the key
 * rules and the key hover), and the owners of the components and paths an actionable names (for
 * the quick fix of `actionables/no-owner`).
 */
import type { OwnersList, Ownership } from './list.js';
import { normalizeOwner } from './names.js';
import type { OwnerRef } from './types.js';

/** `file` relative to `root`, `/`-separated; undefined when it lies outside (or either is missing). */
export function pathUnderRoot(root: string | undefined, file: string): string | undefined {
  if (!root) return undefined;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^file:\/\//, '');
  const base = norm(root).replace(/\/+$/, '');
  const path = norm(file);
  return path.startsWith(base + '/') ? path.slice(base.length + 1) : undefined;
}

/** Who maintains a source file, as the list says. */
export interface FileMaintainers {
  /** The file relative to the workspace root. */
  path: string;
  /** The deciding entry; absent when no source covers the file. */
  ownership?: Ownership;
  /** Its owners who are still active: none is the condition of code nobody maintains. */
  active: OwnerRef[];
}

/**
 * The maintainers of `file` (an absolute path) in the list read for the workspace at `root`;
 * undefined when there is no list or the file lies outside the workspace, so that callers stay
 * silent rather than call code unowned that nobody could have listed.
 */
export function maintainersOfFile(list: OwnersList, root: string | undefined, file: string): FileMaintainers | undefined {
  if (list.isEmpty) return undefined;
  const path = pathUnderRoot(root, file);
  if (path === undefined) return undefined;
  const ownership = list.ownersOfPath(path);
  const active = (ownership?.owners ?? []).filter((o) => o.status === 'active' && list.find(o.name)?.status !== 'inactive');
  return { path, ownership, active };
}

/** Where an entry is written: `CODEOWNERS:4` (1-based line, the file's own name). */
export function entryPlace(ownership: Ownership): string {
  return `${ownership.entry.file.split(/[\\/]/).pop()}:${ownership.entry.line + 1}`;
}

/** One sentence on who maintains a file, or that nobody does. */
export function describeMaintainers(found: FileMaintainers): string {
  const { ownership, path } = found;
  if (!ownership) return `No owners entry covers ${path}: nobody is listed as maintaining it.`;
  if (ownership.owners.length === 0) return `${path} is listed without any owner (${entryPlace(ownership)}): nobody maintains it.`;
  if (found.active.length === 0) return `${path} is listed only with owners who are no longer active (${ownership.owners.map((o) => o.name).join(', ')}; ${entryPlace(ownership)}): nobody maintains it.`;
  const names = ownership.owners.map((o) => o.name + (found.active.includes(o) ? '' : ' (inactive)')).join(', ');
  return `${path} is maintained by ${names} (${entryPlace(ownership)}${ownership.entry.component ? `, ${ownership.entry.component}` : ''}).`;
}

/** An owner of something an actionable names, and what that something is. */
export interface SuggestedOwner {
  owner: OwnerRef;
  /** The component name or the path as the list knows it. */
  via: string;
}

/** Words that may be paths: a slash or a file extension. */
const PATH_LIKE = /(?<![\w@/.-])(?:\.{0,2}\/)?[\w.-]+(?:\/[\w.-]+)*(?:\/|\.[A-Za-z][\w]{0,5})(?![\w/-])/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._-]*/gu;
/** A pattern for every file: it says who owns the repository, not what an actionable names. */
const CATCH_ALL = /^\/?\*{1,2}(?:\/\*{1,2})?$/;

/**
 * The active owners of the components and paths an actionable's `text` names ("Make the key
 * global in FileRepo", "the cache of `includes/filerepo/`"), teams first, each once. A component is
 * named by its name (case and punctuation aside, also split over two words: "Central Login"), a
 * path by any path the list covers other than with a catch-all pattern (`*`). Inactive owners are
 * left out.
 */
export function ownersNamedIn(text: string, list: OwnersList): SuggestedOwner[] {
  if (list.isEmpty) return [];
  const found: Ownership[] = [];
  const words = [...text.matchAll(WORD)].map((m) => normalizeOwner(m[0]));
  const phrases = new Set([...words, ...words.slice(1).map((w, i) => words[i] + w)]);
  for (const component of list.components()) {
    if (!phrases.has(normalizeOwner(component))) continue;
    const ownership = list.ownersOfComponent(component);
    if (ownership) found.push(ownership);
  }
  for (const m of text.matchAll(PATH_LIKE)) {
    const path = m[0].replace(/^\.?\//, '');
    if (!path.includes('/') && !/\.[A-Za-z]/.test(path)) continue;
    const ownership = list.ownersOfPath(path);
    if (ownership && !ownership.entry.patterns.every((p) => CATCH_ALL.test(p))) found.push(ownership);
  }
  const seen = new Set<string>();
  const out: SuggestedOwner[] = [];
  for (const ownership of found) {
    const via = ownership.entry.component ?? ownership.entry.patterns.join(' ');
    for (const owner of ownership.owners) {
      const key = normalizeOwner(owner.name);
      if (owner.status === 'inactive' || list.find(owner.name)?.status === 'inactive' || seen.has(key)) continue;
      seen.add(key);
      out.push({ owner, via });
    }
  }
  const rank = (s: SuggestedOwner) => (s.owner.kind === 'team' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}
