import type { Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { ResolvedConfig } from '../config/config.js';
import { flattenSpecs, normalizeTitle, sectionNames } from '../config/profiles.js';
import { plainText } from '../markdown/prose.js';
import type { LineIndex } from '../text.js';
import { sectionRole } from './heading-roles.js';
import { saysNoUserImpact } from './impact-phrases.js';
import { documentTitle, isTemplatePrompt, sectionHasName } from './sections.js';
import type { FrontMatter, ImpactStatement, Section } from './types.js';

/** Names an impact section goes by when the profile does not say. */
const DEFAULT_IMPACT_NAMES = ['impact', 'impact statement', 'user impact'];

/** Section kinds that come after the part of a report where an `Impact:` line belongs. */
const LATE_KINDS = new Set(['timeline', 'detection', 'actionables']);

/**
 * Finds the impact statement. In order of precedence: an Impact section (by the profile's impact
 * names, notes after the name allowed), a metadata table row whose first cell is `Impact`, a
 * paragraph starting `Impact:` (or `**Impact**:`) before the timeline, front matter `impact:`, a
 * section whose heading names the impact by its head words ("Symptoms", when the profile was
 * guessed), and else the paragraph or list of the summary, of a section that tells the story
 * ("What happened?"), or of the opening, that says who was affected and how. The text is plain text; the range
 * covers the statement itself, without its heading or label.
 */
export function findImpact(
  root: Root,
  sections: Section[],
  frontMatter: FrontMatter | undefined,
  lines: LineIndex,
  config: ResolvedConfig,
  inTables: () => ImpactStatement | undefined = () => impactInTables(root, config, lines),
): ImpactStatement | undefined {
  const names = impactNames(config);
  return (
    fromSection(root, sections, names, lines) ??
    inTables() ??
    fromParagraph(root, sections, names, lines, config) ??
    fromFrontMatter(frontMatter, lines) ??
    // A configured profile names its impact section; other names count when the profile was guessed.
    (config.autoProfile ? fromSection(root, sections, undefined, lines) : undefined) ??
    fromSummary(root, sections, lines)
  );
}

/** Who or what was affected, in the words reports use. */
const AFFECTED = /\b(?:users?|customers?|clients?|funds|visitors?|readers?|editors?|people|members?|accounts?|tenants?|requests?|page ?views?|pages|sites?|traffic|api calls?|builds?|jobs?|deploys?|deployments?|launches|sessions?|logins?|payments?|orders?|uploads?|queries|searches|notifications?|events?|messages?|emails?|hubs?|pods?|chain|blocks?|transactions?|websites?|platform|apps?|teams?|students?|learners?|employees?|validators?|regions?|(?:our|all)\s+(?:other\s+)?services)\b/i;
/** What happened to them. */
const AFFECTED_HOW = /\b(?:could not|couldn't|cannot|can't|unable|did not|didn't|no longer|not being|failed|failing|fail|fails|errors?|unavailable|inaccessible|unreachable|down|outage|downtime|degraded|slow(?:er)?|slowed|timed? ?out|timeouts?|delayed|delays?|lost|broken|blank|stale|affected|impacted|impacting|dropped|rejected|terminated|killed|halt(?:ed|s)?|stall(?:ed|s)?|crash(?:ed|es|ing)?|crash-loop\w*|prevent(?:ed|ing|s)?|5\d\d|loss(?:es)?|experienc(?:ed|ing)|not responding|cease[sd]?\s+to\s+be|drained|lock(?:ed|ing|s)?\s+up|froze|frozen|hung|degradations?)\b/i;
/**
 * A whole-service outage says what was affected without naming who: "caused 40min of total
 * outage", "this took down the entire service", "made production unavailable".
 */
const WHOLE_OUTAGE =
  /\b(?:total|complete|full|entire|service-wide|site-wide)\s+(?:outage|downtime)\b|\b(?:took|takes|take|taking|brought|brings|bring|bringing)\s+down\s+(?:the\s+|our\s+)?(?:entire\s+|whole\s+)?(?:service|site|website|api|app|platform|system|cluster|production)\b|\b(?:made|makes|making|rendered|renders|rendering)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:unavailable|unreachable|inaccessible|unusable)\b/i;

/**
 * The impact as many reports state it: in the summary or another section that tells the story
 * ("What happened?", "Problem"), or in the opening paragraphs before the first section ("Users
 * could not sign in to the console for about 80 minutes."). The first paragraph or list there
 * that names who or what was affected and what happened to them; in a list (summary bullets), one
 * item is enough, and the whole list is the statement, since its other items often give the count
 * or the length.
 */
function fromSummary(root: Root, sections: Section[], lines: LineIndex): ImpactStatement | undefined {
  const title = documentTitle(sections, root);
  const stories = sections.filter((s) => s !== title && sectionRole(s.title) === 'summary');
  const firstSection = sections.find((s) => s !== title);
  const ranges: [number, number, Section | undefined][] = stories.map((s) => [s.bodyStart, s.children[0]?.heading.position?.start.offset ?? s.bodyEnd, s]);
  ranges.push([0, firstSection?.heading.position?.start.offset ?? lines.text.length, undefined]);
  for (const [from, to, section] of ranges) {
    for (const node of root.children) {
      const start = node.position?.start.offset ?? -1;
      const end = node.position?.end.offset ?? -1;
      if (start < from || start >= to || (node.type !== 'paragraph' && node.type !== 'list')) continue;
      const parts = node.type === 'list' ? node.children.map((item) => plainText([item])) : [plainText([node])];
      if (parts.some(statesImpact)) return { text: plainText([node]), range: lines.rangeOf(start, end), source: 'paragraph', section };
    }
  }
  return undefined;
}

/**
 * Words that say who or what was affected and what happened to them, that the whole service was
 * out, or that users saw no outage at all (a near miss: its impact is none).
 */
function statesImpact(text: string): boolean {
  return (AFFECTED.test(text) && AFFECTED_HOW.test(text)) || WHOLE_OUTAGE.test(text) || OUT_OF_REACH.test(text) || saysNoUserImpact(text);
}

/**
 * A service out of reach, told without naming its users: "Matomo is not responding",
 * "openfoodfacts.net was unreachable", "all the services on the host ceased to be accessible",
 * "the test networks stopped for around 45 minutes" (a halt with its length: "the network halted"
 * alone tells what happened, not that the report has weighed its impact).
 */
const OUT_OF_REACH = /\b(?:(?:is|was|were|are|went|became|been)\s+(?:\w+\s+)?(?:unreachable|inaccessible|unavailable|offline|not\s+responding|not\s+reachable|not\s+accessible)|cease[sd]?\s+to\s+be\s+(?:accessible|reachable|available)|(?:networks?|chains?|services|sites)\s+(?:stopped|halted|went\s+down)\s+for\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?(?:\d|an?\b|one|two|three|four|five|six|several|a\s+few))/i;

/** Normalized names of the profile's impact section, or the usual ones. */
export function impactNames(config: ResolvedConfig): string[] {
  const specs = flattenSpecs(config.profile.sections).filter(({ spec }) => spec.kind === 'impact');
  const names = specs.flatMap(({ spec }) => sectionNames(spec));
  return names.length > 0 ? names : DEFAULT_IMPACT_NAMES;
}

/**
 * The first non-empty section named as the impact (`names`), or, without names, whose heading
 * gives the role by its words ("Symptoms", "Customer impact", "What was the impact?").
 */
function fromSection(root: Root, sections: Section[], names: string[] | undefined, lines: LineIndex): ImpactStatement | undefined {
  // "# Logins impacted by a cache bug" names the report, not its impact section.
  const title = names ? undefined : documentTitle(sections, root);
  for (const section of sections) {
    if (names ? !sectionHasName(section, names) : section === title || sectionRole(section.title) !== 'impact') continue;
    const nodes = root.children.filter((n) => {
      const start = n.position?.start.offset ?? -1;
      return start >= section.bodyStart && start < section.bodyEnd && !(n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value)) && !isTemplatePrompt(n);
    });
    const text = plainText(nodes as Nodes[]);
    // An empty Impact heading (a template not filled in) states nothing; look elsewhere.
    if (!text) continue;
    const start = nodes[0].position?.start.offset ?? section.bodyStart;
    const end = nodes[nodes.length - 1].position?.end.offset ?? section.bodyEnd;
    return { text, range: lines.rangeOf(start, end), source: 'section', section };
  }
  return undefined;
}

