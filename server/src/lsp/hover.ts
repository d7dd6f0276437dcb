/**
 * Hovers in reports: on a timeline entry, its instant in UTC and how long after the impact start it
 * was; on the title, the profile the report is checked against and why.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Metrics, TimelineEntry } from '../core/report/types.js';
import { entryMilestoneLines } from '../core/report/timeline/confirm.js';
import { entryAt, entryIndexAt } from '../node/entry-table.js';
import { milestoneView, type ReportSnapshot } from '../node/report-snapshot.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { displayUtc } from '../core/report/iso-date.js';
import { formatDuration } from './format.js';
import { documentPosition } from './params.js';
import { rangeContains } from './positions.js';

/** The hover text of a timeline entry, in Markdown. */
export function timelineEntryHover(metrics: Metrics, entry: TimelineEntry, milestones: readonly string[] = []): string {
  const lines: string[] = [];
  if (entry.utc !== undefined) {
    lines.push(`**${displayUtc(entry.utc)}**`);
    const start = metrics.start;
    if (start !== undefined) {
      const minutes = Math.round((entry.utc - start) / 60000);
      if (minutes === 0) lines.push('At the impact start.');
      else if (minutes > 0) lines.push(`${formatDuration(minutes)} after the impact start (${displayUtc(start)}).`);
      else lines.push(`${formatDuration(-minutes)} before the impact start (${displayUtc(start)}).`);
    } else {
      lines.push('The impact start is not known: mark it with `[start]` or set `start` in the front matter.');
    }
  } else if (entry.dateOnly) {
    lines.push(`Sets the date${entry.date ? ` ${entry.date}` : ''} for the entries after it.`);
  } else if (!entry.hasTime) {
    lines.push('No time could be read from this entry.');
  } else if (!entry.zone) {
    lines.push('The time zone of this entry is not known: declare one for the timeline ("All times in UTC.") or write it on the entry.');
  } else {
    lines.push('The date of this entry is not known: add a date heading, a date-only entry or `start` in the front matter.');
  }
  // The milestones the report settles on here, with where each comes from.
  for (const line of milestones) lines.push(line.charAt(0).toUpperCase() + line.slice(1) + '.');
  return lines.join('\n\n');
}

/** The hover text of a report's title: which profile it is checked against, and why that one. */
export function titleHover(profile: NonNullable<ReportSnapshot['profile']>): string {
  const { source } = profile;
  const why =
    source === 'configured'
      ? 'configured for this workspace'
      : source === 'detected'
        ? 'its headings follow this template'
        : 'its headings follow none of the known templates, so only what every postmortem needs is asked for';
  return `**Profile: ${profile.name}** (${why}).\n\nRequired sections: ${profile.required.join(', ')}.`;
}

/** The heading a title hover is shown on: the first level-1 heading, or else the first heading. */
function titleSection(report: ReportSnapshot): ReportSnapshot['sections'][number] | undefined {
  return report.sections.find((s) => s.depth === 1) ?? report.sections[0];
}

/** Installs `textDocument/hover`. */
export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    const { uri, position } = documentPosition(params);
    const doc = await openDocument(ctx, uri);
    if (!doc) return null;
    if (ctx.analyzer.kind(doc) === 'php') {
      await ctx.keys.update(doc);
      const text = ctx.keys.hover(uri, position);
      return text ? { contents: { kind: ctx.features.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value: text } } : null;
    }
    return cancellable(token, async (t) => {
      const snapshot = (await ctx.analyzer.latest(doc, t))?.snapshot;
      if (!snapshot) return null;
      const title = titleSection(snapshot);
      const onTitle = title && snapshot.profile && rangeContains(title.headingRange, position);
      const index = onTitle ? -1 : entryIndexAt(snapshot.timeline.entries, position);
      const entry = index === -1 ? undefined : entryAt(snapshot.timeline.entries, index);
      if (!entry && !onTitle) return null;
      const text = entry ? timelineEntryHover(snapshot.metrics, entry, entryMilestoneLines(milestoneView(snapshot), entry)) : titleHover(snapshot.profile!);
      return {
        range: entry ? (entry.timeRange ?? entry.range) : title!.headingRange,
        contents: ctx.features.markdownHover ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: text.replace(/\*\*|`/g, '') },
      };
    });
  });
}
