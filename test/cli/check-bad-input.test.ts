import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, SMALL_REPORT, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

/** One line on stderr for each skipped file, no stack trace. */
function assertSkipped(stderr: string, file: string, reason: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  const line = lines.find((l) => l.includes(file));
  assert.ok(line, `stderr names ${file}:\n${stderr}`);
  assert.match(line, reason);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

test('a file that is not UTF-8 is skipped with a message naming it; the others are checked; exit 2', async () => {
  const latin1 = Buffer.from('# Caf\xe9 outage\n\nImpact: 10% of orders failed.\n', 'latin1');
  const dir = tempWorkspace({ 'incidents/latin1.md': latin1, 'incidents/ok.md': SMALL_REPORT });
  const result = await runCli(['check', 'incidents', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 2);
  assertSkipped(result.stderr, 'incidents/latin1.md', /not valid UTF-8/);
  const json = JSON.parse(result.stdout) as JsonOutput;
  assert.deepEqual([...new Set(json.diagnostics.map((d) => d.file))], ['incidents/ok.md']);
});

test('a binary file is skipped with a message naming it; exit 2', async () => {
  const dir = tempWorkspace({ 'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) });
  const result = await runCli(['check', 'photo.md'], { cwd: dir });
  assert.equal(result.code, 2);
  assertSkipped(result.stderr, 'photo.md', /binary/);
});

test('a byte order mark is not an error', async () => {
  const dir = tempWorkspace({ 'bom.md': '\ufeff' + SMALL_REPORT });
  const result = await runCli(['check', 'bom.md', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.ok((JSON.parse(result.stdout) as JsonOutput).diagnostics.length > 0);
});

test('broken YAML front matter gives diagnostics, not a crash', async () => {
  const report = '---\ntype: incident\ntitle: "unterminated\nstart: [2024-01-01\n---\n' + SMALL_REPORT;
  const dir = tempWorkspace({ 'broken.md': report });
  const result = await runCli(['check', 'broken.md', '--format', 'json'], { cwd: dir });
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  assert.equal(result.stderr, '');
  assert.ok((JSON.parse(result.stdout) as JsonOutput).diagnostics.length > 0);
});

test('a 5 MB report is checked and gives diagnostics', async () => {
  const day = (i: number) => {
    const date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const entries = Array.from({ length: 40 }, (_, k) => `- ${String(k % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')} Step ${i}.${k}: the replica in row ${k} reports lag of ${k * 3} seconds.`);
    return `### ${date}\n\n${entries.join('\n')}\n\n| Host | Lag |\n| --- | --- |\n| db${i} | ${i}s |\n\n`;
  };
  let text = '# A very long incident\n\n## Summary\n\nA long outage.\n\n## Timeline\n\nAll times in UTC.\n\n';
  for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += day(i);
  const lastLine = text.split('\n').length;
  text += '## Detection\n';
  const dir = tempWorkspace({ 'huge.md': text });
  const result = await runCli(['check', 'huge.md', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput;
  assert.ok(json.diagnostics.some((d) => d.ruleId === 'report/missing-section'));
  assert.ok(json.diagnostics.some((d) => d.ruleId === 'report/empty-section' && d.line === lastLine), 'the end of the file is reached');
});

test('10,000 timeline entries are checked and give diagnostics', async () => {
  const entries = Array.from({ length: 10_000 }, (_, i) => {
    const minutes = i % (24 * 60);
    return `- ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} Event number ${i} in the job queue.`;
  });
  const text = `# Queue storm\n\n## Summary\n\nMany events.\n\n## Timeline\n\n${entries.join('\n')}\n\n## Detection\n`;
  const dir = tempWorkspace({ 'storm.md': text });
  const result = await runCli(['check', 'storm.md', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput;
  assert.ok(json.diagnostics.some((d) => d.ruleId === 'report/empty-section' && d.line === 10_010), JSON.stringify(json.diagnostics.slice(0, 5)));
});
