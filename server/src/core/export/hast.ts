/**
 * A few helpers to build hast (HTML syntax trees) for the parts of the exported pages that the
 * tool writes itself. Text always goes in as text nodes, so rehype-stringify escapes it: no page
 * is ever assembled by concatenating author text into HTML strings.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** A child as accepted by {@link h}: strings become text nodes, absent values are skipped. */
export type Child = ElementContent | string | undefined | false | null | Child[];

/** An element with `properties` and `children`. */
export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties, children: flatten(children) };
}

function flatten(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === 'string') out.push({ type: 'text', value: child });
    else out.push(child);
  }
  return out;
}

/** A whole HTML document: doctype, then `html`. */
export function documentRoot(html: Element): Root {
  return { type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, html] as RootContent[] };
}

/** Serializes a hast tree. */
export function stringifyHast(tree: Root): string {
  return unified().use(rehypeStringify).stringify(tree) + '\n';
}

/**
 * Raw markup that the tool itself produced (the charts' SVG), spliced in by rehype-stringify's
 * `allowDangerousHtml`. Never pass author text here.
 */
export function trustedRaw(value: string): ElementContent {
  return { type: 'raw', value } as unknown as ElementContent;
}

/** Serializes a tree that contains {@link trustedRaw} nodes. */
export function stringifyWithTrustedRaw(tree: Root): string {
  return unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(tree) + '\n';
}
