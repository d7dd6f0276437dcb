import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateReport } from '../../bench/report-generator.js';
import { checkReport, ReportSession } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { fixtureConfig } from '../helpers/report-rules.js';
import { loadFixture } from '../helpers/expectations.js';
import { checkWhole, essentials } from '../helpers/whole-check.js';
import { markdownFiles } from '../helpers/files.js';

const ROOT = join(import.meta.dirname, '..', '..');


test('chunk by chunk gives what the whole-document analysis gives, on every fixture and example', () => {
  const files = [
    ...markdownFiles(join(ROOT, 'test', 'fixtures', 'rules')),
    ...markdownFiles(join(ROOT, 'test', 'fixtures', 'milestones')),
    ...markdownFiles(join(ROOT, 'examples')),
    join(ROOT, 'test', 'fixtures', 'report-template.md'),
  ];
  assert.ok(files.length > 40);
  for (const file of files) {
    const fixture = loadFixture(file);
    if (file.includes('too-complex')) continue;
    const config = fixtureConfig(fixture.config);
    const chunked = checkReport(file, fixture.text, new MarkdownParser(), config);
    assert.deepEqual(essentials(chunked), essentials(checkWhole(file, fixture.text, config)), file);
  }
});

test('a generated 100 KB report: chunked equals whole', () => {
  const text = generateReport(100 * 1024, 3);
  const config = defaultConfig();
  assert.deepEqual(essentials(checkReport('r.md', text, new MarkdownParser(), config)), essentials(checkWhole('r.md', text, config)));
});

test('typing in the middle of a long timeline re-reads only the edited chunk, and the result equals a fresh analysis', () => {
  const text = generateReport(100 * 1024, 5);
  const config = defaultConfig();
  const session = new ReportSession(new MarkdownParser());
  session.check('r.md', text, config);
  const chunks = session.stats.chunks;
  assert.ok(chunks > 20, `${chunks} chunks`);
  const at = text.indexOf('\n- ', text.length / 2) + 12;
  let current = text;
  for (const [i, edit] of ['x', 'y', ' zone', '\n'].entries()) {
    current = current.slice(0, at + i) + edit + current.slice(at + i);
    const incremental = session.check('r.md', current, config);
    assert.equal(session.stats.chunksAnalysed, 1, `edit ${i}: only the edited chunk is analysed again`);
    assert.equal(session.stats.chunks, chunks);
    assert.deepEqual(essentials(incremental), essentials(checkReport('r.md', current, new MarkdownParser(), config)), `edit ${i}`);
  }
  // Undoing every edit brings back facts that were dropped: computed again, once.
  session.check('r.md', text, config);
  assert.equal(session.stats.chunksAnalysed, 1);
  session.check('r.md', text, config);
  assert.equal(session.stats.chunksAnalysed, 0, 'the same version again analyses nothing');
});

test('renaming the timeline heading changes the roles of its chunks: they are read again as what they now are', () => {
  const text = readFileSync(join(ROOT, 'examples', 'incidents', '2024-06-03-login-failures.md'), 'utf8');
  const config = defaultConfig();
  const session = new ReportSession(new MarkdownParser());
  session.check('r.md', text, config);
  // A heading of another part: its timed list is no longer read as the timeline.
  const renamed = text.replace('## Timeline', '## Lessons learned');
  assert.notEqual(renamed, text);
  const after = session.check('r.md', renamed, config);
  assert.equal(after.report.timeline.entries.length, 0);
  assert.deepEqual(essentials(after), essentials(checkWhole('r.md', renamed, config)));
  assert.deepEqual(essentials(session.check('r.md', text, config)), essentials(checkWhole('r.md', text, config)));
});

