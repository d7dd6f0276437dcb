/**
 * Wikitext export for MediaWiki wikis such as Wikitech. Walks the report's mdast node by node;
 * all author text goes through {@link escapeWikiText}, so the output is markup only where the
 * Markdown was markup. The level-1 title heading is left out: on a wiki the page name is the title.
 */
import type { Definition, List, ListItem, Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Finding } from '../types.js';
import type { Report } from '../report/types.js';
import { displayUtc } from '../report/iso-date.js';
import { reportStatus } from '../report/frontmatter.js';
import { readMetadata, type MetaInstant, type ReportMetadata } from './metadata.js';
import { splitTaskIds, taskOfUrl } from './tasks.js';
import { escapeEntities, escapeUrl, escapeWikiText, guardLineStart, isExternalUrl, nowiki, type WikiTextContext } from './wikitext-escape.js';

interface InlineContext extends WikiTextContext {
  /** Inside a link label: task ids stay text (links do not nest). */
  inLink?: boolean;
}

/** Renders `report` as wikitext. Findings are not part of a wiki page and are ignored. */
export function renderWikitext(report: Report, _findings: readonly Finding[] = []): string {
  const renderer = new WikitextRenderer(report.root);
  const meta = readMetadata(report);
  const blocks: string[] = [];
  if (meta.status) blocks.push(statusTemplate(meta.status));
  const table = metadataTable(meta, renderer);
  if (table) blocks.push(table);
  const titleHeading = findTitleHeading(report.root);
  for (const node of report.root.children) {
    if (node === titleHeading) continue;
    const block = renderer.block(node);
    if (block !== '') blocks.push(block);
  }
  return blocks.join('\n\n') + '\n';
}

/** `{{irdoc|status=draft}}`; an unknown status is kept, escaped, as the parameter's text. */
function statusTemplate(status: string): string {
  return `{{irdoc|status=${reportStatus(status) ?? escapeWikiText(status, { table: true })}}}`;
}

/** The level-1 heading that gives the title: the first heading of the document, if level 1. */
function findTitleHeading(root: Root): RootContent | undefined {
  const first = root.children.find((n) => n.type === 'heading');
  return first && first.type === 'heading' && first.depth === 1 ? first : undefined;
}

function instantText(value: MetaInstant | undefined): string | undefined {
  if (!value) return undefined;
  return value.utc !== undefined && value.hasTime ? displayUtc(value.utc) : value.text;
}

/** The incident metadata table; undefined when the report gives none of its fields. */
function metadataTable(meta: ReportMetadata, renderer: WikitextRenderer): string | undefined {
  const cell = (text: string | undefined) => (text === undefined ? undefined : renderer.plainCell(text));
  const list = (items: string[]) => (items.length ? items.map((t) => renderer.plainCell(t)).join(', ') : undefined);
  const rows: [string, string | undefined][] = [
    ['Incident ID', cell(meta.id)],
    ['Start', cell(instantText(meta.start))],
    ['End', cell(instantText(meta.end))],
    ['Task', list(meta.tasks)],
    ['People paged', cell(meta.peoplePaged)],
    ['Responder count', meta.responderCount === undefined ? undefined : String(meta.responderCount)],
    ['Coordinators', list(meta.coordinators)],
    ['Affected metrics/SLOs', list(meta.affectedMetrics)],
    ['Impact', cell(meta.impact)],
  ];
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  if (present.length === 0) return undefined;
  const lines = ['{| class="wikitable"'];
  present.forEach(([label, value], i) => {
    if (i > 0) lines.push('|-');
    lines.push(`! ${label}`, `| ${value}`);
  });
  lines.push('|}');
  return lines.join('\n');
}

/** Stateful only for link definitions, which any node may refer to. */
class WikitextRenderer {
  private readonly definitions = new Map<string, Definition>();

  constructor(root: Root) {
    collectDefinitions(root, this.definitions);
  }

