import { plainText } from '../../markdown/prose.js';
import { sectionRole } from '../../report/heading-roles.js';
import { openingNodes } from '../../report/sections.js';
import type { Report } from '../../report/types.js';

/**
 * What the report says before its impact section, where a reader looks for the outline of the
 * incident: the header under the title ("**Impact Window:** 08:43–10:52 UTC", "Duration: ~3
 * hours") and the sections that tell the story in short (a summary, overview or "What happened?").
 * The impact checks read it for a length or a count the impact section leaves out.
 */
export function summaryText(report: Report): string {
  let text = read.get(report);
  if (text === undefined) {
    const opening = openingNodes(report.sections, report.root, report.text.length);
    const stories = report.sections.filter((s) => s.depth > 1 && sectionRole(s.title) === 'summary');
    text = plainText([...opening, ...stories.flatMap((s) => s.content)]);
    read.set(report, text);
  }
  return text;
}

/** Three impact rules read it in every analysis: it is worked out once per report. */
const read = new WeakMap<Report, string>();
