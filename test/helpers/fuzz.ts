/**
 * Seeded fuzzing of the report analysis: reports built from the fixtures, mutated step by step
 * (lines inserted, deleted, duplicated, moved; characters typed and removed; hostile fragments;
 * other line endings), each version analysed incrementally by one session and from scratch by a
 * fresh one. Every step must finish, keep every range inside its document, and give the same
 * result both ways. `npm test` runs a few thousand versions; `npm run fuzz` many more.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { random } from '../../bench/random.js';
import { checkReport, ReportSession, type ReportCheck } from '../../server/src/core/check.js';
import { defaultConfig, type ResolvedConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { Range } from '../../server/src/core/types.js';
import { loadFixture } from './expectations.js';
import { essentials } from './whole-check.js';
import { markdownFiles } from './files.js';

const ROOT = join(import.meta.dirname, '..', '..');


/** The reports mutations start from, and lines to insert. */
export function corpus(): string[] {
  return [...markdownFiles(join(ROOT, 'test', 'fixtures', 'rules')), ...markdownFiles(join(ROOT, 'examples', 'incidents'))].map((f) => loadFixture(f).text);
}

/** Small fragments of each hostile class: big enough to trip a guard, small enough to be quick. */
const HOSTILE = [
  '*a'.repeat(200),
  '[x'.repeat(160) + ']'.repeat(160),
  '>'.repeat(40) + ' deep',
  Array.from({ length: 40 }, (_, d) => ' '.repeat(d * 2) + '- level ' + d).join('\n'),
  '|' + ' h |'.repeat(120) + '\n|' + ' - |'.repeat(120),
  '---\na: &a [x, x]\nb: [*a, *a]\n---',
  '```\n# not a heading\n',
  '<!--\n## hidden\n',
  '## Timeline\n\n- 10:00 [start] it begins\n- 09:00 earlier\n',
  '## Actionables\n\n- [ ] Consider a fix\n',
  '- All times PDT',
  '## Action items\n\n- [ ] Roll the fix out [fix-pr]\n\n[fix-pr]: https://example.org/pr/7',
  '**Root causes**: a cache key shared across wikis',
  '### 2024-02-30\n',
  'Title\n=====\n',
  '\uFEFF',
  '| Time | What |\n| --- | --- |\n| 25:61 | nonsense |\n',
];

/** One mutation of `text`. */
function mutate(text: string, rnd: () => number, pool: string[]): string {
  const lines = text.split('\n');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const at = Math.floor(rnd() * (lines.length + 1));
  const r = rnd();
  if (r < 0.18) {
    const other = pick(pool).split('\n');
    lines.splice(at, 0, pick(other));
  } else if (r < 0.3 && lines.length > 1) lines.splice(Math.min(at, lines.length - 1), 1);
  else if (r < 0.4 && lines.length > 0) lines.splice(at, 0, lines[Math.min(at, lines.length - 1)]);
  else if (r < 0.5 && lines.length > 2) {
    const [moved] = lines.splice(Math.floor(rnd() * lines.length), 1);
    lines.splice(Math.floor(rnd() * lines.length), 0, moved);
  } else if (r < 0.75) {
    // Typing: a character in or out of the middle of a line.
    const i = Math.min(at, lines.length - 1);
    const line = lines[i] ?? '';
    const c = Math.floor(rnd() * (line.length + 1));
    lines[i] = rnd() < 0.6 ? line.slice(0, c) + pick(['x', ' ', '*', '#', '-', '|', '[', '`', ':', '1', '\r']) + line.slice(c) : line.slice(0, c) + line.slice(c + 1);
  } else if (r < 0.88) {
    lines.splice(at, 0, pick(HOSTILE));
  } else if (r < 0.94) {
    const other = pick(pool).split('\n');
    const from = Math.floor(rnd() * other.length);
    lines.splice(at, 0, ...other.slice(from, from + 1 + Math.floor(rnd() * 12)));
  } else {
    return rnd() < 0.5 ? lines.join('\r') : lines.join('\r\n');
  }
  return lines.join('\n');
}

function assertInside(range: Range, lines: LineIndex, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line), `${what}: character ${p.character} past the end of line ${p.line}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: range ends before it starts`);
}

/** Every range a check hands out lies inside `text`. */
export function assertRangesInside(check: ReportCheck, text: string): void {
  const lines = new LineIndex(text);
  for (const f of check.findings) {
    assertInside(f.range, lines, f.ruleId);
    for (const r of f.related ?? []) if (r.file === f.file) assertInside(r.range, lines, `${f.ruleId} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) if (fix.file === undefined) assertInside(e.range, lines, `${f.ruleId} fix`);
  }
  for (const e of check.report.timeline.entries) assertInside(e.range, lines, 'timeline entry');
  for (const a of check.report.actionables.items) assertInside(a.range, lines, 'actionable');
}

/**
 * Runs `sequences` edit sequences of `steps` versions each; returns how many versions were
 * checked. Each sequence starts from one of `starts` (by default the fixtures and examples).
 */
export function fuzz(seed: number, sequences: number, steps: number, config: ResolvedConfig = { ...defaultConfig(), analysis: { sectionBudgetMs: 60_000, maxReportBytes: 1 << 22 } }, starts?: string[]): number {
  const rnd = random(seed);
  const pool = corpus();
  const first = starts ?? pool;
  const parser = new MarkdownParser();
  let versions = 0;
  for (let s = 0; s < sequences; s++) {
    let text = first[Math.floor(rnd() * first.length)];
    const session = new ReportSession(parser);
    for (let step = 0; step < steps; step++) {
      text = mutate(text, rnd, pool);
      const context = `seed ${seed}, sequence ${s}, step ${step}: ${JSON.stringify(text.slice(0, 200))}`;
      const incremental = session.check('fuzz.md', text, config);
      try {
        assertRangesInside(incremental, text);
      } catch (error) {
        throw new Error(`${(error as Error).message} (${context})`);
      }
      const fresh = checkReport('fuzz.md', text, new MarkdownParser(), config);
      assert.deepEqual(essentials(incremental), essentials(fresh), context);
      versions++;
    }
  }
  return versions;
}
