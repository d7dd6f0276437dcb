import type { Suppressions } from '../../suppress.js';
import type { RuleFinding, RuleMeta } from '../../types.js';

/**
 * A suppression comment names a rule id that does not exist: it silences nothing, and a typo there
 * would otherwise go unnoticed. Reported by the rule runner (it reads the file's suppression
 * comments, not the report), for reports and PHP alike.
 */
export const unknownRule: { meta: RuleMeta } = {
  meta: {
    id: 'suppression/unknown-rule',
    defaultSeverity: 'warning',
    description: 'A suppression comment names a rule id that does not exist, so it silences nothing.',
    tags: ['suppression'],
    fixable: 'suggestion',
    target: 'any',
  },
};

/** Edit distance of two short strings (rule ids), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known rule id closest to `id`: fewest edits, ties to the one that shares the area. */
export function closestRuleId(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const score = distance(id.toLowerCase(), candidate) - (candidate.endsWith('/' + id.split('/').pop()) ? 0.5 : 0);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** A finding, with a fix to the closest id, for each unknown rule id a suppression comment names. */
export function unknownRuleFindings(suppressions: Suppressions, known: readonly string[]): RuleFinding[] {
  const ids = new Set(known);
  return suppressions.named
    .filter((n) => !ids.has(n.id))
    .map((n) => {
      const range = { start: { line: n.line, character: n.start }, end: { line: n.line, character: n.end } };
      const closest = closestRuleId(n.id, known);
      return {
        message: `"${n.id}" is not a rule id, so this comment silences nothing${closest ? `; did you mean ${closest}?` : '.'}`,
        range,
        ...(closest ? { fixes: [{ title: `Change to ${closest}`, edits: [{ range, newText: closest }] }] } : {}),
      };
    });
}
