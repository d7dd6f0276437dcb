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
