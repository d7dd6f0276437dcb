import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, runCli, tempWorkspace } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/timeline-import.js';

/** A temporary copy of the fixtures, so that tests may write into it. */
function workspace(): string {
  const dir = tempWorkspace({});
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

test('timeline import prints the entries as a list in UTC; counts and proposals on stderr', async () => {
  const dir = workspace();
  const r = await runCli(['timeline', 'import', 'irc/dst-change.log', '--zone', 'America/Los_Angeles'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      '- 2024-03-10 09:40 UTC nadia: cache hit ratio falling on the edge hosts',
      '- 2024-03-10 09:55 UTC nadia: first errors on the checkout page',
      '- 2024-03-10 10:05 UTC orin: failed over to the standby cache cluster',
      '- 2024-03-10 10:20 UTC orin: error rate back to normal',
      '',
    ].join('\n'),
  );
  assert.match(r.stderr, /^Read 4 entries from irc\/dst-change\.log \(irc\); 4 in the window$/m);
  assert.match(r.stderr, /^Proposed mitigated: 2024-03-10 10:05 UTC "orin: failed over to the standby cache cluster" \(from "failed over"; add \[mitigated\] to confirm\)$/m);
});

test('--into --dry-run prints a unified diff that git apply takes, and changes nothing', async () => {
  const dir = workspace();
  const before = readFileSync(join(dir, 'reports/list.md'), 'utf8');
  const r = await runCli(['timeline', 'import', 'sal/excerpt.wiki', 'irc/ops.2024-03-09.log', '--zone', 'UTC', '--into', 'reports/list.md', '--dry-run'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- a\/reports\/list\.md\n\+\+\+ b\/reports\/list\.md\n@@ /);
  assert.match(r.stdout, /^\+- 2024-03-09 21:55 dorsey: p95 on the title index is at 4 seconds$/m);
  assert.doesNotMatch(r.stdout, /^-(?!-- a\/)/m, 'nothing removed');
  assert.equal(readFileSync(join(dir, 'reports/list.md'), 'utf8'), before);
  assert.match(r.stderr, /sal\/excerpt\.wiki:13: skipped: not a SAL entry/);
  assert.match(r.stderr, /; 9 in the window; added 8, 1 already there; 1 line skipped$/m);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['apply', '--check', '-'], { cwd: dir, input: r.stdout });
});

test('--into writes the report; a second import adds nothing and leaves the file as it is', async () => {
  const dir = workspace();
  const first = await runCli(['timeline', 'import', 'alerts/alertmanager.ndjson', 'git/plain.txt', '--into', 'reports/list.md'], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, '');
  assert.match(first.stderr, /^Updated reports\/list\.md$/m);
  const written = readFileSync(join(dir, 'reports/list.md'), 'utf8');
  assert.match(written, /^- 2024-03-09 21:54 Alert SearchLatencyHigh firing on search1011: p95 latency above 2s on the title index\n- 2024-03-09 22:46 Commit 9f3c2a1e5d by Dana Dorsey: Revert "Raise shard count for the title index"\n- 2024-03-09 22:47 dorsey: reverted/m);
  const second = await runCli(['timeline', 'import', 'alerts/alertmanager.ndjson', 'git/plain.txt', '--into', 'reports/list.md'], { cwd: dir });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /added 0, 4 already there/);
  assert.equal(readFileSync(join(dir, 'reports/list.md'), 'utf8'), written);
  const check = await runCli(['check', 'reports/list.md', '--format', 'json'], { cwd: dir });
  assert.notEqual(check.code, 2, check.stderr);
});

