/**
 * Which Markdown files a directory walk takes as reports, as the command line shows it: the summary
 * counts, `--verbose` reasons, and the profile each report was given (`reports[].profile`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const GOOGLE_SRE_SHAPED = `# Search latency after an index rebuild

## Summary

An index rebuild doubled search latency.

## Impact

Searches took about 2 seconds instead of 400 ms for 35 minutes; no data was lost.

## Root causes

The rebuild ran on the serving replicas.

## Trigger

A scheduled rebuild at 14:00.

## Resolution

The rebuild was moved to a spare replica.

## Detection

A latency alert fired at 14:06.

## Action items

- Run rebuilds on spare replicas only (#881, @lee).

## Lessons learned

### What went well

- The alert fired quickly.

### What went wrong

- Nobody knew where rebuilds ran.

### Where we got lucky

- Traffic was low.

## Timeline

All times UTC.

- 2025-02-11 14:00 The rebuild starts.
`;

/** A report with no profile's full heading set: summary, a timeline with a note, causes and actions. */
const PLAIN = `# Badge service returned stale counts

## Summary

Badge counts stopped updating for about an hour.

## Timeline (all times PST) 03/02/2024

- 09:10 Counts stop updating.
- 10:05 The worker is restarted.

## Root cause(s)

The worker lost its queue lease.

## Action items

- Renew the lease on reconnect (#90, @ari).
`;

const WORKSPACE = {
  '2024-03-02-badges.md': PLAIN,
  'ops/retros/2024-05-06-dns.md': '# DNS retro\n\nResolvers failed for 10 minutes.\n',
  'docs/incident-reports/2025-02-11-search.md': GOOGLE_SRE_SHAPED,
  'docs/incident-reports/index.md': '# Incident reports\n\n- [Search latency](2025-02-11-search.md)\n\n## Timeline\n\nNewest first.\n\n## Root cause\n\nSee each report.\n',
  'docs/incident-reports/template-incident-report.md': '# {{ date }}, {{ name }}\n\n## Summary\n\n## Timeline\n\n### {{ hh:mm }}\n\n## Action items\n\n1. {{ summary }}\n',
  'drafts/blank.md': '# Incident title\n\n## Timeline\n\n- yyyy-mm-dd HH:mm Event\n\n## Root cause\n\n- TBD\n\n## Action items\n\n-\n',
  'notes/2021-11-08-login.md': 'Post-mortem of the login outage on 8 November 2021.\n\nLogins failed for 25 minutes after a certificate expired.\n',
  'notes/2023-01-23-proxy.md': '# Proxy upgrade caused a brief outage\n\n### Summary\n\nThe proxy upgrade dropped connections.\n\n### Impact on users\n\nAbout 300 users lost their sessions for 5 minutes.\n',
  'notes/meeting.md': '# Weekly sync\n\n## Action items\n\n- Book the room.\n',
  'guide/writing.md': '# How to write a postmortem\n\n## Timeline\n\nList what happened, in order.\n\n## Impact\n\nSay who was affected.\n',
  'README.md': '# Our reports\n\n## Timeline\n\nReports since 2021.\n\n## Action items\n\nTracked in the issue tracker.\n',
  'CONTRIBUTING.md': '# Contributing\n\n## Timeline\n\nReports are due within a week.\n\n## Root cause\n\nAlways name one.\n',
};

const TAKEN = ['2024-03-02-badges.md', 'docs/incident-reports/2025-02-11-search.md', 'notes/2021-11-08-login.md', 'notes/2023-01-23-proxy.md', 'ops/retros/2024-05-06-dns.md'];

test('check . takes the reports by path or by what they are, and no README, index, template, guide or meeting notes', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.notEqual(result.code, 2, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput & { reports: { file: string; profile: string }[] };
  assert.deepEqual(json.reports.map((r) => r.file).sort(), TAKEN);
});

test('reports[].profile: the built-in template each report follows, generic when none; a configured profile wins', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const json = JSON.parse(result.stdout) as { reports: { file: string; profile: string }[] };
  const profiles = Object.fromEntries(json.reports.map((r) => [r.file, r.profile]));
  assert.equal(profiles['docs/incident-reports/2025-02-11-search.md'], 'google-sre');
  assert.equal(profiles['2024-03-02-badges.md'], 'generic');
  const forced = await runCli(['check', '.', '--format', 'json', '--profile', 'atlassian'], { cwd: dir });
  const all = (JSON.parse(forced.stdout) as { reports: { profile: string }[] }).reports.map((r) => r.profile);
  assert.deepEqual([...new Set(all)], ['atlassian']);
  // The plain report's "Timeline (all times PST) …" and "Root cause(s)" are its timeline and cause: nothing is missing.
  const text = await runCli(['check', '2024-03-02-badges.md'], { cwd: dir });
  assert.doesNotMatch(text.stdout, /report\/missing-section/, text.stdout);
});

