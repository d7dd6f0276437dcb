/**
 * What an actionable's Markdown says about tracking: task references, an owner and project tags.
 * The raw Markdown is read rather than its plain text, because a link's URL (often the only task
 * reference) is gone from the plain text.
 */

import { DONE_STATUS_WORDS, isInstructionVerb, OPEN_STATUS_WORDS } from './actionable-status.js';
import { teamIntroducing } from './actionable-owner.js';

/** Tracker references, owner and tags found in one item. */
export interface References {
  tasks: string[];
  owner?: string;
  tags: string[];
}

/** Owner values that say there is no owner. Placeholders (TBD, `<name>`) are left to `report/placeholder`. */
const NO_OWNER = /^(?:none|nobody|no one|noone|unassigned|unowned|n\/?a|-+|—|–|\?+)$/i;

/**
 * Prefixes that look like Jira keys but are standards, versions or units: `UTF-8`, `SHA-256`,
 * `HTTP-500`, `ISO-8601`.
 */
const NOT_JIRA = new Set(['UTF', 'ISO', 'SHA', 'MD', 'HTTP', 'HTTPS', 'TLS', 'SSL', 'IPV', 'PHP', 'ES', 'RFC', 'COVID', 'GPT', 'CPU', 'UTC', 'GMT', 'IE', 'AES', 'RSA', 'UTF8', 'X']);

