/**
 * Which Markdown files are incident reports. One decision shared by the CLI's directory walk and
 * the language server, in this order:
 *
 * 1. front matter `type: incident` (or `postmortem`) makes a file a report;
 * 2. READMEs, changelogs, contributing guides and the like never are, except a README in an
 *    incident's own folder below a folder of reports, which its content decides (unless it links
 *    to a Markdown file beside it: then it is that folder's index); neither are templates whose
 *    name says `template`;
 * 3. index pages (`index.md`, `_index.md`, `SUMMARY.md`…) list reports and are none, except a
 *    page bundle's `index.md`, which is its page;
 *    otherwise a path matching the report globs (relative to the workspace root) makes a report;
 * 4. a text that is mostly placeholders is a template, not a report;
 * 5. otherwise what it is decides (the signs are in `report-signals.ts`): a timeline-like section
 *    and at least one of impact, cause, actions, resolution, lessons, detection, or a heading that
 *    tells the incident ("What happened", "Details of fix"); a document that calls itself a
 *    postmortem (or an incident or vulnerability disclosure) in its title or opening words, with a
 *    postmortem heading or a timeline; three
 *    postmortem sections; a title or file name that names a failure ("Zammad down", "website
 *    outage") with a postmortem section, a timeline, or, when the file is dated or in a folder of
 *    reports (`disclosures/`, `outages/`…), a heading of the story or prose that tells what
 *    happened. Guides to failures in general ("When the database is down", `runbooks/`) and
 *    vulnerability records (a severity section, `vulnerabilities/`) name failures too, and are none;
 *    so are the notes of meetings ("Implementers Call 49 Notes"), whatever postmortem they discuss.
 *
 * Only a cheap line scan of the text is needed, never a full Markdown parse.
 */
