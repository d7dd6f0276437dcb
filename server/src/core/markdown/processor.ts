/**
 * The unified processor the parser runs: CommonMark, GFM and YAML front matter, as remark's
 * plugins build it, with one change of method (not of result): GFM's autolink-literal pass.
 *
 * That pass (the only tree transform GFM has) turns bare URLs and e-mail addresses in text into
 * links. As the library runs it, it walks the whole tree four times (once per pattern) and tries
 * its pattern on every text node. Almost no text node holds a URL or an address, and a single
 * test shows which do: here the walk is done once, and the library's own pass is run on those
 * text nodes alone. The pass works on one text node at a time, so the tree is the same.
 */
import type { Nodes, Parents, Root, RootContent, Text } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A tree transform of `mdast-util-from-markdown`. */
type Transform = (tree: Root) => Root | undefined | void;

/**
 * Each of the pass's patterns needs one of these in a text node: the start of a URL (`http://`,
 * `https://`, `www.`), or an address (`name@host.tld`, with `mailto:` or `xmpp:` or not).
 */
const MAY_HOLD_AUTOLINK_LITERAL = /https?:\/\/|www\.|[\w+.-]@[\w-]+\.[\w-]/i;

/** Nodes whose text the pass leaves alone: it makes no link inside a link. */
const IGNORED = new Set(['link', 'linkReference']);

/** Runs `transform` on each text node that may hold a URL or an address, in place. */
function onCandidateTexts(tree: Root, transform: Transform): void {
  const visit = (parent: Parents): void => {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Nodes;
      if (child.type === 'text') {
        if (!MAY_HOLD_AUTOLINK_LITERAL.test(child.value)) continue;
        // The pass replaces the node by what it makes of it: give it the node alone, then put
        // what it made in the node's place.
        const alone: Root = { type: 'root', children: [child as Text] };
        transform(alone);
        children.splice(index, 1, ...alone.children);
        index += alone.children.length - 1;
      } else if ('children' in child && !IGNORED.has(child.type)) {
        visit(child);
      }
    }
  };
  visit(tree);
}

/** The extensions with their tree transforms taken out, and the transforms taken. */
function withoutTransforms(extensions: unknown[]): { extensions: unknown[]; transforms: Transform[] } {
  const transforms: Transform[] = [];
  const strip = (extension: unknown): unknown => {
    if (Array.isArray(extension)) return extension.map(strip);
    if (extension && typeof extension === 'object' && 'transforms' in extension) {
      const copy: Record<string, unknown> = { ...extension };
      transforms.push(...(copy.transforms as Transform[]));
      delete copy.transforms;
      return copy;
    }
    return extension;
  };
  return { extensions: extensions.map(strip), transforms };
}

/** The processor the parser runs (see the module comment). */
export function createProcessor() {
  // The plugins fill the processor's data when it is frozen; the parser reads it at each parse.
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
  const data = processor.data() as { fromMarkdownExtensions?: unknown[] };
  const { extensions, transforms } = withoutTransforms(data.fromMarkdownExtensions ?? []);
  if (transforms.length !== 1) {
    // Another plugin or a new version brought a transform this module does not know to be per text node.
    throw new Error(`expected GFM's autolink-literal pass as the only tree transform, found ${transforms.length}`);
  }
  const [autolinkLiterals] = transforms;
  data.fromMarkdownExtensions = [...extensions, { transforms: [(tree: Root) => onCandidateTexts(tree, autolinkLiterals)] }];
  return processor;
}
