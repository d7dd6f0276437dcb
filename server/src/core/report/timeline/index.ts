import type { ResolvedConfig } from '../../config/config.js';
import type { LineIndex } from '../../text.js';
import type { FrontMatter, Metrics, Section, Timeline } from '../types.js';

/** Reads the timeline section's entries: times, dates, zones and milestones. */
export function readTimeline(_sections: Section[], _frontMatter: FrontMatter | undefined, _lines: LineIndex, _config: ResolvedConfig): Timeline {
  return { entries: [] };
}

/** Time to detect / mitigate / resolve from the timeline, completed by front matter. */
export function computeMetrics(_timeline: Timeline, _frontMatter: FrontMatter | undefined): Metrics {
  return {};
}