import picomatch from 'picomatch';
import { headingRole, normalizeTitle, patternRole, type SectionRole } from './heading-roles.js';
import { scanHeadings, type ScannedHeading } from './heading-scan.js';
import { accountKinds, failureNamed, inReportFolder, isDated, isGuide, isVulnerabilityRecord, nameAsWords, storyKind, timedEntries } from './report-signals.js';

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
/** A relative link to a Markdown file in the same folder: `[report](2025-05-20-stall.md)`. */
const SIBLING_MARKDOWN_LINK = /\]\((?:\.\/)?[^/()\s]+\.(?:md|markdown)(?:#[^()\s]*)?\)/i;
const INDEX_NAMES = /^(?:index|_index|toc|summary|sidebar|_sidebar)$/i;
/** A folder named for a day: `10-23-23`, `2023-11-11`, `2023-11-11-upgrade-halt`. */
const DAY_FOLDER = /^\d{1,4}[-_.]\d{1,2}[-_.]\d{1,4}(?:[-_][\w-]*)?$/;
/** Folders of guides for handling a kind of failure: their pages have Symptoms, Detection and Recovery headings, and are no incident. */
const GUIDE_FOLDER = /^(?:run|play)[-_]?books?$/i;
const TEMPLATE_NAME = /(?:^|[^a-z])template(?:s)?(?:[^a-z]|$)/i;
/**
 * A static site's folder of page skeletons (`archetypes/`, the skeleton of each new page). Not
 * `templates/`: a web framework keeps its rendered pages there, blog posts included.
 */
const TEMPLATE_FOLDER = /^archetypes$/i;
/** Titles of documents about postmortems rather than of one incident. */
const ABOUT_POSTMORTEMS =
  /\b(?:templates?|how to write|guidelines?|handbook|checklist|playbook|runbook|polic(?:y|ies))\b|^how to\b|\b(?:incident|postmortem|post-mortem|review|response|on-?call|escalation|disclosure) process\b/i;
/**
 * Titles of the notes of a meeting: "All Core Devs Meeting 92 Notes", "Implementers Call 49
 * Notes", "Breakout Room #12", "Weekly sync minutes", and of proposals for the process. Notes
 * discuss postmortems and list action items, and are none, unless the title names a failure.
 */
const MEETING_NOTES =
  /\b(?:meetings?|calls?|breakout(?:\s+rooms?)?|stand-?ups?|syncs?|workshops?|office\s+hours)\b[^\n]*?(?:#\s*\d+\b|\b\d+\s*(?:notes|minutes)?\s*$|\bnotes\b|\bminutes\b|\bagenda\b|\brecap\b)|\b(?:improvement|change|process)\s+proposals?\b/i;

/** Words by which a document calls itself a postmortem. */
const SELF_DESCRIBED = /\bpost[- ]?mortems?\b|\bincident (?:report|review|analysis|retrospective)\b|\broot cause analysis\b|\bretrospective\b|\bRCA\b|\b(?:incident|vulnerability|security|exploit) disclosure\b/i;

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
  // An incident's own folder in a folder of reports may hold the report as its README (the folder
  // keeps the report's images beside it); its content decides, as the README of the collection
  // itself, or of anything else, is never one.
  const folders = posix.split('/').slice(0, -1);
  // So may a README in a folder named for a day ("10-23-23/README.md"), in a repository that is the collection.
  const ownFolderReadme =
    /^readme$/i.test(base) && folders.length >= 1 && ((folders.length >= 2 && inReportFolder(`${folders.slice(0, -1).join('/')}/`)) || DAY_FOLDER.test(folders[folders.length - 1]));
  if (NOT_REPORT_NAMES.test(base) && !ownFolderReadme) return { report: false, reason: `a ${base} file, not a report` };
  if (TEMPLATE_NAME.test(base)) return { report: false, reason: 'a template (its name says so)' };
  if (folders.some((f) => TEMPLATE_FOLDER.test(f))) return { report: false, reason: 'a template (its folder says so)' };
  // An index lists reports. A page bundle's `index.md` (a folder named for one page, the page's
  // title in its front matter) is that page, and is read like any other.
  if (INDEX_NAMES.test(base) && !isPageBundle(posix, base, text)) return { report: false, reason: `an ${base} page, not a report` };
  // A draft in the reports folder is still checked, placeholders and all.
  if (!ownFolderReadme && !posix.startsWith('../') && matchesGlobs(posix)) return { report: true, reason: 'its path matches the report globs' };
  if (folders.some((f) => GUIDE_FOLDER.test(f))) return { report: false, reason: 'a runbook (its folder says so)' };
  const headings = scanHeadings(text);
  if (isMostlyPlaceholders(text, headings)) return { report: false, reason: 'a template (mostly placeholder text)' };
  // A README that links to a Markdown file beside it is the folder's index: the report is that file.
  if (ownFolderReadme && SIBLING_MARKDOWN_LINK.test(text)) return { report: false, reason: `a ${base} that lists the documents beside it` };
  const decision = classifyByContent(posix, text, headings);
  return ownFolderReadme && !decision.report ? { report: false, reason: `a ${base} file, not a report: ${decision.reason}` } : decision;
}

/** A line that can be a timeline's entry: a list item, a table row, or one that opens with a time. */
const ENTRY_LINE = /^[ \t]{0,3}(?:[-*+][ \t]|\d+[.)][ \t]|\|)|^[ \t]*[*_`]*\d{1,2}:\d{2}/;

/**
 * Whether the section under the heading at `line` holds entries (two lines that can be entries
 * before the next heading). A heading that only has "timeline" among its words ("Clearer History
 * Timeline" over a paragraph and a picture, in a feature post) is a timeline only when it does.
 */
function holdsEntries(lines: readonly string[], line: number, headings: readonly ScannedHeading[]): boolean {
  const next = headings.find((h) => h.line > line)?.line ?? lines.length;
  let entries = 0;
  for (let i = line + 1; i < next && entries < 2; i++) if (ENTRY_LINE.test(lines[i])) entries++;
  return entries >= 2;
}

function classifyByContent(posix: string, text: string, headings: ScannedHeading[]): ReportDecision {
  const roles = new Map<SectionRole, string>();
  const story: string[] = [];
  let toldStory = 0;
  let timelineLike: string | undefined;
  let lines: string[] | undefined;
  for (const h of headings) {
    const role = headingRole(h.text);
    if (role && !roles.has(role)) roles.set(role, h.text);
    // A heading without a named role is normalized once for both readings by its words.
    const normalized = role ? undefined : normalizeTitle(h.text);
    const kind = normalized === undefined ? undefined : storyKind(normalized);
    if (kind) story.push(h.text);
    if (kind === 'told') toldStory++;
    if (!timelineLike && (role === 'timeline' || (normalized !== undefined && patternRole(normalized) === 'timeline' && holdsEntries((lines ??= text.split(/\r?\n/)), h.line, headings)))) timelineLike = h.text;
  }
  const title = headings.find((h) => h.depth === 1)?.text ?? frontMatterTitle(text) ?? headings[0]?.text ?? '';
  const found = [...roles.values(), ...story.filter((t) => t !== timelineLike), ...(timelineLike && !roles.has('timeline') ? [timelineLike] : [])]
    .map((t) => `"${t}"`)
    .join(', ');
  if (ABOUT_POSTMORTEMS.test(title)) return { report: false, reason: `its title "${title}" is about postmortems, not one incident` };
  if (MEETING_NOTES.test(title) && !failureNamed(title)) return { report: false, reason: `its title "${title}" names the notes of a meeting or proposals, not one incident` };
  const others = (['impact', 'cause', 'actionables', 'resolution', 'lessons', 'detection'] as const).filter((r) => roles.has(r));
  if (timelineLike && others.length + toldStory > 0) return { report: true, reason: `its headings read as a postmortem (${found})` };
  if (SELF_DESCRIBED.test(title + '\n' + openingWords(text)) && (roles.size > 0 || story.length > 0 || timelineLike || headings.length === 0)) {
    return { report: true, reason: `it calls itself a postmortem${found ? ` and has ${found}` : ''}` };
  }
  if (others.length >= 3) return { report: true, reason: `its headings read as a postmortem (${found})` };
  return classifyByFailure(posix, text, { title, headings, others, story, timelineLike, found, roles: roles.size });
}

/** What {@link classifyByContent} read from the headings, for the signs that need more than headings. */
interface HeadingSigns {
  title: string;
  headings: ScannedHeading[];
  /** Roles other than summary and timeline. */
  others: SectionRole[];
  story: string[];
  timelineLike: string | undefined;
  /** The headings found, quoted, for the reason. */
  found: string;
  /** How many roles the headings play. */
  roles: number;
}

/**
 * The second half of the decision: a title or file name that names a failure, a date, a folder
 * of reports, a guide or vulnerability record that names failures in general, prose that tells
 * an incident.
 */
function classifyByFailure(posix: string, text: string, signs: HeadingSigns): ReportDecision {
  const { title, headings, others, story, timelineLike, found } = signs;
  const base = posix.split('/').pop() ?? posix;
  // The title names a failure, or the file name does when the title is only a date or a name.
  const titleFailure = failureNamed(title);
  const nameFailure = failureNamed(nameAsWords(base));
  const failure = titleFailure === 'failure' || nameFailure === 'failure' ? 'failure' : (titleFailure ?? nameFailure);
  const named = titleFailure ? `its title "${title}"` : `its file name`;
  if (failure && isGuide(posix, title)) return { report: false, reason: `its title or folder reads as a guide to failures, not one incident` };
  if (failure && isVulnerabilityRecord(posix, headings.map((h) => h.text))) {
    return { report: false, reason: `a vulnerability record (severity, credits or its folder), with no timeline of an incident` };
  }
  const folder = inReportFolder(posix);
  const dated = isDated(base) || isDated(title);
  // Plainer words of trouble need a sign that the file is about one occasion: a date or a folder of reports.
  const namesFailure = failure === 'failure' || (failure === 'trouble' && (dated || folder));
  // A failure, its cause and its resolution is also what a help article tells; a report says more, or is dated.
  const tells = others.some((r) => r !== 'lessons' && r !== 'cause' && r !== 'resolution') || dated || folder;
  if (namesFailure && tells && others.some((r) => r !== 'lessons')) return { report: true, reason: `${named} names an incident and it has ${found}` };
  if (namesFailure && timelineLike) return { report: true, reason: `${named} names an incident and it has a timeline (${found})` };
  if (namesFailure && story.length > 0 && (dated || folder)) {
    return { report: true, reason: `${named} names an incident, it is ${folder ? 'in a folder of reports' : 'dated'} and it has ${found}` };
  }
  if (folder && (signs.roles > 0 || story.length > 0)) return { report: true, reason: `it is in a folder of reports and has ${found}` };
  // "RCA and reason for this upgrade:" above a dated notice of a halt: the account is the list below it.
  if (namesFailure && dated && SELF_DESCRIBED.test(`${title}\n${openingWords(text)}`)) {
    return { report: true, reason: `it calls itself an incident analysis, ${named} names an incident and is dated` };
  }
  if (namesFailure && dated && (timedEntries(text) >= 3 || accountKinds(openingWords(text, 4000)) >= 2)) {
    return { report: true, reason: `${named} names an incident, it is dated and its text tells what happened` };
  }
  if (namesFailure && others.some((r) => r !== 'lessons')) {
    return { report: false, reason: `${named} names a failure and it has ${found}, as a help article does; no date, timeline or impact says it is one incident` };
  }
  if (timelineLike) return { report: false, reason: `a timeline, but no impact, cause, actions, resolution or lessons` };
  return { report: false, reason: found ? `its headings (${found}) do not read as a postmortem` : 'no heading of a postmortem (timeline, impact, cause, actions)' };
}

/** The text before the second heading (or the first 800 characters), where a report says what it is. */
function openingWords(text: string, length = 800): string {
  const body = text.replace(/^\uFEFF?---[\s\S]*?\n(?:---|\.\.\.)[ \t]*\r?\n/, '');
  return body.slice(0, length);
}

function frontMatterTitle(text: string): string | undefined {
  const block = frontMatterBlock(text);
  const m = block ? /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(block) : null;
  return m?.[1] || undefined;
}

/**
 * A static site's page bundle: `…/<page-name>/index.md` (a slug of words and dashes) whose front
 * matter gives the page a title
 * (a section's list page is `_index.md`, and an index of a plain folder has no such front matter).
 */
function isPageBundle(posix: string, base: string, text: string): boolean {
  const parts = posix.split('/');
  return base === 'index' && parts.length >= 2 && /[-_]/.test(parts[parts.length - 2]) && /[a-z]/i.test(parts[parts.length - 2]) && frontMatterTitle(text) !== undefined;
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
