/**
 * Fixtures mark the findings they expect inline, on a line of their own right after the line the
 * finding starts on:
 *
 *   Impact: some users could not log in.
 *   <!-- ^ impact/not-quantified impact/no-duration -->
 *
 * A rule id may be followed by the exact text the finding must cover, in double quotes:
 * `<!-- ^ style/blame "human error" -->`.
 * In PHP: `// ^ keys/forged-key`. The marker lines are removed before the check, so they never
 * change what the rules see; every line that has no marker must produce no finding of the rules
 * under test. A fixture may start with `<!-- fixture-config {…} -->` (or `// fixture-config {…}`
 * in PHP): settings as in `.incident-scribe.json`, also removed.
 */
import { readFileSync } from 'node:fs';

export interface Expected {
  /** 0-based line in the cleaned text. */
  line: number;
  ruleId: string;
  /** The text the finding's range must cover, when the marker gives it. */
  text?: string;
}

export interface Fixture {
  text: string;
  expected: Expected[];
  config?: unknown;
}

const MARKERS = {
  markdown: { expect: /^\s*<!--\s*\^\s*([^>]*?)\s*-->\s*$/, config: /^\s*<!--\s*fixture-config\s+([\s\S]*?)\s*-->\s*$/ },
  php: { expect: /^\s*\/\/\s*\^\s*(.*?)\s*$/, config: /^\s*\/\/\s*fixture-config\s+(.*?)\s*$/ },
};

/** Reads a fixture file and separates its text from its expectations. */
export function loadFixture(path: string): Fixture {
  return parseFixture(readFileSync(path, 'utf8'), path.endsWith('.php') ? 'php' : 'markdown');
}

export function parseFixture(source: string, style: 'markdown' | 'php'): Fixture {
  const marker = MARKERS[style];
  const kept: string[] = [];
  const expected: Expected[] = [];
  let config: unknown;
  for (const line of source.split('\n')) {
    const c = marker.config.exec(line);
    if (c && kept.length === 0 && config === undefined) {
      config = JSON.parse(c[1]);
      continue;
    }
    const m = marker.expect.exec(line);
    if (m) {
      if (kept.length === 0) throw new Error('an expectation marker must follow the line it is about');
      for (const part of m[1].matchAll(/([a-z-]+\/[a-z-]+)(?:\s+"([^"]*)")?/g)) {
        expected.push({ line: kept.length - 1, ruleId: part[1], ...(part[2] !== undefined ? { text: part[2] } : {}) });
      }
      continue;
    }
    kept.push(line);
  }
  return { text: kept.join('\n'), expected, config };
}

/** `line:ruleId` strings, sorted, for an assertion that shows the whole difference. */
export function describe(findings: { line: number; ruleId: string }[]): string[] {
  return findings.map((f) => `${f.line + 1}:${f.ruleId}`).sort();
}