const COMMENT = /<!--[\s\S]*?-->/g;
const URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>()[\]|"'`]+/gi;
const LINK_DESTINATION = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const WIKI_TASK = /\[\[\s*phab:\s*(T\d+)(?:#\d+)?\s*(?:\|[^\]]*)?\]\]/gi;
const PHAB_TASK = /\bphab:\s*(T\d+)(?:#\d+)?/gi;
/** In running text a short `T12` is too often something else; three digits make it a task. */
const BARE_TASK = /(?<![\w/-])(T\d{3,})(?:#\d+)?(?![\w-])/g;
/** In a column headed Task, any `T<number>` is one. */
const COLUMN_TASK = /(?<![\w/-])(T\d+)(?:#\d+)?(?![\w-])/g;
const JIRA = /(?<![\w-])([A-Z][A-Z0-9]{1,9})-(\d+)(?![\w-]|\.\d)/g;
const ISSUE_NUMBER = /(?<![\w&#/])#(\d+)(?![\w-])/g;
const TAG = /(?<![\w&#/])#([A-Za-z][\w.-]*[\w]|[A-Za-z])/g;
const HANDLE = /(?<![\w.@/])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?)/g;
/**
 * The labels that introduce an owner ("Owner:", "DRI =", "Assigned to"), up to the value: a regex
 * source, shared with the editor's completion of owner names.
 */
export const OWNER_LABEL_SOURCE = String.raw`(?<![\w])(?:owners?|assignees?|responsible|dri|assigned\s+to)\s*[*_]*\s*(?::|=|(?<=to)\s)\s*[*_]*\s*`;
const OWNER_LABEL = new RegExp(OWNER_LABEL_SOURCE + String.raw`([^\n,;()|[\]]+?)\s*[*_]*\s*(?=$|[\n,;()|[\]]|\.(?:\s|$))`, 'gim');

/**
 * An owner named after a dash at the end of an item: "Purge old caches (#42) — Priya", "… - Ops
 * team", "… – @tomas". A status word there ("— Done") is no owner.
 */
const TRAILING_OWNER = /[ \t][-\u2013\u2014][ \t]*(@?[A-Z][\w.'-]*(?:[ \t]+(?:[A-Z][\w.'-]*|team))?)[ \t]*$/;
const NOT_A_NAME = new RegExp(`^(?:${OPEN_STATUS_WORDS}|${DONE_STATUS_WORDS}|tbd|n/?a|none|p\\d|sev\\d|q\\d|high|medium|low|critical|urgent|later|soon|optional|maybe|stretch|idea|nice to have|short[- ]term|long[- ]term|medium[- ]term|follow[- ]?up|bonus|question|note)$`, 'i');

/** The marks an item's first line opens with: a bullet or a number, then a task box. */
const ITEM_MARK = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\[[ xX]\][ \t]+)?/;

/**
 * An owner named in brackets or parentheses before the words of an item: "[dustin] finish the
 * patch", "(tc, cloudops teams) write a runbook", "(aki) set up the meeting"; or a team that
 * opens the item as a label: "Platform team: review the agents". A link (`[text](url)`), a
 * checkbox and a status or priority word in brackets ("(optional)", "[P1]") are not owners.
 */
const LEADING_OWNER = new RegExp(String.raw`${ITEM_MARK.source}(?:\[(?![xX]\])([A-Za-z][\w.'-]*\??(?:(?:[ \t]*[,/&][ \t]*|[ \t]+)[A-Za-z][\w.'-]*\??){0,4})\](?![([:])|\(([A-Za-z][\w.'-]*\??(?:(?:[ \t]*[,/&][ \t]*|[ \t]+)[A-Za-z][\w.'-]*\??){0,4})\)|([A-Z][\w.'-]*(?:[ \t]+[A-Za-z][\w.'-]*)?[ \t]+team)[ \t]*:)[ \t]+(?=\S)`);

/** "bug 1604925", "Bug #1587511": a tracker's bug by its number. */
const BUG_NUMBER = /(?<![\w-])bug\s*#?\s*(\d{3,})(?![\w-])/gi;

/** Replaces every match by spaces (offsets stay put), so later patterns cannot match inside it again. */
function blank(text: string, pattern: RegExp, found?: (m: RegExpExecArray) => void): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    found?.(m as RegExpExecArray);
    out += text.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

function pushUnique(list: string[], value: string): void {
  if (!list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

/** True when an owner value names somebody (or holds a placeholder for somebody). */
export function isOwnerValue(value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim();
  return v.length > 0 && !NO_OWNER.test(v);
}

/**
 * Reads task references, the owner and tags from an item's Markdown source. An `Owner:` label
 * wins over an `@handle`, which may just mention somebody. `taskColumn` reads the text of a
 * table's task column, where a short `T12` is a task too.
 */
export function readReferences(markdown: string, options: { taskColumn?: boolean } = {}): References {
  const tasks: string[] = [];
  const tags: string[] = [];
  // The `includes` guards skip patterns that cannot match: most items are short and plain.
  let s = markdown.includes('<!--') ? markdown.replace(COMMENT, (c) => ' '.repeat(c.length)) : markdown;
  const lower = s.toLowerCase();
  if (lower.includes('http') || lower.includes('www.')) s = blank(s, URL, (m) => pushUnique(tasks, m[0].replace(/[.,;:!?*_]+$/, '')));
  if (s.includes('](')) s = blank(s, LINK_DESTINATION);
  if (lower.includes('phab:')) {
    s = blank(s, WIKI_TASK, (m) => pushUnique(tasks, m[1].toUpperCase()));
    s = blank(s, PHAB_TASK, (m) => pushUnique(tasks, m[1].toUpperCase()));
  }
  s = blank(s, options.taskColumn ? COLUMN_TASK : BARE_TASK, (m) => pushUnique(tasks, m[1]));
  if (s.includes('-')) {
    s = blank(s, JIRA, (m) => {
      if (!NOT_JIRA.has(m[1])) pushUnique(tasks, `${m[1]}-${m[2]}`);
    });
  }
  if (/bug/i.test(s)) s = blank(s, BUG_NUMBER, (m) => pushUnique(tasks, `bug ${m[1]}`));
  const hash = s.includes('#');
  if (hash) s = blank(s, ISSUE_NUMBER, (m) => pushUnique(tasks, `#${m[1]}`));
  let owner: string | undefined;
  s = blank(s, OWNER_LABEL, (m) => {
    const value = m[1].replace(/^[*_]+|[*_]+$/g, '').trim();
    if (owner === undefined && isOwnerValue(value)) owner = value;
  });
  if (s.includes('@')) {
    s = blank(s, HANDLE, (m) => {
      if (owner === undefined) owner = `@${m[1]}`;
    });
  }
  if (owner === undefined) owner = leadingOwner(markdown);
  if (owner === undefined) {
    const trailing = TRAILING_OWNER.exec(markdown.split('\n', 1)[0].trimEnd());
    if (trailing && !NOT_A_NAME.test(trailing[1])) owner = trailing[1];
  }
  if (hash) blank(s, TAG, (m) => pushUnique(tags, m[1]));
  return { tasks, owner, tags };
}

/** The owner an item names before its words ({@link LEADING_OWNER}, {@link NAME_TO}), without a doubting `?`. */
export function leadingOwner(markdown: string): string | undefined {
  const m = LEADING_OWNER.exec(markdown);
  const value = m ? (m[1] ?? m[2] ?? m[3]).replace(/\?/g, '').trim() : undefined;
  if (value && !NOT_A_NAME.test(value) && isOwnerValue(value)) return value;
  const named = NAME_TO.exec(markdown) ?? NAME_WILL.exec(markdown);
  // The word after "to" must be a verb: "Revert to default", "Subscribe to the list" name nobody.
  if (named && namesPerson(named[1]) && (isInstructionVerb(named[2]) || ERRAND.test(named[2]))) return named[1];
  const team = ACRONYM_DOES.exec(markdown);
  if (team && !NOT_A_NAME.test(team[1]) && (isInstructionVerb(team[2]) || ERRAND.test(team[2]))) return team[1];
  // "the drand team will patch the issues": a named group as the item's subject.
  return teamIntroducing(markdown.split('\n', 1)[0].replace(ITEM_MARK, ''));
}


/** The same subject with "will" (or "is going to"): "Hypha will run the full suite of tests". */
const NAME_WILL = new RegExp(String.raw`${ITEM_MARK.source}(\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:and[ \t]+)?\p{Lu}[\p{L}'’.-]*)?)[ \t]+(?:will|shall|(?:is|are)[ \t]+going[ \t]+to)[ \t]+(\p{Ll}+)\b`, 'u');

/**
 * A team named by its initials, then what it does, as minutes write it: "ICL check how to speed up
 * the upgrade tests". Only initials (two to six capitals): a capitalised word before a verb is as
 * often a topic ("Alerts page the on-call").
 */
const ACRONYM_DOES = new RegExp(String.raw`${ITEM_MARK.source}(\p{Lu}{2,6})[ \t]+(\p{Ll}+)\b`, 'u');

/**
 * A person named as the subject of the item, as minutes write it: "Nóva to send the list of
 * domains", "Priya and Tom to review the alerts". One or two capitalised names, then "to" and a
 * verb of work or of an errand.
 */
const NAME_TO = new RegExp(String.raw`${ITEM_MARK.source}(\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:and[ \t]+)?\p{Lu}[\p{L}'’.-]*)?)[ \t]+to[ \t]+(\p{Ll}+)\b`, 'u');

/** Verbs of a person's errand, beside those that open instructions: "to send", "to list". */
const ERRAND = /^(?:send|write|list|draft|share|email|file|open|ask|talk|follow|reach|run|find|own|drive|lead|handle|coordinate|present|summari[sz]e|organi[sz]e|post|sync|pair|chase|confirm|collect|gather|book|arrange|report|subscribe|produce|figure|look|work|set|get|give|propose|host|announce|support|clarify|explain|design|prototype|measure|benchmark|assess|estimate|compile|outline|sort|ping|triage|escalate|merge|ship|release|backport|cut|reproduce|debug|port|bump)$/i;

/** Words that open "… to <verb>" without naming anybody: "Need to add", "Plan to move", "Switch to". */
const NOT_A_PERSON =
  /^(?:needs?|plans?|wants?|have|has|going|try|tries|continue|start|begin|remember|ask|decide|agree|learn|how|what|where|when|why|ways?|work|time|steps?|the|it|this|that|we|they|i|also|and|or|able|unable|due|back|up|down|in|on|add-ons?|changes?|access|ability|attempt|effort|option|options|failure|failed|forgot|remind|reminder|continue|tbd|todo)$/i;

function namesPerson(name: string): boolean {
  const first = name.split(/[ \t]+/)[0];
  return !NOT_A_PERSON.test(first) && !isInstructionVerb(first) && !NOT_A_NAME.test(name);
}

/** Tags written in a table's tags column: `#A, #B` or `A B`. */
export function readTagCell(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const tag = part.replace(/^#/, '').trim();
    if (/^[A-Za-z][\w.-]*$/.test(tag)) pushUnique(tags, tag);
  }
  return tags;
}

/** `#Tag` and `Tag` compare equal, case aside. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase();
}
