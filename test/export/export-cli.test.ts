/**
 * The export and overview commands, through their command modules (the same functions the
 * `incident-scribe` dispatcher calls).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runExport, type CommandIO } from '../../server/src/cli/export.js';
import { runOverview } from '../../server/src/cli/overview.js';
import { EXPORT_FIXTURES } from '../helpers/export.js';

const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(join(EXPORT_FIXTURES, 'cache-split.md'), join(dir, 'report.md'));

function io(): CommandIO & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    cwd: dir,
    now: () => Date.UTC(2026, 4, 10),
    stdout(text: string) {
      captured.out += text;
    },
    stderr(text: string) {
      captured.err += text;
    },
  };
  return captured;
}

test('export prints to stdout without -o', async () => {
  for (const [format, start] of [
    ['wikitext', '{{irdoc|status=review}}'],
    ['html', '<!doctype html>'],
    ['json', '{\n  "version": 1,'],
  ]) {
    const c = io();
    assert.equal(await runExport(['report.md', '--to', format], c), 0);
    assert.ok(c.out.startsWith(start), `${format} output`);
    assert.equal(c.err, '');
  }
});

test('export -o writes the file; a second export refuses to replace it (exit 2, one line)', async () => {
  const first = io();
  assert.equal(await runExport(['report.md', '--to', 'html', '-o', 'out.html'], first), 0);
  assert.equal(first.out, '');
  const written = readFileSync(join(dir, 'out.html'), 'utf8');
  assert.ok(written.startsWith('<!doctype html>'));

  writeFileSync(join(dir, 'out.html'), 'edited by hand');
  const second = io();
  assert.equal(await runExport(['report.md', '--to', 'wikitext', '-o', 'out.html'], second), 2);
  assert.equal(second.err, 'incident-scribe: out.html already exists; use --force to replace it\n');
  assert.equal(readFileSync(join(dir, 'out.html'), 'utf8'), 'edited by hand', 'the existing file is untouched');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('export -o --force replaces the file', async () => {
  writeFileSync(join(dir, 'forced.wiki'), 'old');
  const c = io();
  assert.equal(await runExport(['report.md', '--to', 'wikitext', '-o', 'forced.wiki', '--force'], c), 0);
  assert.ok(readFileSync(join(dir, 'forced.wiki'), 'utf8').startsWith('{{irdoc|status=review}}'));
});

test('export never writes over the report itself, even with --force', async () => {
  const before = readFileSync(join(dir, 'report.md'), 'utf8');
  const c = io();
  assert.equal(await runExport(['report.md', '--to', 'json', '-o', './report.md', '--force'], c), 2);
  assert.match(c.err, /^incident-scribe: refusing to write the export over the report report\.md itself\n$/);
  assert.equal(readFileSync(join(dir, 'report.md'), 'utf8'), before);
});

test('usage and I/O problems exit 2 with a one-line message that names the file', async () => {
  const cases: [string[], RegExp][] = [
    [['report.md'], /^incident-scribe: missing --to; choose one of wikitext, html, json \(see incident-scribe export --help\)\n$/],
    [['report.md', '--to', 'pdf'], /unknown format "pdf"/],
    [['--to', 'html'], /no report file given/],
    [['a.md', 'b.md', '--to', 'html'], /export takes one report file/],
    [['missing.md', '--to', 'html'], /^incident-scribe: missing\.md: cannot read the file \(no such file or directory\)\n$/],
    [['report.md', '--to', 'html', '--bogus'], /^incident-scribe: unknown option --bogus \(see incident-scribe export --help\)\n$/],
    [['report.md', '--to', 'html', '-o', 'no/such/dir/out.html'], /^incident-scribe: no\/such\/dir\/out\.html: cannot write \(no such file or directory\)\n$/],
  ];
  for (const [args, message] of cases) {
    const c = io();
    assert.equal(await runExport(args, c), 2, args.join(' '));
    assert.match(c.err, message, args.join(' '));
    assert.equal(c.err.split('\n').length, 2, 'one line');
    assert.equal(c.out, '');
  }
});

test('a binary or non-UTF-8 file is refused with a clear message', async () => {
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'));
  const c = io();
  assert.equal(await runExport(['binary.md', '--to', 'json'], c), 2);
  assert.equal(c.err, 'incident-scribe: binary.md: binary file (NUL byte at offset 4)\n');
  const d = io();
  assert.equal(await runExport(['latin1.md', '--to', 'json'], d), 2);
  assert.match(d.err, /^incident-scribe: latin1\.md: not valid UTF-8 \(bad byte at offset 5\)/);
});

test('overview finds reports by glob or front matter, honours .gitignore, prints every format', async () => {
  const ws = join(dir, 'ws');
  mkdirSync(join(ws, 'incidents'), { recursive: true });
  mkdirSync(join(ws, 'notes'), { recursive: true });
  mkdirSync(join(ws, 'drafts'), { recursive: true });
  mkdirSync(join(ws, 'node_modules', 'x', 'incidents'), { recursive: true });
  copyFileSync(join(EXPORT_FIXTURES, 'cache-split.md'), join(ws, 'incidents', 'cache-split.md'));
  writeFileSync(join(ws, 'notes', 'tagged.md'), '---\ntype: incident\ntitle: Tagged by front matter\nstatus: draft\nstart: 2026-02-01\n---\n');
  writeFileSync(join(ws, 'notes', 'other.md'), '# Not a report\n');
  writeFileSync(join(ws, 'drafts', 'incident-ignored.md'), '# Ignored\n');
  writeFileSync(join(ws, 'node_modules', 'x', 'incidents', 'dep.md'), '# In a dependency\n');
  writeFileSync(join(ws, '.gitignore'), 'drafts/\n');

  const text = io();
  assert.equal(await runOverview(['ws'], text), 0);
  assert.match(text.out, /^Incident overview: 2 reports \(as of 2026-05-10T00:00:00Z\)/);
  assert.ok(text.out.includes('Thumbnail metadata cache split between wikis'));
  assert.ok(text.out.includes('Tagged by front matter'));
  assert.ok(text.out.includes('ws/notes/tagged.md  Still a draft 98 days after the incident'));
  assert.doesNotMatch(text.out, /Ignored|dependency|Not a report/);

  const json = io();
  assert.equal(await runOverview(['ws', '--format', 'json'], json), 0);
  assert.deepEqual(JSON.parse(json.out).incidents.map((i: { file: string }) => i.file), ['ws/notes/tagged.md', 'ws/incidents/cache-split.md']);

  const html = io();
  assert.equal(await runOverview(['ws', '--format', 'html', '-o', 'ws/overview.html'], html), 0);
  const page = readFileSync(join(ws, 'overview.html'), 'utf8');
  assert.ok(page.includes('href="incidents/cache-split.md"'), 'links are relative to the page');
  assert.ok(page.includes('<svg '));

  const again = io();
  assert.equal(await runOverview(['ws', '--format', 'html', '-o', 'ws/overview.html'], again), 2);
  assert.equal(again.err, 'incident-scribe: ws/overview.html already exists; use --force to replace it\n');
});

test('overview usage problems exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--format', 'pdf'], /^incident-scribe: --format must be one of text, json, html \(got "pdf"\) \(see incident-scribe overview --help\)\n$/],
    [['nowhere'], /^incident-scribe: nowhere is not a directory\n$/],
    [['a', 'b'], /overview takes one directory/],
  ];
  for (const [args, message] of cases) {
    const c = io();
    assert.equal(await runOverview(args, c), 2, args.join(' '));
    assert.match(c.err, message);
  }
  const empty = io();
  mkdirSync(join(dir, 'empty'), { recursive: true });
  assert.equal(await runOverview(['empty'], empty), 0);
  assert.match(empty.out, /No incident reports found\./);
});
