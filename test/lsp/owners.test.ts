/**
 * Owners in the editor: a CODEOWNERS file found without configuration, a configured maintainers
 * file, problems of a malformed owners file shown on that file, and a change to it re-checking;
 * completion of owner names, the owners offered by the no-owner quick fix, and the maintainers of a
 * PHP file in the key hover and in keys/unowned-code.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CompletionItemKind, CompletionItemTag, type CodeAction, type CompletionItem, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, pollUntil, TestClient } from '../helpers/lsp-client.js';

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
    // The reload is asynchronous: pull until the new list is in use.
    const after = await pollUntil(
      async () => (await client.pull(uri)).filter((d) => d.code === 'actionables/inactive-owner'),
      (found) => found.length > 0,
    );
    assert.deepEqual(after.map((d) => [d.range.start.line, d.message]), [[5, '"@dmensah" is no longer an active maintainer since 2020-01-01 (FileRepo, /includes/filerepo/): give the actionable to somebody who is.']]);
  } finally {
    await client.stop();
  }
});

const MAINTAINERS = [
  'components:',
  '  - name: FileRepo',
  '    paths: [includes/filerepo/**]',
  '    teams: [media-storage]',
  '    people: [rkowalski, { name: lbaptiste, until: 2023-06-30 }]',
  '  - name: CentralLogin',
  '    teams: [identity]',
  '    people: [Ahmed Saleh]',
  '',
].join('\n');

/** A workspace with a configured maintainers file and a CODEOWNERS file found without configuration. */
function ownersWorkspace(): string {
  return workspace({
    '.incident-scribe.json': JSON.stringify({ owners: ['maintainers.yaml'] }),
    'maintainers.yaml': MAINTAINERS,
    CODEOWNERS: '/includes/objectcache/ @acme/performance ops@acme.example\n',
  });
}

/** Opens `marked` with `|` as the cursor and asks for completion there. */
async function completeAt(client: TestClient, name: string, marked: string): Promise<{ items: CompletionItem[]; text: string }> {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = text.slice(0, at).split('\n');
  const uri = client.uri(`incidents/${name}.md`);
  await client.open(uri, text);
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
  return { items, text };
}

test('owners: completion after @ and after an owner label offers the known owners, teams first, with what they maintain', async () => {
  const client = await TestClient.spawn({ folder: ownersWorkspace() });
  try {
    const head = '# Login failures\n\n## Actionables\n\n';
    const handle = await completeAt(client, 'at', `${head}- Make the file key global T253778 @|\n`);
    assert.deepEqual(
      handle.items.map((i) => [i.label, i.detail, i.tags ?? []]),
      [
        ['@acme/performance', 'Team · /includes/objectcache/', []],
        ['@identity', 'Team · CentralLogin', []],
        ['@media-storage', 'Team · FileRepo', []],
        ['@rkowalski', 'Person · FileRepo', []],
        ['@lbaptiste', 'Person (inactive since 2023-06-30) · FileRepo', [CompletionItemTag.Deprecated]],
      ],
      'handles only after @: no e-mail address, no name with spaces; the inactive one last',
    );
    assert.deepEqual([...handle.items.map((i) => i.sortText)].sort(), handle.items.map((i) => i.sortText), 'the server order is the order shown');
    const chosen = handle.items.find((i) => i.label === '@media-storage')!;
    assert.equal(applyEdits(handle.text, [chosen.textEdit as TextEdit]).split('\n')[4], '- Make the file key global T253778 @media-storage');

    const labelled = await completeAt(client, 'label', `${head}- Log the failures of CentralLogin T253779 (owner: Ah|)\n`);
    const labels = labelled.items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['@acme/performance', '@identity', '@media-storage'], 'teams first');
    assert.ok(labels.includes('Ahmed Saleh') && labels.includes('ops@acme.example'), labels.join(', '));
    const ahmed = labelled.items.find((i) => i.label === 'Ahmed Saleh')!;
    assert.equal(ahmed.filterText, 'Ahmed Saleh');
    assert.equal(applyEdits(labelled.text, [ahmed.textEdit as TextEdit]).split('\n')[4], '- Log the failures of CentralLogin T253779 (owner: Ahmed Saleh)');

    for (const marked of [`${head}- Mail ops@|\n`, `${head}- Decide who maintains the uploads T253780 |\n`]) {
      const none = await completeAt(client, `none-${marked.length}`, marked);
      assert.deepEqual(none.items.filter((i) => i.kind === CompletionItemKind.Constant || i.kind === CompletionItemKind.Folder), [], `nothing offered in ${JSON.stringify(marked)}`);
    }
  } finally {
    await client.stop();
  }
});

