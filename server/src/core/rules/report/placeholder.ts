import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { scanProse } from '../../markdown/prose.js';
import { isStatusMarker } from '../../report/actionable-status.js';
import { isDoneStatus, isStatus } from '../../report/actionable-status.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** Markers of unfinished text, upper case as people write them ("a todo list" is fine). */
const MARKER_WORDS = /\b(?:TODO|TBD|FIXME|XXX)\b/g;

/**
 * Template text, in prose or front matter:
 * - `<what users saw, how many>`: angle brackets around words (that Markdown left as text);
 * - `[FILL IN]`, `[PLACEHOLDER]`, `[Insert …]`, `[Describe …]`, `[Add …]`, `[Enter …]`,
 *   `[Replace …]`, `[Write …]`, `[List …]`, `[Link …]`, `[Your …]`;
 * - `{{ moustache }}` template variables;
 * - Lorem ipsum.
 */
const TEMPLATE_TEXT =
  /(?<!\\)<[A-Za-z][^<>\n]{0,120}>|\[\s*(?:fill(?:\s+me)?\s+in|placeholder|(?:insert|describe|add|enter|replace|write|list|link|your)\b[^\]\n]{0,120})\s*\](?![[(])|\{\{[^{}\n]{0,120}\}\}|\blorem ipsum\b/gi;

/**
 * Template text that reads as words: a label whose value was never written ("Time to detection:
 * ?", "Category: XXX"), a note to convert times later ("need to convert to PST"), and the
 * instructions templates give their writers ("to be done before the meeting", "replace this text",
 * "describe here…"), and a hint whose example is a web address ("<link: https://…>"), which the
 * Markdown parser splits at the address it links.
 */
const TEMPLATE_WORDS =
  /^[ \t]*(?:[-*+][ \t]+)?[A-Z][\w '/-]{2,40}:[ \t]*(?:\?+|X{3,}|Y{3,}|Z{3,}|\.{3}|…)[ \t]*$|\b(?:(?:still )?needs? to|to do:?|todo:?) convert(?: (?:this|these|the times?|times|it|them))? (?:to|into) [A-Z]{2,5}\b|(?<![A-Za-z])to be (?:done|filled in|completed|written) (?:pre|post|before|after)[- ]meeting\b|\b(?:replace|delete|remove) this (?:text|line|paragraph|sentence|section)\b|\b(?:describe|explain|summari[sz]e|write|list) (?:it |them )?here\b|(?<!\\)<[A-Za-z][\w '-]{0,40}:[ \t]+(?:https?:\/\/|www\.)[^<>\n]{0,200}>/gim;

/** HTML elements: a tag with one of these names is markup, not a placeholder. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup data ' +
    'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr ' +
    'html i iframe img input ins kbd label legend li link main map mark math menu meta meter nav nobr noscript object ol optgroup option ' +
    'output p param path picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong style ' +
    'sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

/** A tag in raw HTML: `<describe impact>` is read by Markdown as an HTML tag named `describe`. */
const TAG = /<([A-Za-z][\w-]*)([^<>]*)>/g;

/** TODO, TBD, FIXME, XXX or template placeholder text left in the report. */
export const placeholder: ReportRule = {
  meta: {
    id: 'report/placeholder',
    defaultSeverity: 'warning',
    description: 'TODO, TBD, FIXME, XXX, template placeholders (<…>, [FILL IN], {{…}}, "Time to detection: ?") or template instructions are left in the report.',
    tags: ['completeness'],
    fixable: 'none',
    target: 'report',
  },
  scope: 'chunk',
  check({ report, token }) {
    const { root, text, lines } = report;
    const found: { start: number; end: number; text: string }[] = [];
    for (const pattern of [MARKER_WORDS, TEMPLATE_TEXT]) {
      for (const m of scanProse(root, text, pattern, { token })) if (!isAddress(m.text)) found.push(m);
    }
    TEMPLATE_WORDS.lastIndex = 0;
    for (let m = TEMPLATE_WORDS.exec(text); m; m = TEMPLATE_WORDS.exec(text)) {
      if (m[0].length === 0) {
        TEMPLATE_WORDS.lastIndex++;
        continue;
      }
      const lead = /^\s*(?:[-*+]\s+)?/.exec(m[0])?.[0].length ?? 0;
      if (!inCode(root, m.index)) found.push({ start: m.index + lead, end: m.index + m[0].length, text: m[0].slice(lead) });
    }
    for (const node of rawNodes(root)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const source = text.slice(start, end);
      if (node.type === 'yaml') {
        for (const pattern of [MARKER_WORDS, TEMPLATE_TEXT]) {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
            if (!isAddress(m[0])) found.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
          }
        }
      } else {
        // Comments are invisible in the rendered report: hints there are harmless.
        const visible = source.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => ' '.repeat(c.length));
        TAG.lastIndex = 0;
        for (let m = TAG.exec(visible); m; m = TAG.exec(visible)) {
          if (HTML_ELEMENTS.has(m[1].toLowerCase()) || m[2].includes('=') || m[2].trim().endsWith('/')) continue;
          found.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
        }
      }
    }
    found.sort((a, b) => a.start - b.start);
    const status = statusCells(root);
    const findings: RuleFinding[] = [];
    let last = -1;
    for (const f of found) {
      if (f.start < last) continue;
      // "TODO" as the value of a status column says the work is open; nothing is unfinished in the text.
      if (status.some(([s, e]) => f.start >= s && f.end <= e)) continue;
      // So does "TODO" as the status of an item or paragraph: "**TODO**: alert on disk space", "… - TODO".
      if (/^(?:TODO)$/.test(f.text) && isStatusMarker(text, f.start, f.end)) continue;
      // Angle brackets in an example of how to write something ("e.g. changed <this file> on <that host>") illustrate; they were never a template's.
      if (f.text.startsWith('<') && givenAsExample(text, f.start)) continue;
      // A name in angle brackets joined into an address stands for a value the author leaves out
      // on purpose: "http://<nas_ip>:<media_port>/web", "<user>@<host>".
      if (f.text.startsWith('<') && inAddress(text, f.start, f.end)) continue;
      last = f.end;
      const what = /^(?:TODO|TBD|FIXME|XXX)$/.test(f.text)
        ? `"${f.text}" marks unfinished text`
        : /^[a-z]/i.test(f.text) && !/^lorem/i.test(f.text)
          ? `Template text ${quote(f.text.trim())} is still in the report`
          : `Template placeholder ${quote(f.text)} is still in the report`;
      findings.push({ message: `${what}: replace it with what happened, or remove it.`, range: lines.rangeOf(f.start, f.end) });
    }
    return findings;
  },
};