test('a Slack export folder, filtered by nick and words, with --since and --until', async () => {
  const dir = workspace();
  const r = await runCli(['timeline', 'import', 'slack/export', '--nick', 'dana.d', '--grep', 'revert', '--grep', 'alert', '--since', '2024-03-09T21:00Z', '--until', '2024-03-10T00:00Z'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '- 2024-03-09 21:55 UTC dana.d: Search latency alert fired, looking & paging @Kai Kestrel\n  - 2024-03-09 22:12 UTC dana.d: Agreed, preparing the revert\n');
  assert.match(r.stderr, /slack\/export\/incident-ops\/2024-03-09\.json: skipped: message 6 has no "ts" time/);
});

test('a CSV with its own column names through --from alerts, --time-column and --text-column', async () => {
  const dir = workspace();
  const r = await runCli(['timeline', 'import', 'alerts/custom-columns.csv', '--from', 'alerts', '--time-column', 'Opened', '--text-column', 'Note', '--zone', 'CET'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '- 2024-03-09 20:54 UTC disk latency warning\n- 2024-03-09 21:40 UTC disk latency warning\n');
});

/** Exit 2 with one line on stderr matching `message`, nothing on stdout. */
async function fails(args: string[], message: RegExp, dir = workspace()): Promise<void> {
  const r = await runCli(['timeline', ...args], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], message);
}

test('bad input: unknown format, missing zone, binary and non-UTF-8 files, missing paths', async () => {
  await fails(['import', 'bad/notes.txt'], /^incident-scribe: bad\/notes\.txt: not in a known format \(tried .*IRC log.*\); the first line that fits none is "Some notes about the outage"$/);
  await fails(['import', 'irc/ops.2024-03-09.log'], /^incident-scribe: irc\/ops\.2024-03-09\.log does not say which time zone its times are in; give it with --zone/);
  await fails(['import', 'bad/latin1.log'], /^incident-scribe: bad\/latin1\.log: not valid UTF-8 \(bad byte at offset \d+\)/);
  await fails(['import', 'bad/archive.log'], /^incident-scribe: bad\/archive\.log: binary file/);
  await fails(['import', 'nowhere.log'], /^incident-scribe: nowhere\.log: cannot read/);
  await fails(['import', 'irc/irssi.log', '--zone', 'UTC', '--into', 'missing.md'], /^incident-scribe: missing\.md: cannot read the file/);
});

test('usage errors: no subcommand, no source, unknown --from, --dry-run without --into, a bad --zone', async () => {
  await fails([], /missing subcommand/);
  await fails(['import'], /no source given/);
  await fails(['import', 'irc/irssi.log', '--from', 'fax'], /unknown format "fax" for --from; choose one of sal, irc, slack, git, alerts, csv, json, auto/);
  await fails(['import', 'irc/irssi.log', '--dry-run'], /--dry-run needs --into REPORT/);
  await fails(['import', 'irc/irssi.log', '--zone', 'Atlantis/Harbour'], /--zone "Atlantis\/Harbour" is not a time zone/);
  const help = await runCli(['timeline', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: incident-scribe timeline import SOURCE\.\.\./);
});

test('--progress prints each step on stderr, in order, before the summary; without it a pipe gets none', async () => {
  const dir = workspace();
  const args = ['timeline', 'import', 'sal/excerpt.wiki', 'irc/ops.2024-03-09.log', '--zone', 'UTC', '--into', 'reports/list.md', '--dry-run'];
  const quiet = await runCli(args, { cwd: dir });
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /%\]/);

  const r = await runCli([...args, '--progress'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, quiet.stdout, 'progress goes to stderr only');
  const steps = r.stderr.split('\n').filter((l) => l.includes('%]'));
  assert.deepEqual(
    steps.map((l) => l.replace(/^\[\s*\d+%\] /, '')),
    ['Reading sal/excerpt.wiki (1 of 2)...', 'Reading irc/ops.2024-03-09.log (2 of 2)...', 'Placing 14 entries in time...', 'Merging 9 entries into the timeline...'],
  );
  assert.match(r.stderr, /^Read 14 entries from .*; 9 in the window; added 8, 1 already there/m, 'the counts of the steps are the summary\'s');
  const percents = steps.map((l) => Number(/^\[\s*(\d+)%\]/.exec(l)![1]));
  assert.equal(percents[0], 0);
  assert.deepEqual([...percents].sort((a, b) => a - b), percents, 'the bar only moves forward');
  assert.ok(percents[3] < 100);
  assert.ok(r.stderr.indexOf('%]') < r.stderr.indexOf('Read '), 'the steps come before the summary');
});

test('on a terminal the progress is one line rewritten in place and cleared before the summary', async () => {
  const dir = workspace();
  // `script` gives the CLI a terminal for stdout and stderr, as a user's shell does.
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} timeline import irc/ops.2024-03-09.log --zone UTC --into reports/list.md --dry-run`;
  const out = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' }, encoding: 'utf8' });
  assert.match(out, /\r\x1b\[K\[\s*0%\] Reading irc\/ops\.2024-03-09\.log\.\.\./);
  assert.match(out, /\r\x1b\[K\[\s*\d+%\] Merging \d+ entries into the timeline\.\.\.\r\x1b\[KRead /, 'the line is cleared, then the summary follows');
  assert.doesNotMatch(out, /%\][^\r]*\n/, 'no progress line is left on the screen');
});