/**
 * The first metadata table row labelled as the impact, in `root` (the whole document, or one
 * chunk of it: the first chunk that has one is the document's first).
 */
export function impactInTables(root: Root, config: ResolvedConfig, lines: LineIndex): ImpactStatement | undefined {
  return fromTable(root, impactNames(config), lines);
}

function fromTable(root: Root, names: string[], lines: LineIndex): ImpactStatement | undefined {
  for (const table of allOf<Table>(root, 'table')) {
    for (const row of table.children) {
      const [label, ...cells] = row.children;
      if (!label || !names.includes(normalizeTitle(toString(label)))) continue;
      const inner = cells.flatMap((c) => c.children);
      const text = cells
        .map((c) => plainText([c]))
        .filter(Boolean)
        .join(' ');
      if (!text || inner.length === 0) continue;
      const start = inner[0].position?.start.offset;
      const end = inner[inner.length - 1].position?.end.offset;
      if (start === undefined || end === undefined) continue;
      return { text, range: lines.rangeOf(start, end), source: 'table' };
    }
  }
  return undefined;
}

function fromParagraph(root: Root, sections: Section[], names: string[], lines: LineIndex, config: ResolvedConfig): ImpactStatement | undefined {
  const limit = lateSectionStart(sections, config);
  const label = labelPattern(names);
  const laterLabel = labelAtLineStart(names);
  const labelText = labelInText(names);
  for (const { paragraph, next } of leadingParagraphs(root, limit)) {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const source = lines.text.slice(start, end);
    const m = label.exec(source);
    if (!m) {
      // "A failover broke logins.\nImpact: …": the label may also open a later line.
      const later = laterLabel.exec(source);
      if (!later) continue;
      const from = start + later.index + later[0].length;
      const plain = plainText([paragraph]);
      const text = plain.slice(plain.search(labelText)).replace(/^[^:]*:\s*/, '').trim();
      if (text) return { text, range: lines.rangeOf(from, end), source: 'paragraph' };
      // `**Impact**:` closing a block of labelled lines, the statement in the list under it.
      const following = followingStatement(next, limit, lines);
      if (following) return following;
      continue;
    }
    const text = plainText([paragraph])
      .replace(/^\s*[^:]*:\s*/, '')
      .trim();
    if (text) return { text, range: lines.rangeOf(start + m[0].length, end), source: 'paragraph' };
    // `**Impact:**` alone on its line, the statement in the list or paragraph under it.
    const following = followingStatement(next, limit, lines);
    if (following) return following;
  }
  return undefined;
}

