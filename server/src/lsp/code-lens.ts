/** Code lens on the Timeline heading: time to detect, to mitigate and to resolve. */
import type { CodeLens } from 'vscode-languageserver';
import { MILESTONE_INFO } from '../core/report/timeline/lexicon.js';
import type { Metrics } from '../core/report/types.js';
import { cancellable } from './cancellation.js';
import { type ServerContext, openDocument } from './context.js';
import { formatDuration } from './format.js';
import { documentUri } from './params.js';

const LENSES = (['detected', 'mitigated', 'resolved'] as const).map((m) => ({ label: MILESTONE_INFO[m].metricLabel!, key: MILESTONE_INFO[m].metric!, milestone: MILESTONE_INFO[m].marker }));

/** The lens titles for a report's metrics. */
export function metricTitles(metrics: Metrics): string[] {
  return LENSES.map(({ label, key, milestone }) => {
    const minutes = metrics[key];
    if (minutes !== undefined) return `${label}: ${formatDuration(minutes)}`;
    return metrics.start === undefined ? `${label}: unknown (no impact start)` : `${label}: unknown (no ${milestone})`;
  });
}

/** Installs `textDocument/codeLens`. */
export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const uri = documentUri(params);
    const doc = await openDocument(ctx, uri);
    if (!doc) return [];
    return cancellable(token, async (t) => {
      const snapshot = (await ctx.analyzer.latest(doc, t))?.snapshot;
      const section = snapshot?.timeline.section === undefined ? undefined : snapshot.sections[snapshot.timeline.section];
      if (!snapshot || !section) return [];
      // An empty command id makes a lens a label: there is nothing to run, only figures to read.
      return [...metricTitles(snapshot.metrics), ...snapshot.timeline.milestoneLenses].map((title) => ({ range: section.headingRange, command: { title, command: '' } }));
    });
  });
}
