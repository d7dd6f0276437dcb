/**
 * Escaping of plain text for MediaWiki wikitext. The renderer walks the mdast and only ever hands
 * text leaves here, so every character the author wrote arrives as text: whatever would be
 * markup to MediaWiki (templates, links, quotes, signatures, magic words, tags, table pipes) is
 * wrapped in `<nowiki>` and its `&`, `<`, `>` written as entities, which MediaWiki still decodes
 * inside `<nowiki>`. The page then shows the author's characters and transcludes nothing.
 */

/** Where a piece of text lands: some characters are markup only in tables or headings. */
export interface WikiTextContext {
  /** Inside a table cell: `|` and `!` separate cells. */
  table?: boolean;
  /** Inside a heading: `=` closes it. */
  heading?: boolean;
}

/** `&`, `<`, `>` as entities: no tag (`<ref>`, `<nowiki>`, `<script>`) can be opened or closed. */
export function escapeEntities(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

// Sequences that are markup anywhere in a line.
const INLINE_MARKUP = [
  /\[\[|\]\]|\{\{|\}\}/, // internal links, templates, parser functions, parameters
  /\[\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i, // external links
  /''/, // italics and bold
  /~~~/, // signatures and dates (expanded when the page is saved)
  /__[\p{L}\p{N}_]+__/u, // behaviour switches such as __NOTOC__
  /-\{|\}-/, // language converter
  /\b(?:ISBN|RFC|PMID)\s+\d/, // magic links on wikis that still enable them
  /(?:^|[^\p{L}\p{N}])(?:https?|ftp|mailto|irc|news|gopher|telnet|nntp|worldwind|svn|git|mms|sftp|ssh|xmpp|sip|sips|tel|urn|geo|magnet|bitcoin):/iu, // free links the author did not write as links
];

/** True when `text` (already a single line) contains anything MediaWiki would read as markup. */
export function needsNowiki(text: string, context: WikiTextContext = {}): boolean {
  if (INLINE_MARKUP.some((re) => re.test(text))) return true;
  // At the edge of a leaf, a quote or bracket can join the markup next to it: `''` + `'s`
  // changes how quotes pair, `[` + `[https://…]` opens an internal link.
  if (/^['\]{}]|['[{}]$/.test(text)) return true;
  if (context.table && /[|!]/.test(text)) return true;
  if (context.heading && text.includes('=')) return true;
  return false;
}

/**
 * Escapes one text leaf. Line breaks become spaces (a soft break renders as a space in both
 * Markdown and wikitext), so the text never starts a new wikitext line of its own.
 */
export function escapeWikiText(text: string, context: WikiTextContext = {}): string {
  const line = text.replace(/\r\n?|\n/g, ' ');
  if (line === '') return '';
  const escaped = escapeEntities(line);
  return needsNowiki(line, context) ? `<nowiki>${escaped}</nowiki>` : escaped;
}

/** Text inside `<nowiki>` exactly as written, for inline code and literal HTML. */
export function nowiki(text: string): string {
  return text === '' ? '' : `<nowiki>${escapeEntities(text)}</nowiki>`;
}

// Characters that start a list, definition, indent, heading, table or preformatted block.
const LINE_START = /^(?:[*#:;= ]|----|\{\|)/;

/**
 * Guards the start of a rendered line: when it begins with a character that is markup only at
 * the start of a line (`*`, `#`, `:`, `;`, `=`, a space, `----`, `{|`), an empty `<nowiki/>`
 * in front makes MediaWiki read it as text.
 */
export function guardLineStart(line: string): string {
  return LINE_START.test(line) ? '<nowiki/>' + line : line;
}

// Characters left as they are in an external link target; everything else is percent-encoded,
// so a URL can neither end the link (space, `]`) nor carry markup (`''`, `{{`, `~~~`, `|`).
const URL_SAFE = /[A-Za-z0-9\-._:/?#@!$*+,;=%()]/;

/** A URL made safe for `[url label]`: unsafe characters percent-encoded, `&` as an entity. */
export function escapeUrl(url: string): string {
  let out = '';
  for (const ch of url) {
    if (ch === '&') out += '&amp;';
    else if (URL_SAFE.test(ch)) out += ch;
    else out += Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
  }
  return out;
}

/** Protocols MediaWiki turns into external links by default; anything else is shown as text. */
export function isExternalUrl(url: string): boolean {
  return /^(?:https?:|ftp:|mailto:|irc:|ircs:|\/\/)/i.test(url.trim());
}