  /** A metadata value: plain text with task ids linked. */
  plainCell(text: string): string {
    return this.text(text, { table: true });
  }

  block(node: RootContent): string {
    switch (node.type) {
      case 'heading': {
        const marks = '='.repeat(Math.min(Math.max(node.depth, 1), 6));
        return `${marks} ${this.inlines(node.children, { heading: true })} ${marks}`;
      }
      case 'paragraph':
        return guardLineStart(this.inlines(node.children, {}));
      case 'list':
        return this.list(node, '').join('\n');
      case 'table':
        return this.table(node);
      case 'code':
        return codeBlock(node.value, node.lang);
      case 'blockquote':
        return ['<blockquote>', node.children.map((c) => this.block(c)).filter((b) => b !== '').join('\n\n'), '</blockquote>'].join('\n');
      case 'thematicBreak':
        return '----';
      case 'html':
        return isComment(node.value) ? '' : guardLineStart(nowiki(node.value.replace(/\r\n?|\n/g, ' ')));
      case 'footnoteDefinition':
        return `<sup>${escapeWikiText(node.label ?? node.identifier)}</sup> ` + node.children.map((c) => this.itemPart(c)).join('<br />');
      case 'definition':
      case 'yaml':
        return '';
      default:
        return 'children' in node ? guardLineStart(this.inlines((node as Parents).children as PhrasingContent[], {})) : '';
    }
  }

  private list(list: List, prefix: string): string[] {
    const marker = prefix + (list.ordered ? '#' : '*');
    const lines: string[] = [];
    for (const item of list.children) lines.push(...this.listItem(item, marker));
    return lines;
  }