/** The statement in the block right after a bare `Impact:` label, if that block can hold one. */
function followingStatement(next: RootContent | undefined, limit: number, lines: LineIndex): ImpactStatement | undefined {
  const nextStart = next?.position?.start.offset;
  const nextEnd = next?.position?.end.offset;
  if (!next || nextStart === undefined || nextEnd === undefined || nextStart >= limit || !FOLLOWERS.has(next.type)) return undefined;
  const text = plainText([next]);
  return text ? { text, range: lines.rangeOf(nextStart, nextEnd), source: 'paragraph' } : undefined;
}

/** Blocks that can hold the statement under a bare `Impact:` label. */
const FOLLOWERS = new Set(['paragraph', 'list', 'blockquote', 'table']);

/** `Impact:`, `**Impact**:`, `**Impact:**`, `_User impact_:` at the start of a paragraph's source. */
function labelPattern(names: string[]): RegExp {
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`^[*_]{0,3}(?:${alternatives})[*_]{0,3}\\s*:[*_]{0,3}[ \\t]*`, 'i');
}

/** The label at the start of any line of a paragraph's source after the first. */
function labelAtLineStart(names: string[]): RegExp {
  return new RegExp('(?<=\\n[ \\t]*)' + labelPattern(names).source.slice(1), 'i');
}