test('an edit resolves the timeline again only where the carried-in date, zone or instant changed', () => {
  const text = generateReport(100 * 1024, 5);
  const config = defaultConfig();
  const session = new ReportSession(new MarkdownParser());
  const fresh = (current: string) => essentials(checkReport('r.md', current, new MarkdownParser(), config));
  const first = session.check('r.md', text, config);
  const days = session.stats.timelineChunksResolved;
  assert.ok(days > 5, `${days} timeline chunks`);
  const entries = first.report.timeline.entries;

  // A word typed into an entry: its chunk only, and the other chunks keep their entries.
  const word = text.indexOf('\n- ', text.indexOf('### 2022-01-03')) + 12;
  const typed = text.slice(0, word) + 'x' + text.slice(word);
  const afterTyping = session.check('r.md', typed, config);
  assert.equal(session.stats.timelineChunksResolved, 1);
  assert.deepEqual(essentials(afterTyping), fresh(typed));
  assert.equal(afterTyping.report.timeline.entries.at(-1), entries.at(-1), 'a later chunk keeps its entry objects');

  // Another date for the second day: that day, and the next one (the instant carried into it
  // changed), which starts with its own date, so the rest stay.
  const moved = typed.replace('### 2022-01-02\n', '### 2021-12-31\n');
  assert.notEqual(moved, typed);
  assert.deepEqual(essentials(session.check('r.md', moved, config)), fresh(moved));
  assert.equal(session.stats.timelineChunksResolved, 2);

  // A zone written on one early entry is carried to every entry after it: all of them again.
  const zoned = moved.replace(/(\n- \*\*\d\d:\d\d)\*\*/, '$1 PDT**');
  assert.notEqual(zoned, moved);
  const withZone = session.check('r.md', zoned, config);
  assert.ok(session.stats.timelineChunksResolved >= days - 1, `${session.stats.timelineChunksResolved} of ${days}`);
  assert.deepEqual(essentials(withZone), fresh(zoned));

  // And back to the first version.
  assert.deepEqual(essentials(session.check('r.md', text, config)), fresh(text));
});

// An entry line that only declares the zone is not an entry; the session reads the timeline's
// items in document coordinates only then, and must leave that line out wherever it moves.
test('a zone declared on an entry line of its own: left out of the entries, edit after edit, as in a fresh analysis', () => {
  const config = defaultConfig();
  const session = new ReportSession(new MarkdownParser());
  const days = Array.from({ length: 6 }, (_, d) => `### 2024-03-0${d + 1}\n\n- 10:0${d} the pager fires for day ${d}\n- 11:0${d} traffic is back to normal\n`).join('\n');
  let text = `# Outage\n\n## Timeline\n\n- All times PDT\n\n${days}`;
  for (const edit of ['x', '\n', 'more words ', '']) {
    const at = text.indexOf('- 11:03');
    text = text.slice(0, at) + edit + text.slice(at);
    const incremental = session.check('r.md', text, config);
    assert.deepEqual(essentials(incremental), essentials(checkReport('r.md', text, new MarkdownParser(), config)), JSON.stringify(edit));
    assert.ok(incremental.report.timeline.entries.length >= 11);
    assert.ok(incremental.report.timeline.entries.every((e) => !/All times/.test(e.text)), 'the declaration is not an entry');
    assert.equal(incremental.report.timeline.declaredZone?.name, 'PDT');
  }
  // Typing before the declaration moves it, and every chunk after it.
  text = 'Intro line.\n' + text;
  const moved = session.check('r.md', text, config);
  assert.deepEqual(essentials(moved), essentials(checkReport('r.md', text, new MarkdownParser(), config)));
});

test('closing a session drops its trees from the shared parser; the other document keeps its own, and a new check starts afresh', () => {
  const parser = new MarkdownParser();
  const config = defaultConfig();
  const a = new ReportSession(parser);
  const b = new ReportSession(parser);
  const textA = generateReport(20 * 1024, 1);
  const textB = generateReport(20 * 1024, 2);
  const first = a.check('a.md', textA, config);
  b.check('b.md', textB, config);
  const withA = parser.chunksCached;
  a.close();
  assert.ok(parser.chunksCached <= withA - a.stats.chunks / 2, `the cache held ${withA} trees, ${parser.chunksCached} after closing a`);
  // The open document's next version still reuses its own parses (held by its session).
  const parsed = parser.chunksParsed;
  b.check('b.md', textB + '\nmore\n', config);
  assert.ok(parser.chunksParsed - parsed <= 1, 'b parses only its edited chunk');
  const again = a.check('a.md', textA, config);
  assert.deepEqual(again.findings, first.findings);
  assert.equal(a.stats.chunksAnalysed, a.stats.chunks, 'every chunk of a is read again after the close');
});
