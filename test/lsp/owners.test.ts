/**
 * Owners in the editor: a CODEOWNERS file found without configuration, a configured maintainers
 * file, problems of a malformed owners file shown on that file, and a change to it re-checking.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client.js';

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'incident-scribe-owners-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

const REPORT = '# Upload cache split\n\n## Actionables\n\n- Make the file key global T253778 (owner: @rkowalsky)\n- Add an upload alert T253779 (owner: @dmensah)\n';

test('owners: CODEOWNERS without configuration, then a maintainers file that marks a person inactive', async () => {
  const folder = workspace({ '.github/CODEOWNERS': '* @acme/platform\n/includes/filerepo/ @rkowalski @dmensah\n' });
  const client = await TestClient.spawn({ folder });
  try {
    const uri = client.uri('incidents/2026-02-01-uploads.md');
    await client.open(uri, REPORT);
    const owners = (await client.pull(uri)).filter((d) => String(d.code).startsWith('actionables/'));
    assert.deepEqual(
      owners.map((d) => [d.code, d.range.start.line, d.message]),
      [['actionables/unknown-owner', 4, '"@rkowalsky" is not in the owners list. Did you mean "rkowalski"?']],
    );

    writeFileSync(join(folder, 'maintainers.yaml'), 'components:\n  - name: FileRepo\n    people: [{ name: dmensah, until: 2020-01-01 }]\n    teams: [x, { name: 7 }]\n');
    writeFileSync(join(folder, '.incident-scribe.json'), JSON.stringify({ owners: ['maintainers.yaml'] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, '.incident-scribe.json')).href, type: 1 }] });
    const problems = await client.pushedWhere(pathToFileURL(join(folder, 'maintainers.yaml')).href, (p) => p.diagnostics.length > 0);
    assert.deepEqual(problems.map((d) => [d.range.start.line, d.code, d.message]), [[3, 'owners', 'An owner is a name, @handle, @org/team or e-mail address.']]);
    // The reload is asynchronous: pull until the new list is in use (a bounded number of times).
    let after = (await client.pull(uri)).filter((d) => d.code === 'actionables/inactive-owner');
    for (let i = 0; i < 100 && after.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = (await client.pull(uri)).filter((d) => d.code === 'actionables/inactive-owner');
    }
    assert.deepEqual(after.map((d) => [d.range.start.line, d.message]), [[5, '"@dmensah" is no longer an active maintainer since 2020-01-01 (FileRepo, /includes/filerepo/): give the actionable to somebody who is.']]);
  } finally {
    await client.stop();
  }
});