/** The label inside the paragraph's plain text (emphasis removed). */
function labelInText(names: string[]): RegExp {
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<=\\n|^)\\s*(?:${alternatives})\\s*:`, 'i');
}

/** Where the timeline (or detection, or actionables) section starts: an `Impact:` line comes before. */
function lateSectionStart(sections: Section[], config: ResolvedConfig): number {
  const late = flattenSpecs(config.profile.sections)
    .filter(({ spec }) => spec.kind && LATE_KINDS.has(spec.kind))
    .flatMap(({ spec }) => sectionNames(spec));
  const first = sections.find((s) => sectionHasName(s, late));
  return first?.heading.position?.start.offset ?? Number.POSITIVE_INFINITY;
}

/** Top-level paragraphs and the first paragraph of top-level list items, before `limit`, with the block after each. */
function* leadingParagraphs(root: Root, limit: number): Generator<{ paragraph: Paragraph; next?: RootContent }> {
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if ((node.position?.start.offset ?? 0) >= limit) return;
    if (node.type === 'paragraph') yield { paragraph: node, next: children[i + 1] };
    else if (node.type === 'list') {
      for (const item of node.children) if (item.children[0]?.type === 'paragraph') yield { paragraph: item.children[0], next: item.children[1] as RootContent | undefined };
    }
  }
}

function fromFrontMatter(frontMatter: FrontMatter | undefined, lines: LineIndex): ImpactStatement | undefined {
  const value = frontMatter?.data?.impact;
  const text = (Array.isArray(value) ? value.map(String).join('\n') : typeof value === 'string' || typeof value === 'number' ? String(value) : '').trim();
  if (!frontMatter || !text) return undefined;
  return { text, range: frontMatterValueRange(frontMatter, 'impact', lines) ?? frontMatter.fields.impact ?? frontMatter.range, source: 'frontmatter' };
}

/** The range of a top-level front matter value as written (quotes and block scalars included). */
function frontMatterValueRange(frontMatter: FrontMatter, key: string, lines: LineIndex): ReturnType<LineIndex['rangeOf']> | undefined {
  const doc = parseDocument(frontMatter.raw, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const node = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (!node?.range) return undefined;
  const bodyOffset = lines.lineStart(frontMatter.range.start.line + 1);
  let start = bodyOffset + node.range[0];
  let end = bodyOffset + node.range[1];
  // A block scalar's range starts at its `|` or `>` indicator: the statement starts on the next line.
  const written = lines.text.slice(start, end);
  const indicator = /^[|>][+-]?\d*[ \t]*(?:#[^\n]*)?\r?\n/.exec(written);
  if (indicator) start += indicator[0].length;
  while (end > start && /\s/.test(lines.text[end - 1])) end--;
  while (start < end && /\s/.test(lines.text[start])) start++;
  const quote = lines.text[start];
  if ((quote === '"' || quote === "'") && end - start >= 2 && lines.text[end - 1] === quote) {
    start++;
    end--;
  }
  return lines.rangeOf(start, end);
}

function allOf<T extends Nodes>(root: Root, type: T['type']): T[] {
  const found: T[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) found.push(node as T);
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') for (const c of node.children as RootContent[]) walk(c);
  };
  walk(root);
  return found;
}
