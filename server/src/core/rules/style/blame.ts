import { scanProse } from '../../markdown/prose.js';
import type { ReportRule } from '../rule.js';

/**
 * Blameful phrases. "fault" alone is left alone ("fault tolerance", "a fault in the switch");
 * only someone's fault is blame. "Blameless" and "git blame" are not blame.
 */
const BLAME =
  /\b(?:(?:[A-Za-z-]+['’]s|his|her|their|my|your|our) fault|at fault|(?<!\bgit )blam(?:e|ed|es|ing)(?!-free)|careless(?:ly|ness)?|negligen(?:t|tly|ce)|should(?:\s+have|['’]ve)\s+known(?:\s+better)?|human errors?|operator errors?|incompeten(?:t|ce|tly))\b/gi;

/** Wording that puts the incident on a person. */
export const blame: ReportRule = {
  meta: {
    id: 'style/blame',
    defaultSeverity: 'warning',
    description: 'Blameful wording (fault, blame, careless, negligent, should have known, human error, incompetent).',
    tags: ['style', 'blameless'],
    fixable: 'none',
    target: 'report',
  },
  scope: 'chunk',
  check({ report, token }) {
    return scanProse(report.root, report.text, BLAME, { token })
      .filter((m) => !denied(report.text, m.start, m.text) && !ofAThing(report.text, m.start, m.text))
      .map((m) => ({
        message: `Blameful wording "${m.text}": describe what the system allowed to happen (the missing check, alert or safeguard) rather than who is at fault.`,
        range: report.lines.rangeOf(m.start, m.end),
      }));
  },
};

/**
 * Denials say the opposite of blame: "nobody's fault", "no one is to blame", "we do not assign
 * blame", "this was not human error". A negation up to four words before the phrase, in the
 * same sentence, turns it off.
 */
function denied(text: string, start: number, match: string): boolean {
  if (/^(?:nobody|no-one|noone)['’]s/i.test(match)) return true;
  const before = text.slice(Math.max(0, start - 60), start).split(/[.!?;:\n]/).pop() ?? '';
  return /\b(?:no|not|nobody|never|without|neither|nor|no one|none|\w+n['’]t)\b(?:[\s,]+[\w'’-]+){0,3}[\s,]*$/i.test(before);
}

/**
 * "At fault" said of a thing, not a person: "the logs did not show that anything was at fault",
 * "which component is at fault".
 */
function ofAThing(text: string, start: number, match: string): boolean {
  if (!/^at fault$/i.test(match)) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  return /\b(?:anything|something|nothing|what|which(?:\s+[\w-]+){0,2}|(?:component|service|system|library|node|disk|network|hardware|config(?:uration)?|code|dependency|module|host|server|database|cache|queue|job|bug)s?)\s+(?:is|was|were|are|might\s+be|could\s+be|may\s+be)\s+$/i.test(before);
}
