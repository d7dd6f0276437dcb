import type { Actionable } from '../../report/types.js';
import type { LineIndex } from '../../text.js';
import type { Range } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** What may come before an item's first word: checkbox, emphasis, a task id, separators. */
const PREFIX =
  /^(?:\s+|\[[ xX]\]|\*\*|__|[*_~]|\[\[\s*phab:\s*T\d+[^\]]*\]\]|phab:\s*T\d+|T\d+|#\d+|[A-Z][A-Z0-9]{1,9}-\d+|\[(?:T\d+|#\d+|[A-Z][A-Z0-9]{1,9}-\d+)\]\([^)]*\)|[:\-–—.,()[\]])/;

/** Openings that promise to think rather than to change something. */
const VAGUE = /^(?:consider|look\s+into|think\s+about|try\s+to|maybe|investigate\s+(?:whether|if|options\s+for|ways\s+to|how)|reflect\s+on|explore(?:\s+options\s+for)?|discuss)\b/i;

/** The range of the vague opening words of an item, if it has them. */
export function vagueWords(item: Actionable, lines: LineIndex): Range | undefined {
  const where = item.textRange ?? item.range;
  let at = lines.offsetAt(where.start);
  const end = lines.offsetAt(where.end);
  const text = lines.text;
  for (let guard = 0; at < end && guard < 50; guard++) {
    const m = PREFIX.exec(text.slice(at, Math.min(end, at + 200)));
    if (!m) break;
    at += m[0].length;
  }
  const m = VAGUE.exec(text.slice(at, end));
  return m ? lines.rangeOf(at, at + m[0].length) : undefined;
}

/** An actionable that does not commit to anything. */
export const vague: ReportRule = {
  meta: {
    id: 'actionables/vague',
    defaultSeverity: 'info',
    description: 'An actionable starts with Consider, Look into, Think about, Try to, Maybe, Investigate whether / options for, Reflect on, Explore or Discuss.',
    tags: ['actionables', 'style'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    // Work already done made its commitment; how it was worded no longer matters.
    return report.actionables.items.flatMap((item) => {
      if (item.done === true) return [];
      const range = vagueWords(item, report.lines);
      if (!range) return [];
      const words = report.lines.text.slice(report.lines.offsetAt(range.start), report.lines.offsetAt(range.end)).replace(/\s+/g, ' ');
      return [{ message: `"${words}" does not commit to a change: say what will be done, so that someone can finish it.`, range }];
    });
  },
};
