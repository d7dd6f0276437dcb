/**
 * Which Markdown files are incident reports. One decision shared by the CLI's directory walk and
 * the language server, in this order:
 *
 * 1. front matter `type: incident` (or `postmortem`) makes a file a report;
 * 2. READMEs, changelogs, contributing guides and the like never are; neither are templates whose
 *    name says `template`;
 * 3. index pages (`index.md`, `_index.md`, `SUMMARY.md`…) list reports and are none;
 *    otherwise a path matching the report globs (relative to the workspace root) makes a report;
 * 4. a text that is mostly placeholders is a template, not a report;
 * 5. otherwise its headings decide: a timeline-like section and at least one of impact, cause,
 *    actions, resolution, lessons or detection; or a document that calls itself a postmortem in
 *    its title or opening words, or whose title names an incident, and has sections a postmortem has.
 *
 * Only a cheap line scan of the text is needed, never a full Markdown parse.
 */
import picomatch from 'picomatch';
import { headingRole, type SectionRole } from './heading-roles.js';
import { scanHeadings, type ScannedHeading } from './heading-scan.js';

const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

/** True for file names with a Markdown extension. */
export function isMarkdownPath(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * A matcher for report globs (relative to the workspace root, `/`-separated). Build it once per
 * configuration: compiling globs costs more than matching.
 */
export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true, nocase: true });
  return (relativePath) => match(relativePath.replace(/\\/g, '/').replace(/^\.?\//, ''));
}

/** The YAML front matter block at the start of `text`, without its fences; undefined when there is none. */
function frontMatterBlock(text: string): string | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Line breaks are LF, CRLF or a lone CR (old Mac files).
  if (!/^---[ \t]*(?:\r\n?|\n)/.test(body)) return undefined;
  const close = /(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/.exec(body.slice(3));
  return (close ? body.slice(3, 3 + close.index) : body.slice(3, 3 + 4096)).replace(/\r\n?/g, '\n');
}

/**
 * True when `text` starts with a YAML front matter block that has `type: incident` (or
 * `postmortem`). A cheap line test, so that deciding whether a file is a report never needs a
 * full parse.
 */
export function hasIncidentFrontMatter(text: string): boolean {
  const block = frontMatterBlock(text);
  return block !== undefined && /^type:[ \t]*["']?(?:incident|postmortem|post-mortem|incident[ _-]report)["']?[ \t]*(?:#.*)?$/im.test(block);
}

/** Whether a Markdown file is a report, and why, in a few words for `--verbose`. */
export interface ReportDecision {
  report: boolean;
  reason: string;
}

/** File names that are about a repository, never an incident. */
const NOT_REPORT_NAMES = /^(?:readme|changelog|changes|history|contributing|code[-_]of[-_]conduct|license|licence|security|support|governance|maintainers|authors|codeowners|pull[-_]request[-_]template|issue[-_]template)$/i;
const INDEX_NAMES = /^(?:index|_index|toc|summary|sidebar|_sidebar)$/i;
const TEMPLATE_NAME = /(?:^|[^a-z])template(?:s)?(?:[^a-z]|$)/i;
/** Titles of documents about postmortems rather than of one incident. */
const ABOUT_POSTMORTEMS = /\b(?:template|how to write|guidelines?|handbook|process|checklist|playbook|runbook)\b/i;
/** Words by which a document calls itself a postmortem. */
const SELF_DESCRIBED = /\bpost[- ]?mortems?\b|\bincident (?:report|review|analysis|retrospective)\b|\broot cause analysis\b|\bretrospective\b|\bRCA\b/i;

/** Titles that name an incident ("…caused brief outage…", "Service disruption", "… is down"). */
const INCIDENT_TITLE = /\b(?:outages?|incidents?|downtime|disruptions?|degradation|degraded|breach|compromised?|failures?|is down|went down|was down)\b/i;

/**
 * Lines that are left from a template: `{{ … }}`, `<describe …>`, `XXX`, `yyyy-mm-dd`, `HH:mm`,
 * "Lorem ipsum", an empty list item.
 */
const PLACEHOLDER_LINE =
  /\{\{[^}]*\}\}|<[a-z][^<>]*\s[^<>]*>|\b(?:XXX|YYY|ZZZ|TBD|TODO|N\/A)\b|\byyyy[-/]mm[-/]dd\b|\b(?:hh|HH):mm\b|20xx|\blorem ipsum\b|\bdolor\b|^\s*(?:[-*+]|\d+\.)\s*(?:\[ \])?\s*$/;

/**
 * The whole decision (see the module comment). `relativePath` is relative to the workspace root;
 * `matchesGlobs` is a {@link globMatcher}.
 */
export function classifyMarkdown(relativePath: string, text: string, matchesGlobs: (relativePath: string) => boolean): ReportDecision {
  if (!isMarkdownPath(relativePath)) return { report: false, reason: 'not a Markdown file' };
  if (hasIncidentFrontMatter(text)) return { report: true, reason: 'front matter says type: incident' };
  const posix = relativePath.replace(/\\/g, '/');
  const base = (posix.split('/').pop() ?? posix).replace(/\.[^.]+$/, '');
  if (NOT_REPORT_NAMES.test(base)) return { report: false, reason: `a ${base} file, not a report` };
  if (TEMPLATE_NAME.test(base)) return { report: false, reason: 'a template (its name says so)' };
  // An index lists reports; a page bundle's index.md that is one says so in its front matter.
  if (INDEX_NAMES.test(base)) return { report: false, reason: `an ${base} page, not a report` };
  // A draft in the reports folder is still checked, placeholders and all.
  if (!posix.startsWith('../') && matchesGlobs(posix)) return { report: true, reason: 'its path matches the report globs' };
  const headings = scanHeadings(text);
  if (isMostlyPlaceholders(text, headings)) return { report: false, reason: 'a template (mostly placeholder text)' };
  return classifyByContent(text, headings);
}

function classifyByContent(text: string, headings: ScannedHeading[]): ReportDecision {
  const roles = new Map<SectionRole, string>();
  for (const h of headings) {
    const role = headingRole(h.text);
    if (role && !roles.has(role)) roles.set(role, h.text);
  }
  const title = headings.find((h) => h.depth === 1)?.text ?? frontMatterTitle(text) ?? headings[0]?.text ?? '';
  const found = [...roles.values()].map((t) => `"${t}"`).join(', ');
  if (ABOUT_POSTMORTEMS.test(title)) return { report: false, reason: `its title "${title}" is about postmortems, not one incident` };
  const others = (['impact', 'cause', 'actionables', 'resolution', 'lessons', 'detection'] as const).filter((r) => roles.has(r));
  if (roles.has('timeline') && others.length > 0) return { report: true, reason: `its headings read as a postmortem (${found})` };
  if (SELF_DESCRIBED.test(title + '\n' + openingWords(text)) && (roles.size > 0 || headings.length === 0)) {
    return { report: true, reason: `it calls itself a postmortem${found ? ` and has ${found}` : ''}` };
  }
  if (others.length >= 3) return { report: true, reason: `its headings read as a postmortem (${found})` };
  if (INCIDENT_TITLE.test(title) && others.some((r) => r !== 'lessons')) {
    return { report: true, reason: `its title names an incident and it has ${found}` };
  }
  if (roles.has('timeline')) return { report: false, reason: `a timeline, but no impact, cause, actions, resolution or lessons` };
  return { report: false, reason: found ? `its headings (${found}) do not read as a postmortem` : 'no heading of a postmortem (timeline, impact, cause, actions)' };
}

/** The text before the second heading (or the first 800 characters), where a report says what it is. */
function openingWords(text: string): string {
  const body = text.replace(/^\uFEFF?---[\s\S]*?\n(?:---|\.\.\.)[ \t]*\r?\n/, '');
  return body.slice(0, 800);
}

function frontMatterTitle(text: string): string | undefined {
  const block = frontMatterBlock(text);
  const m = block ? /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(block) : null;
  return m?.[1] || undefined;
}

/** True when most of the text under the headings is template text (a template not filled in). */
function isMostlyPlaceholders(text: string, headings: ScannedHeading[]): boolean {
  const headingLines = new Set(headings.flatMap((h) => [h.line, h.line + (h.setext ? 1 : 0)]));
  let content = 0;
  let placeholders = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (headingLines.has(i) || line.trim() === '' || /^\s*(?:\|[\s:|-]*\||<!--.*-->|---)\s*$/.test(line)) return;
    content++;
    if (PLACEHOLDER_LINE.test(line)) placeholders++;
  });
  return content > 0 && placeholders * 2 >= content && content < 60;
}

/**
 * The decision as a predicate over a path and a text: for callers that only need yes or no.
 * Build it once per configuration.
 */
export function reportMatcher(globs: readonly string[]): (relativePath: string, text: string) => boolean {
  const matches = globMatcher(globs);
  return (relativePath, text) => classifyMarkdown(relativePath, text, matches).report;
}
