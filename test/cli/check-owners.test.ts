/** Owners through the command line: CODEOWNERS found by itself, findings in every format, problems named. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const REPORT = '# Upload cache split\n\n## Actionables\n\n- Make the file key global T253778 (owner: @rkowalsky)\n- Add an upload alert T253779 (owner: lbaptiste)\n';

test('check: unknown and inactive owners in text, JSON and SARIF; a malformed owners file is named on stderr', async () => {
  const dir = tempWorkspace({
    'CODEOWNERS': '* @acme/platform\n/includes/filerepo/ @rkowalski not-an-owner\n',
    'owners.yaml': 'components:\n  - name: FileRepo\n    people: [rkowalski, { name: lbaptiste, status: inactive }]\n',
    '.incident-scribe.json': JSON.stringify({ owners: ['owners.yaml'], rules: { 'report/missing-section': 'off' } }),
    'incidents/uploads.md': REPORT,
  });
  const text = await runCli(['check', 'incidents'], { cwd: dir });
  assert.match(text.stdout, /^incidents\/uploads\.md:5:\d+ +warning +actionables\/unknown-owner +"@rkowalsky" is not in the owners list\. Did you mean "rkowalski"\?$/m);
  assert.match(text.stdout, /^incidents\/uploads\.md:6:\d+ +warning +actionables\/inactive-owner +"lbaptiste" is no longer an active maintainer/m);
  assert.match(text.stderr, /CODEOWNERS:2:\d+: "not-an-owner" is not an owner/);
  assert.equal(text.code, 0, 'owners problems are warnings, not trouble');

  const json = JSON.parse((await runCli(['check', 'incidents', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
  assert.deepEqual(
    json.diagnostics.filter((d) => d.ruleId.endsWith('-owner')).map((d) => [d.ruleId, d.line]),
    [['actionables/unknown-owner', 5], ['actionables/inactive-owner', 6]],
  );
  const sarif = JSON.parse((await runCli(['check', 'incidents', '--format', 'sarif'], { cwd: dir })).stdout) as {
    runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[];
  };
  const ids = sarif.runs[0].results.map((r) => r.ruleId);
  assert.ok(ids.includes('actionables/unknown-owner') && ids.includes('actionables/inactive-owner'), ids.join());
  assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'actionables/person-only-owner'));
});

test('check: without any owners list the owner rules are silent', async () => {
  const dir = tempWorkspace({ 'incidents/uploads.md': REPORT });
  const json = JSON.parse((await runCli(['check', 'incidents', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
  assert.deepEqual(json.diagnostics.filter((d) => d.ruleId.endsWith('-owner')), []);
});

const UNOWNED_PHP = "<?php\nclass UploadStatus {\n\tprivate WANObjectCache $cache;\n\n\tpublic function key( $name ) {\n\t\treturn $this->cache->makeKey( 'upload-status', $name );\n\t}\n}\n";

test('check: keys/unowned-code in text, JSON and SARIF on the first key site of a file nobody maintains', async () => {
  const dir = tempWorkspace({
    '.github/CODEOWNERS': '/includes/ @acme/platform\n/extensions/OldUploads/\n',
    'includes/UploadStatus.php': UNOWNED_PHP,
    'extensions/OldUploads/UploadStatus.php': UNOWNED_PHP,
    'extensions/Stray/UploadStatus.php': UNOWNED_PHP,
  });
  const text = await runCli(['check', '.', '--no-cache'], { cwd: dir });
  const lines = text.stdout.split('\n').filter((l) => l.includes('keys/unowned-code'));
  assert.deepEqual(
    lines.map((l) => l.replace(/ +/g, ' ')),
    [
      'extensions/OldUploads/UploadStatus.php:6:10 info keys/unowned-code extensions/OldUploads/UploadStatus.php is listed without any owner (CODEOWNERS:2): nobody maintains it. Name who looks after its cache keys in CODEOWNERS or the maintainers list.',
      'extensions/Stray/UploadStatus.php:6:10 info keys/unowned-code No owners entry covers extensions/Stray/UploadStatus.php: nobody is listed as maintaining it. Name who looks after its cache keys in CODEOWNERS or the maintainers list.',
    ],
  );
  assert.equal(text.code, 0, 'an info finding does not fail the check');

  const json = JSON.parse((await runCli(['check', '.', '--no-cache', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
  assert.deepEqual(
    json.diagnostics.filter((d) => d.ruleId === 'keys/unowned-code').map((d) => [d.file, d.line, d.severity]),
    [
      ['extensions/OldUploads/UploadStatus.php', 6, 'info'],
      ['extensions/Stray/UploadStatus.php', 6, 'info'],
    ],
  );
  const sarif = JSON.parse((await runCli(['check', '.', '--no-cache', '--format', 'sarif'], { cwd: dir })).stdout) as {
    runs: { results: { ruleId: string; level: string }[]; tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
  };
  assert.deepEqual(sarif.runs[0].results.filter((r) => r.ruleId === 'keys/unowned-code').map((r) => r.level), ['note', 'note']);
  assert.ok(sarif.runs[0].tool.driver.rules.find((r) => r.id === 'keys/unowned-code')?.helpUri?.endsWith('docs/rules/keys/unowned-code.md'));

  const without = tempWorkspace({ 'extensions/Stray/UploadStatus.php': UNOWNED_PHP });
  const silent = JSON.parse((await runCli(['check', '.', '--no-cache', '--format', 'json'], { cwd: without })).stdout) as JsonOutput;
  assert.deepEqual(silent.diagnostics.filter((d) => d.ruleId === 'keys/unowned-code'), [], 'no owners list, no finding');
});

test('overview: actionables per owner, open and done, and owners the list does not know or lists as inactive', async () => {
  const dir = tempWorkspace({
    CODEOWNERS: '/includes/filerepo/ @acme/media-storage @rkowalski\n',
    'owners.yaml': 'components:\n  - name: FileRepo\n    people: [{ name: lbaptiste, until: 2023-06-30 }]\n',
    '.incident-scribe.json': JSON.stringify({ owners: ['owners.yaml'] }),
    'incidents/2026-02-01-uploads.md': [
      '---',
      'title: Upload cache split',
      'start: 2026-02-01T10:00Z',
      '---',
      '',
      '## Actionables',
      '',
      '- Make the file key global T253778 @acme/media-storage',
      '- [x] Roll back the change T253779 @rkowalski',
      '- Add an upload alert T253780 (owner: @rkowalsky)',
      '- Review the purge script T253781 (owner: lbaptiste)',
      '- [ ] Add a cache dashboard T253782 @rkowalski',
      '',
    ].join('\n'),
  });
  const json = JSON.parse((await runCli(['overview', '.', '--format', 'json'], { cwd: dir })).stdout) as {
    owners: { owner: string; status?: string; kind?: string; open: number; done: number }[];
    incidents: { problems: { kind: string; line?: number; message: string }[] }[];
  };
  // Most open first, then most done, then by name.
  assert.deepEqual(json.owners, [
    { owner: '@rkowalski', status: 'active', kind: 'person', open: 1, done: 1 },
    { owner: '@acme/media-storage', status: 'active', kind: 'team', open: 1, done: 0 },
    { owner: '@lbaptiste', status: 'inactive', kind: 'person', open: 1, done: 0 },
    { owner: '@rkowalsky', status: 'unknown', open: 1, done: 0 },
  ]);
  assert.deepEqual(
    json.incidents[0].problems.map((p) => [p.kind, p.line]),
    [
      ['actionable-unknown-owner', 10],
      ['actionable-inactive-owner', 11],
    ],
  );
  assert.equal(json.incidents[0].problems[0].message, 'Actionable owned by @rkowalsky, who is not in the owners list: Add an upload alert T253780 (owner: @rkowalsky)');

  const text = await runCli(['overview', '.'], { cwd: dir });
  assert.ok(
    text.stdout.includes(
      [
        'Actionables per owner:',
        '  Owner                Open  Done  Note',
        '  @rkowalski           1     1',
        '  @acme/media-storage  1     0',
        '  @lbaptiste           1     0     inactive',
        '  @rkowalsky           1     0     not in the owners list',
      ].join('\n') + '\n',
    ),
    text.stdout,
  );
  const html = await runCli(['overview', '.', '--format', 'html'], { cwd: dir });
  assert.match(html.stdout, /<h2>Actionables per owner<\/h2><table class="owners">.*<td>@rkowalsky<\/td><td class="num">1<\/td><td class="num">0<\/td><td>not in the owners list<\/td>/s);
});