test('the text summary counts the Markdown files looked at and the reports taken, and names the profiles found', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.'], { cwd: dir });
  assert.notEqual(result.code, 2, result.stderr);
  const lines = result.stdout.split('\n');
  assert.ok(lines.includes('Looked at 12 Markdown files, took 5 as reports (--verbose says why).'), result.stdout);
  assert.ok(lines.some((l) => /\(5 files checked, profiles found: generic 4, google-sre 1\)$/.test(l)), result.stdout);
  assert.ok(lines.some((l) => /^ +docs\/incident-reports\/2025-02-11-search\.md +google-sre +time to detect/.test(l)), result.stdout);
});

test('--verbose says, for each Markdown file, whether it was taken and why', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.', '--verbose', '--format', 'json'], { cwd: dir });
  assert.doesNotThrow(() => JSON.parse(result.stdout), 'the reasons go to stderr, the JSON stays clean');
  const reason = (file: string) => result.stderr.split('\n').find((l) => l.startsWith(`incident-scribe: ${file}: `));
  assert.match(reason('2024-03-02-badges.md') ?? '', /: report: its headings read as a postmortem \("Summary", "Timeline \(all times PST\) 03\/02\/2024", "Root cause\(s\)", "Action items"\)/);
  assert.match(reason('ops/retros/2024-05-06-dns.md') ?? '', /: report: its path matches the report globs/);
  assert.match(reason('notes/2021-11-08-login.md') ?? '', /: report: it calls itself a postmortem/);
  assert.match(reason('notes/2023-01-23-proxy.md') ?? '', /: report: its title "Proxy upgrade caused a brief outage" names an incident and it has "Summary", "Impact on users"/);
  assert.match(reason('README.md') ?? '', /: not a report: a README file/);
  assert.match(reason('CONTRIBUTING.md') ?? '', /: not a report: a CONTRIBUTING file/);
  assert.match(reason('docs/incident-reports/index.md') ?? '', /: not a report: /);
  assert.match(reason('docs/incident-reports/template-incident-report.md') ?? '', /: not a report: a template \(its name says so\)/);
  assert.match(reason('drafts/blank.md') ?? '', /: not a report: a template \(mostly placeholder text\)/);
  assert.match(reason('guide/writing.md') ?? '', /: not a report: its title "How to write a postmortem" is about postmortems/);
  assert.match(reason('notes/meeting.md') ?? '', /: not a report: /);
  assert.equal(result.stderr.split('\n').filter((l) => l.startsWith('incident-scribe: ')).length, 12);
});

test('check . --verbose on reports told in other shapes: dated logs, disclosures, status notes, a blog post; and the guides and records that are none', async () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'discovery');
  const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, { report: boolean; reason: string }>;
  const dir = tempWorkspace(Object.fromEntries(Object.keys(expected).map((path) => [path, readFileSync(join(fixtures, path), 'utf8')])));
  const result = await runCli(['check', '.', '--verbose', '--format', 'json'], { cwd: dir });
  assert.notEqual(result.code, 2, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput;
  const taken = Object.entries(expected).filter(([, e]) => e.report).map(([path]) => path);
  assert.deepEqual(json.reports.map((r) => r.file).sort(), taken.sort());
  for (const [path, e] of Object.entries(expected)) {
    const line = result.stderr.split('\n').find((l) => l.startsWith(`incident-scribe: ${path}: `)) ?? '';
    assert.ok(line.startsWith(`incident-scribe: ${path}: ${e.report ? 'report' : 'not a report'}: `), line || `${path}: no --verbose line`);
    assert.ok(line.includes(e.reason), `${line} should say "${e.reason}"`);
  }
  // The reasons name what was read: the title, the date, the headings.
  assert.ok(result.stderr.includes(`incident-scribe: ops-log/2022-10-disk-controller-problems.md: report: its title "2022-10 Problem with the disk controller on store2" names an incident, it is dated and it has "Diagnosis"`), result.stderr);
  assert.ok(result.stderr.includes(`incident-scribe: docs/when-the-database-is-down.md: not a report: its title or folder reads as a guide to failures, not one incident`), result.stderr);
});