/**
 * The cells of table columns that hold statuses: the header says so ("Status", "State"), or most
 * of the column's values are statuses and one of them says the work is finished ("DONE" beside
 * "TODO"), as when a template's bug column is used for the state of each row.
 */
function statusCells(root: Root): [number, number][] {
  const out: [number, number][] = [];
  for (const table of root.children) {
    if (table.type !== 'table') continue;
    const [header, ...rows] = table.children;
    if (!header) continue;
    header.children.forEach((head, column) => {
      const cells = rows.map((row) => row.children[column]).filter((cell) => cell !== undefined && toString(cell).trim() !== '');
      const statuses = cells.filter((cell) => isStatus(toString(cell)));
      const named = /\b(?:status|state|progress)\b/i.test(toString(head));
      const filled = statuses.length * 2 >= cells.length && statuses.some((cell) => isDoneStatus(toString(cell)));
      if (named || filled) for (const cell of statuses) out.push([cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0]);
    });
  }
  return out;
}

/** True when `offset` is inside a code block, inline code or front matter, where words are not template text. */
function inCode(root: Nodes, offset: number): boolean {
  const walk = (node: Nodes): boolean => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (offset < start || offset >= end) return false;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || node.type === 'html') return true;
    return 'children' in node && (node.children as Nodes[]).some(walk);
  };
  return walk(root);
}

/** Words that introduce an example, before a placeholder on the same line. */
const EXAMPLE_WORDS = /(?:^|[^\w])(?:e\.?\s?g\b\.?|for (?:example|instance)\b|such as\b)/i;

/**
 * Where the sentence before a point began: after a sentence end followed by a capital, a blank
 * line or the start of a list item ("e.g. moved" goes on, "Done. Then" does not).
 */
const SENTENCE_START = /[.!?]["')\]]*\s+(?=[A-Z])|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]+|\n[ \t]*#/g;

/** True when the sentence of `offset`, before it, introduces an example ({@link EXAMPLE_WORDS}). */
function givenAsExample(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 300), offset);
  let from = 0;
  for (const m of before.matchAll(SENTENCE_START)) from = m.index + m[0].length;
  return EXAMPLE_WORDS.test(before.slice(from));
}

/** The text at `start`–`end` is joined to the text around it by `.`, `:`, `/` or `@`, as in an address. */
function inAddress(text: string, start: number, end: number): boolean {
  return /[^\s][./:@]$/.test(text.slice(Math.max(0, start - 2), start)) || /^[./:@][^\s]/.test(text.slice(end, end + 2));
}

/** `<https://…>` and `<ops@example.org>` that Markdown did not turn into links are still addresses. */
function isAddress(match: string): boolean {
  return /^<[A-Za-z][\w+.-]*:\/\/[^\s<>]*>$/.test(match) || /^<[^\s@<>]+@[^\s@<>]+>$/.test(match);
}

function quote(s: string): string {
  return '"' + (s.length > 60 ? s.slice(0, 57) + '…' : s) + '"';
}

/** Front matter and raw HTML nodes, which the prose scan leaves out. */
function rawNodes(root: Nodes): Nodes[] {
  const out: Nodes[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'yaml' || node.type === 'html') out.push(node);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}
