/**
 * Quick fixes: every action offered for a report with many defects is applied to the text (as
 * an editor would apply its WorkspaceEdit) and the report is checked again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, ROOT, TestClient } from '../helpers/lsp-client.js';

const FIXES = readFileSync(join(ROOT, 'test/fixtures/lsp/fixes.md'), 'utf8');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

function count(diagnostics: Diagnostic[], code: unknown): number {
  return diagnostics.filter((d) => d.code === code).length;
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uri], `${action.title} edits this report only`);
  return changes[uri];
}

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics } });
}

test('every quick fix applied removes a finding of its rule and adds none but placeholders', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/fixes.md');
    await client.open(uri, FIXES);
    const before = await client.pull(uri);
    const actions = await actionsFor(client, uri, before);
    const titles = actions.map((a) => a.title);
    const expectations = ['Insert section "Detection"', 'Add an "Owner:" placeholder', 'Disable report/empty-section on this line', 'Disable report/missing-section on this line'];
    // The out-of-order entry and the impact without a duration have fixes of their rules.
    expectations.push('Sort the timeline', 'Say that the impact lasted about 38 minutes');
    for (const expected of expectations) {
      assert.ok(titles.includes(expected), `offered: ${expected} (got ${titles.join(' | ')})`);
    }
    // Besides the quick fixes, fix-all is offered once (test/lsp/fix-all.test.ts tests it).
    assert.deepEqual(
      actions.filter((a) => a.kind !== 'quickfix' && a.kind !== 'refactor.rewrite').map((a) => [a.kind, a.title]),
      [['source.fixAll.incidentScribe', 'Fix all auto-fixable problems']],
    );
    let text = FIXES;
    // Milestone confirmations are rewrites, not fixes of a finding (test/lsp/milestones.test.ts).
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(quickFixes.length >= expectations.length, titles.join(' | '));
    for (const action of quickFixes) {
      const code = action.diagnostics?.[0]?.code;
      assert.ok(code, `${action.title} names the diagnostic it fixes`);
      const fixed = applyEdits(FIXES, editsFor(action, uri));
      await client.replaceAll(uri, text, fixed);
      text = fixed;
      const after = await client.pull(uri);
      assert.ok(count(after, code) < count(before, code), `${action.title}: fewer ${String(code)} findings`);
      for (const d of after) {
        if (d.code === 'report/placeholder') continue;
        assert.ok(count(after, d.code) <= count(before, d.code), `${action.title} added a ${String(d.code)} finding: ${String(d.message)}`);
      }
    }
  } finally {
    await client.stop();
  }
});

test('a missing section is inserted where the profile puts it, from the template', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/fixes.md');
    await client.open(uri, FIXES);
    const actions = await actionsFor(client, uri, await client.pull(uri));
    const insert = actions.find((a) => a.title === 'Insert section "Detection"')!;
    assert.equal(insert.isPreferred, true);
    const fixed = applyEdits(FIXES, editsFor(insert, uri));
    const headings = fixed.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## Summary', '## Impact', '## Timeline', '## Detection', '## Conclusions', '## Actionables']);
    assert.match(fixed, /## Detection\n\n<detection: [^>]+>\n\n## Conclusions/);
  } finally {
    await client.stop();
  }
});

test('a missing parent section comes with its subsections; google-sre order is followed', async () => {
  const client = await TestClient.spawn({ settings: { profile: 'google-sre' } });
  try {
    const uri = client.uri('incidents/sre.md');
    const text = '# Outage\n\n## Summary\n\nThe cache was cold.\n\n## Impact\n\nFor 5 minutes, 3% of requests failed. No data was lost.\n\n## Timeline\n\n- 10:00 UTC [start] It began.\n';
    await client.open(uri, text);
    const diagnostics = await client.pull(uri);
    const actions = await actionsFor(client, uri, diagnostics);
    const lessons = actions.find((a) => a.title === 'Insert section "Lessons learned"');
    assert.ok(lessons, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(text, editsFor(lessons, uri));
    assert.match(fixed, /## Lessons learned\n\n### What went well\n[\s\S]*### What went wrong\n[\s\S]*### Where we got lucky\n[\s\S]*\n## Timeline/);
    await client.replaceAll(uri, text, fixed);
    const after = await client.pull(uri);
    assert.ok(!after.some((d) => d.code === 'report/missing-section' && /Lessons learned|What went/.test(String(d.message))));
  } finally {
    await client.stop();
  }
});

test('disable comments: above a heading, at the end of a list item', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/fixes.md');
    await client.open(uri, FIXES);
    const actions = await actionsFor(client, uri, await client.pull(uri));
    const heading = actions.find((a) => a.title === 'Disable report/empty-section on this line')!;
    assert.match(applyEdits(FIXES, editsFor(heading, uri)), /<!-- incident-scribe-disable-next-line report\/empty-section -->\n## Summary\n/);
    const item = actions.find((a) => a.title === 'Disable actionables/no-owner on this line')!;
    assert.match(applyEdits(FIXES, editsFor(item, uri)), /T400101 <!-- incident-scribe-disable-line actionables\/no-owner -->\n/);
  } finally {
    await client.stop();
  }
});

test('code actions honour context.only', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/fixes.md');
    await client.open(uri, FIXES);
    const diagnostics = await client.pull(uri);
    // Refactors are the milestone confirmations only; quick fixes are only quick fixes.
    const refactors = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics, only: ['refactor'] } });
    assert.ok(refactors.length > 0 && refactors.every((a) => a.kind === 'refactor.rewrite'), JSON.stringify(refactors.map((a) => a.kind)));
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics, only: ['quickfix'] } });
    assert.ok(fixes.length > 0 && fixes.every((a) => a.kind === 'quickfix'));
    const sources = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics, only: ['source.organizeImports'] } });
    assert.deepEqual(sources, []);
  } finally {
    await client.stop();
  }
});
