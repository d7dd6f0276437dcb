/** Reading owners sources by format; see `types.ts` for what the list holds. */
import { parseCodeowners } from './codeowners.js';
import { parseMaintainers } from './maintainers.js';
import { parseWikitextMaintainers } from './wikitext.js';
import { OwnersList } from './list.js';
import type { OwnersFormat, OwnersSource } from './types.js';

export { OwnersList, type KnownOwner, type Ownership } from './list.js';
export { normalizeOwner, parseOwnerToken } from './names.js';
export { CODEOWNERS_PATHS, type OwnerRef, type OwnersFormat, type OwnersProblem, type OwnersSource, type OwnershipEntry } from './types.js';

/** The format a source file is in, by its name: `CODEOWNERS`, YAML or JSON, else wikitext. */
export function ownersFormatOf(file: string): OwnersFormat {
  const name = file.split(/[\\/]/).pop() ?? file;
  if (/^CODEOWNERS(?:\..*)?$/i.test(name)) return 'codeowners';
  if (/\.(?:ya?ml|json)$/i.test(name)) return 'maintainers';
  return 'wikitext';
}

/**
 * Reads one source. `today` (`YYYY-MM-DD`) decides whether an `until` date has passed; a
 * caller passes the real date, tests a fixed one.
 */
export function readOwnersSource(file: string, text: string, format: OwnersFormat, today: string): OwnersSource {
  switch (format) {
    case 'codeowners':
      return parseCodeowners(file, text);
    case 'maintainers':
      return parseMaintainers(file, text, today);
    case 'wikitext':
      return parseWikitextMaintainers(file, text);
  }
}

const lists = new WeakMap<readonly OwnersSource[], OwnersList>();

/** The owners list of a configuration, built once per loaded set of sources. */
export function ownersListOf(config: { owners: { sources: readonly OwnersSource[] } }): OwnersList {
  const sources = config.owners.sources;
  let list = lists.get(sources);
  if (!list) lists.set(sources, (list = new OwnersList(sources)));
  return list;
}
