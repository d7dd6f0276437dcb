/** How owner names are written and compared, in one place for every source and rule. */
import type { OwnerKind } from './types.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HANDLE = /^@?([A-Za-z0-9][\w.-]*)(?:\/([A-Za-z0-9][\w.-]*))?$/;

/**
 * Reads one owner token: `@user`, `@org/team`, `user@example.org`. Plain names (with spaces)
 * are persons. Returns undefined for text that is no owner (empty, punctuation).
 */
export function parseOwnerToken(token: string): { name: string; kind: OwnerKind } | undefined {
  const text = token.trim();
  if (!text) return undefined;
  if (EMAIL.test(text)) return { name: text, kind: 'email' };
  const handle = HANDLE.exec(text);
  if (handle) return { name: handle[2] ? `${handle[1]}/${handle[2]}` : handle[1], kind: handle[2] ? 'team' : 'person' };
  if (/[\p{L}\p{N}]/u.test(text) && !/[<>{}[\]|]/.test(text)) return { name: text.replace(/\s+/g, ' '), kind: 'person' };
  return undefined;
}

/**
 * The form names are compared in: case, a leading `@`, spaces, dots, dashes and underscores do
 * not matter, so "@Jane.Doe", "jane_doe" and "Jane Doe" are one person.
 */
export function normalizeOwner(name: string): string {
  return name
    .trim()
    .replace(/^@/, '')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
}

/** The part after the organisation of `org/team`, which people write alone ("the sre team"). */
export function teamShortName(name: string): string | undefined {
  const slash = name.indexOf('/');
  return slash === -1 ? undefined : name.slice(slash + 1);
}

/** Edit distance with a cut-off: past `max` the exact value does not matter. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * How an owner is written in a report so that the actionables reader and the owners list agree:
 * `@handle` or `@org/team`, an e-mail address or a name with spaces as it is.
 */
export function ownerMention(owner: { name: string; kind: OwnerKind }): string {
  return owner.kind === 'email' || /\s/.test(owner.name) ? owner.name : `@${owner.name}`;
}
