/**
 * The text an editor shows over a key construction: its scope, group and shape, every other site
 * of the same group in the workspace, and who maintains the file (or that nobody does).
 */
import type { ResolvedConfig } from '../config/config.js';
import { ownersListOf } from '../owners/index.js';
import { describeMaintainers, maintainersOfFile } from '../owners/lookup.js';
import type { Position } from '../types.js';
import type { KeyIndex, ResolvedSite } from './key-index.js';
import { DYNAMIC_GROUP } from './types.js';

const SCOPE_WORDS: Record<ResolvedSite['scope'], string> = {
  local: 'local (this wiki’s keyspace)',
  global: 'global (the same key on every wiki)',
  forged: 'forged (another wiki’s local keyspace, built by hand)',
  'hand-built': 'hand-built (joined strings, no keyspace)',
  unscoped: 'unscoped (a constant string, no keyspace: one entry for every wiki)',
};

/**
 * Markdown for a hover at `position` of `file`, or undefined when no key is built there. With the
 * file's configuration, the hover also says who maintains the file, as `keys/unowned-code` reads it.
 */
export function keyHover(index: KeyIndex, file: string, position: Position, label: (file: string) => string = (f) => f, config?: ResolvedConfig): string | undefined {
  const site = index.siteAt(file, position);
  if (!site) return undefined;
  const shape = `${site.parts}${site.variadic ? '+' : ''} part${site.parts === 1 && !site.variadic ? '' : 's'}`;
  const lines = [
    `**Cache key** built with \`${site.via}\``,
    '',
    `- scope: ${SCOPE_WORDS[site.scope]}`,
    `- group: ${site.groupName === DYNAMIC_GROUP ? '*dynamic* (not known statically)' : `\`${site.groupName}\``}`,
    `- shape: ${shape}; cache: ${site.cacheKind}`,
  ];
  if (site.wikiExpression) lines.push(`- wiki: \`${site.wikiExpression}\``);
  const others = index.sitesOfGroup(site.groupName).filter((o) => !(o.file === site.file && o.range.start.line === site.range.start.line && o.range.start.character === site.range.start.character));
  if (others.length > 0) {
    lines.push('', `Other sites of this group (${others.length}):`);
    for (const o of others.slice(0, 20)) {
      const where = o.methodName ? `${o.className ? o.className + '::' : ''}${o.methodName}()` : (o.className ?? '');
      lines.push(`- ${o.scope} \`${o.via}\` at ${label(o.file)}:${o.range.start.line + 1}${where ? ` in ${where}` : ''} (${o.cacheKind}, ${o.parts}${o.variadic ? '+' : ''} parts)`);
    }
    if (others.length > 20) lines.push(`- … and ${others.length - 20} more`);
  }
  const maintainers = config && maintainersOfFile(ownersListOf(config), config.owners.root, file);
  if (maintainers) lines.push('', `**Maintainers:** ${describeMaintainers(maintainers)}`);
  return lines.join('\n');
}