  private listItem(item: ListItem, marker: string): string[] {
    const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
    const own: string[] = [];
    const after: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list') after.push(...this.list(child, marker));
      else if (child.type === 'table' || child.type === 'blockquote') after.push(this.block(child));
      else if (after.length === 0) own.push(this.itemPart(child));
      else after.push(`${marker}: ${this.itemPart(child)}`);
    }
    // The space after the marker keeps a leading `#` or `:` of the text out of the list prefix.
    return [`${marker} ${check}${own.filter((p) => p !== '').join('<br />')}`.trimEnd(), ...after];
  }

  /** A block inside a list item, on the item's own line. */
  private itemPart(node: RootContent): string {
    if (node.type === 'paragraph') return this.inlines(node.children, {});
    if (node.type === 'code') return codeBlock(node.value, node.lang);
    if (node.type === 'html') return isComment(node.value) ? '' : nowiki(node.value.replace(/\r\n?|\n/g, ' '));
    if (node.type === 'heading') return `<b>${this.inlines(node.children, {})}</b>`;
    if (node.type === 'thematicBreak') return '';
    return this.block(node).replace(/\n+/g, ' ');
  }

  private table(table: Table): string {
    const align = table.align ?? [];
    const lines = ['{| class="wikitable"'];
    table.children.forEach((row, r) => {
      if (r > 0) lines.push('|-');
      row.children.forEach((cell, c) => {
        const mark = r === 0 ? '!' : '|';
        const a = align[c];
        const attr = a ? ` style="text-align:${a}" |` : '';
        const content = this.inlines(cell.children, { table: true });
        lines.push(`${mark}${attr} ${content}`.trimEnd());
      });
    });
    lines.push('|}');
    return lines.join('\n');
  }

  inlines(nodes: readonly PhrasingContent[], ctx: InlineContext): string {
    return nodes.map((n) => this.inline(n, ctx)).join('');
  }

  private inline(node: PhrasingContent | Nodes, ctx: InlineContext): string {
    switch (node.type) {
      case 'text':
        return this.text(node.value, ctx);
      case 'emphasis':
        return wrapQuotes("''", this.inlines(node.children, ctx));
      case 'strong':
        return wrapQuotes("'''", this.inlines(node.children, ctx));
      case 'delete':
        return `<s>${this.inlines(node.children, ctx)}</s>`;
      case 'inlineCode':
        return `<code>${escapeWikiText(node.value)}</code>`;
      case 'break':
        return '<br />';
      case 'link':
        return this.link(node.url, node.children, ctx);
      case 'image':
        return this.image(node.url, node.alt ?? '', ctx);
      case 'linkReference': {
        const def = this.definitions.get(normalizeLabel(node.identifier));
        if (def) return this.link(def.url, node.children, ctx);
        return this.text('[', ctx) + this.inlines(node.children, ctx) + this.text(']', ctx);
      }
      case 'imageReference': {
        const def = this.definitions.get(normalizeLabel(node.identifier));
        return def ? this.image(def.url, node.alt ?? '', ctx) : this.text(node.alt ?? '', ctx);
      }
      case 'footnoteReference':
        return `<sup>${escapeWikiText(node.label ?? node.identifier, ctx)}</sup>`;
      case 'html':
        return isComment(node.value) ? '' : nowiki(node.value.replace(/\r\n?|\n/g, ' '));
      default:
        return 'children' in node ? this.inlines((node as Parents).children as PhrasingContent[], ctx) : 'value' in node ? this.text(String(node.value), ctx) : '';
    }
  }

  /** A text leaf: escaped, with task ids linked unless inside a link label. */
  private text(value: string, ctx: InlineContext): string {
    if (ctx.inLink) return escapeWikiText(value, ctx);
    return splitTaskIds(value)
      .map((p) => (p.kind === 'task' ? taskLink(p.task) : escapeWikiText(p.text, ctx)))
      .join('');
  }

  private link(url: string, children: readonly PhrasingContent[], ctx: InlineContext): string {
    const label = this.inlines(children, { ...ctx, inLink: true });
    const task = taskOfUrl(url);
    if (task && !ctx.inLink) {
      const plain = plainText(children);
      return plain === task || plain === url || plain === '' ? taskLink(task) : `[[phab:${task}|${label}]]`;
    }
    if (!isExternalUrl(url) || ctx.inLink) return label;
    return `[${escapeUrl(url.trim())} ${label || escapeWikiText(url, ctx)}]`;
  }

  private image(url: string, alt: string, ctx: InlineContext): string {
    // Wikis do not show images from other sites; link to it instead.
    if (isExternalUrl(url) && !ctx.inLink) return `[${escapeUrl(url.trim())} ${escapeWikiText(alt || url, ctx)}]`;
    return escapeWikiText(alt, ctx);
  }
}

function taskLink(task: string): string {
  return `[[phab:${task}|${task}]]`;
}

/** Emphasis quotes; empty emphasis renders nothing rather than a stray `''''`. */
function wrapQuotes(quotes: string, inner: string): string {
  return inner === '' ? '' : quotes + inner + quotes;
}

/** A code block: `<syntaxhighlight>` when its language is a plain name, else `<pre>`. */
function codeBlock(raw: string, lang: string | null | undefined): string {
  const value = raw.replace(/\r\n?/g, '\n');
  // Both are extension tags: their content is not parsed, but `<pre>` decodes entities and
  // `<syntaxhighlight>` does not, so only `<pre>` can show a literal closing tag safely.
  if (lang && /^[A-Za-z0-9_+#.-]{1,32}$/.test(lang) && !/<\/syntaxhighlight/i.test(value)) {
    return `<syntaxhighlight lang="${lang}">\n${value}\n</syntaxhighlight>`;
  }
  return `<pre>${value.includes('\n') ? '\n' : ''}${escapeEntities(value)}${value.includes('\n') ? '\n' : ''}</pre>`;
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*?-->\s*$/.test(html);
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? String(n.value) : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}

function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

function collectDefinitions(node: Root | RootContent, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    const key = normalizeLabel(node.identifier);
    if (!into.has(key)) into.set(key, node);
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child as RootContent, into);
}
