/**
 * Completion of owner names in reports: after `@` and after an owner label (`Owner:`, `DRI:`,
 * `Assigned to` and the other labels the actionables reader takes), the people and teams of the
 * workspace's owners list, teams first, with what each maintains in the detail. Inactive owners
 * come last, marked deprecated, so that a name that is in the list is never hidden.
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem, type Position } from 'vscode-languageserver';
import type { ResolvedConfig } from '../core/config/config.js';
import { ownersListOf, type KnownOwner } from '../core/owners/index.js';
import { ownerMention } from '../core/owners/names.js';
import { OWNER_LABEL_SOURCE } from '../core/report/actionable-refs.js';

/** `@` and what follows it, as the actionables reader reads a handle (not an e-mail address). */
const AT_HANDLE = /(?<![\w.@/])@([\w.-]*(?:\/[\w.-]*)?)$/;
/** An owner label, earlier names of its list, and the name being typed. */
const AFTER_LABEL = new RegExp(OWNER_LABEL_SOURCE + String.raw`(?:[^\n;()|[\]]*?(?:,|&|\+|\band\b)\s*)?([^\s,;()|[\]]*)$`, 'i');

const KIND_WORDS: Record<KnownOwner['kind'], string> = { team: 'Team', person: 'Person', email: 'E-mail' };

/** What the detail says of an owner: kind, state, and up to three things it maintains. */
function detailOf(owner: KnownOwner): string {
  const owns = owner.owns.slice(0, 3).join(', ') + (owner.owns.length > 3 ? `, +${owner.owns.length - 3}` : '');
  const state = owner.status === 'inactive' ? ` (inactive${owner.until ? ` since ${owner.until}` : ''})` : '';
  return `${KIND_WORDS[owner.kind]}${state}${owns ? ` · ${owns}` : ''}`;
}

/**
 * The owner names to offer with the cursor at `position`, `before` being the line's text before
 * it; empty when the cursor is not after `@` or an owner label, or the workspace has no list.
 */
export function ownerCompletions(config: ResolvedConfig, position: Position, before: string): CompletionItem[] {
  const at = AT_HANDLE.exec(before);
  const label = at ? undefined : AFTER_LABEL.exec(before);
  const typed = at?.[0] ?? label?.[1];
  if (typed === undefined) return [];
  const list = ownersListOf(config);
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const rank = (owner: KnownOwner) => (owner.status === 'inactive' ? 1 : 0);
  return list
    .all()
    // After `@` only handles fit: an e-mail address or a name with spaces would not be read as one.
    .filter((owner) => !at || ownerMention(owner).startsWith('@'))
    .sort((a, b) => rank(a) - rank(b))
    .map((owner, i): CompletionItem => {
      const text = ownerMention(owner);
      const inactive = owner.status === 'inactive';
      return {
        label: text,
        kind: owner.kind === 'team' ? CompletionItemKind.Folder : CompletionItemKind.Constant,
        detail: detailOf(owner),
        sortText: String(i).padStart(4, '0'),
        filterText: at ? text : text.replace(/^@/, ''),
        textEdit: { range, newText: text },
        ...(inactive ? { tags: [CompletionItemTag.Deprecated] } : {}),
      };
    });
}
