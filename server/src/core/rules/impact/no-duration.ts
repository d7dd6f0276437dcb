import { statedDuration } from '../../export/metadata.js';
import { forEachProse, plainText } from '../../markdown/prose.js';
import { formatDuration } from '../../report/duration.js';
import { hasDuration, saysNoUserImpact, statesImpactLength, statesNoImpact } from '../../report/impact-phrases.js';
import { reportKind } from '../../report/report-kind.js';
import { openingNodes } from '../../report/sections.js';
import type { ImpactStatement, Report } from '../../report/types.js';
import type { Fix, RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';
import { summaryText } from './summary-text.js';

/** The impact statement does not say how long the impact lasted. */
export const impactNoDuration: ReportRule = {
  meta: {
    id: 'impact/no-duration',
    defaultSeverity: 'warning',
    description: 'The impact statement does not say for how long users were affected.',
    tags: ['impact'],
    fixable: 'suggestion',
    target: 'report',
  },
  check({ report }) {
    const impact = report.impact;
    if (!impact || hasDuration(impact.text)) return [];
    // "Impact: none", a near miss: there is no length to give.
    if (statesNoImpact(impact.text)) return [];
    // "There was no perceivable outage for users", wherever the report says it.
    if (saysNoUserImpact(report.text)) return [];
    // A vulnerability disclosed before anyone was harmed has no impact window to measure.
    if (reportKind(report) === 'disclosure') return [];
    // The report says how long elsewhere, in prose: "an outage lasting 1 hour and 48 minutes",
    // "down from 15:30 to 18:10 UTC".
    if (report.timeline.stated?.some((s) => s.kind === 'duration' || (s.kind === 'time' && s.window))) return [];
    // A statement read from the summary: the rest of the summary may say how long.
    if (impact.section && hasDuration(plainText(impact.section.content))) return [];
    // A statement read from the opening: the paragraph before may give the window.
    if (impact.source === 'paragraph' && !impact.section && hasDuration(openingText(report))) return [];
    // The header or the summary gives the window ("Impact Window: 08:43–10:52 UTC", "Duration: ~3 hours").
    if (impact.source !== 'frontmatter' && statesImpactLength(summaryText(report))) return [];
    // The front matter gives it ("duration: 7h 45m"), which sites print with the report.
    const stated = statedDuration(report);
    if (stated !== undefined && hasDuration(stated)) return [];
    // The title gives it: "Photo sync down for about three days".
    if (report.title && hasDuration(report.title)) return [];
    const minutes = report.metrics.timeToResolveMinutes;
    const finding: RuleFinding = {
      message: 'The impact statement does not say for how long users were affected.',
      range: impact.range,
    };
    if (minutes !== undefined && Number.isFinite(minutes) && minutes > 0) {
      finding.message += ` The timeline gives ${formatDuration(minutes, 'short')} from impact start to resolution.`;
      const fix = durationFix(report, impact, minutes);
      if (fix) finding.fixes = [fix];
    }
    return [finding];
  },
};

/** The opening paragraphs of the report ({@link openingNodes}), as plain text. */
function openingText(report: Report): string {
  return plainText(openingNodes(report.sections, report.root, report.text.length).filter((n) => n.type === 'paragraph'));
}

/** Inserts " for about 4 hours 10 minutes" at the end of the statement's first sentence. */
export function durationFix(report: Report, impact: ImpactStatement, minutes: number): Fix | undefined {
  const at = insertionOffset(report, impact);
  if (at === undefined) return undefined;
  const duration = formatDuration(minutes);
  const position = report.lines.positionAt(at);
  return {
    title: `Say that the impact lasted about ${duration}`,
    edits: [{ range: { start: position, end: position }, newText: ` for about ${duration}` }],
  };
}

// A full stop after one of these does not end a sentence.
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|approx|ca|vs|incl|esp|resp|cf)|\.\.)$/i;
const SENTENCE_END = /[.!?](?=["')\]*_]*(?:\s|$))/g;

function insertionOffset(report: Report, impact: ImpactStatement): number | undefined {
  const start = report.lines.offsetAt(impact.range.start);
  const end = report.lines.offsetAt(impact.range.end);
  if (impact.source === 'frontmatter') return sentenceEndIn(report.text, start, end) ?? end;
  // The first sentence of the first paragraph (or table cell) of the statement, as written.
  let block: unknown;
  let blockEnd: number | undefined;
  let found: number | undefined;
  forEachProse(
    report.root,
    report.text,
    (t) => {
      // A subsection title is no place for the duration.
      if (found !== undefined || t.block?.type === 'heading') return;
      if (block === undefined) {
        block = t.block ?? t.node;
        blockEnd = Math.min(end, (block as { position?: { end: { offset?: number } } }).position?.end.offset ?? t.end);
      } else if ((t.block ?? t.node) !== block) {
        return;
      }
      found = sentenceEndIn(report.text, t.start, t.end);
    },
    { from: start, to: end },
  );
  return found ?? blockEnd;
}

function sentenceEndIn(text: string, from: number, to: number): number | undefined {
  const slice = text.slice(from, to);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) {
    const before = slice.slice(0, m.index);
    if (before.endsWith('\\') || ABBREVIATION.test(before)) continue;
    if (before.trim() === '') continue;
    return from + m.index;
  }
  return undefined;
}