test('owners: the no-owner quick fix offers the maintainers of the component the actionable names', async () => {
  const client = await TestClient.spawn({ folder: ownersWorkspace() });
  try {
    const uri = client.uri('incidents/2026-02-02-login.md');
    const text = '# Login failures\n\n## Actionables\n\n- Log the failures of Central Login T253781\n';
    await client.open(uri, text);
    const diagnostics = (await client.pull(uri)).filter((d) => d.code === 'actionables/no-owner');
    assert.equal(diagnostics.length, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const titles = actions.filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.deepEqual(titles.slice(0, 3), ['Make @identity the owner (maintains CentralLogin)', 'Make Ahmed Saleh the owner (maintains CentralLogin)', 'Add an "Owner:" placeholder']);
    const edit = actions.find((a) => a.title === titles[0])!.edit!.changes![uri];
    assert.equal(applyEdits(text, edit).split('\n')[4], '- Log the failures of Central Login T253781 Owner: @identity');
  } finally {
    await client.stop();
  }
});

test('owners: the hover of a key site says who maintains the file, and keys/unowned-code marks a file nobody maintains', async () => {
  const folder = workspace({
    CODEOWNERS: '/includes/filerepo/ @acme/media-storage @rkowalski\n/extensions/OldUploads/\n',
    'includes/filerepo/FileMeta.php': "<?php\nclass FileMeta {\n\tprivate WANObjectCache $cache;\n\n\tpublic function key( $name ) {\n\t\treturn $this->cache->makeGlobalKey( 'file-meta', $name );\n\t}\n}\n",
    'extensions/OldUploads/UploadStatus.php': "<?php\nclass UploadStatus {\n\tprivate WANObjectCache $cache;\n\n\tpublic function key( $name ) {\n\t\treturn $this->cache->makeKey( 'file-meta', $name );\n\t}\n}\n",
  });
  const client = await TestClient.spawn({ folder });
  try {
    const owned = pathToFileURL(join(folder, 'includes/filerepo/FileMeta.php')).href;
    const unowned = pathToFileURL(join(folder, 'extensions/OldUploads/UploadStatus.php')).href;
    for (const uri of [owned, unowned]) await client.open(uri, readFileSync(fileURLToPath(uri), 'utf8'), 'php');
    const hoverOf = async (uri: string) => {
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 24 } });
      return (hover.contents as MarkupContent).value;
    };
    // Both files build the same group with different scopes: each site has a keys/mixed-scope finding.
    // The index is built in the background: pull until it has both files.
    const findings = await pollUntil(
      async () => ({ a: await client.pull(owned), b: await client.pull(unowned) }),
      (f) => f.a.some((d) => d.code === 'keys/mixed-scope') && f.b.some((d) => d.code === 'keys/mixed-scope'),
    );
    assert.deepEqual(findings.a.filter((d) => d.code === 'keys/unowned-code'), []);
    const marked = findings.b.filter((d) => d.code === 'keys/unowned-code');
    assert.deepEqual(
      marked.map((d) => [d.range.start.line, d.severity, d.message]),
      [[5, 3, 'extensions/OldUploads/UploadStatus.php is listed without any owner (CODEOWNERS:2): nobody maintains it. Name who looks after its cache keys in CODEOWNERS or the maintainers list.']],
    );
    assert.match(await hoverOf(owned), /\*\*Maintainers:\*\* includes\/filerepo\/FileMeta\.php is maintained by acme\/media-storage, rkowalski \(CODEOWNERS:1\)\./);
    assert.match(await hoverOf(unowned), /\*\*Maintainers:\*\* extensions\/OldUploads\/UploadStatus\.php is listed without any owner \(CODEOWNERS:2\): nobody maintains it\./);
  } finally {
    await client.stop();
  }
});
