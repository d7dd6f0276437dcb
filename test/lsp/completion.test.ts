/** Completion: section headings, a timeline entry stamped now, milestone markers, task ids. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

/** Opens `text` with `|` marking the cursor; returns the items and the text without the marker. */
async function complete(client: TestClient, name: string, marked: string): Promise<{ items: CompletionItem[]; text: string; uri: string }> {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const uri = client.uri(`incidents/${name}.md`);
  await client.open(uri, text);
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
  return { items, text, uri };
}

test('a line starting with # offers the headings the report still lacks', async () => {
  const client = await TestClient.spawn();
  try {
    const { items, text } = await complete(client, 'headings', DEFECTS + '\n#|\n');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Detection'), labels.join(', '));
    assert.ok(labels.includes('Links to relevant documentation'));
    assert.ok(!labels.includes('Summary') && !labels.includes('Timeline'), 'present sections are not offered again');
    const detection = items.find((i) => i.label === 'Detection')!;
    assert.ok(applyEdits(text, [detection.textEdit as TextEdit]).endsWith('\n## Detection\n'));
  } finally {
    await client.stop();
  }
});

test('in the timeline: an entry stamped with the current UTC time, and milestone markers', async () => {
  const client = await TestClient.spawn();
  try {
    const marked = DEFECTS.replace('- 2026-03-04 09:50 [resolved]', '- |\n- 2026-03-04 09:50 [resolved]');
    const asked = Math.floor(Date.now() / 60000) * 60000;
    const { items, text } = await complete(client, 'stamp', marked);
    const answered = Date.now();
    const stamp = items.find((i) => /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/.test(String(i.label)));
    assert.ok(stamp, items.map((i) => i.label).join(', '));
    const [date, time] = String(stamp.label).split(' ');
    const stamped = Date.parse(`${date}T${time}:00Z`);
    // The minute of the stamp lies between the request and its answer: the current time, in UTC.
    assert.ok(stamped >= asked && stamped <= answered, `the stamp ${String(stamp.label)} is the current UTC date and time (${new Date(answered).toISOString()})`);
    const edited = applyEdits(text, [stamp.textEdit as TextEdit]);
    assert.ok(edited.includes(`\n- ${date} ${time} UTC $0\n- 2026-03-04 09:50 [resolved]`), 'the entry replaces the bullet, as a snippet');

    const markers = await complete(client, 'marker', DEFECTS.replace('09:50 [resolved]', '09:50 [re|'));
    assert.deepEqual(
      markers.items.map((i) => i.label),
      ['[start]', '[detected]', '[mitigated]', '[resolved]'],
    );
    const resolved = markers.items.find((i) => i.label === '[resolved]')!;
    assert.ok(applyEdits(markers.text, [resolved.textEdit as TextEdit]).includes('- 2026-03-04 09:50 [resolved] Error rate back'));

    const outside = await complete(client, 'outside', DEFECTS.replace('## Impact\n\n', '## Impact\n\n- |\n'));
    assert.ok(!outside.items.some((i) => /UTC$/.test(String(i.label))), 'no timeline entry outside the timeline');
  } finally {
    await client.stop();
  }
});

test('task ids already used in the open reports', async () => {
  const client = await TestClient.spawn();
  try {
    await client.open(client.uri('incidents/other.md'), '---\ntype: incident\ntask: T399999\n---\n# Other\n\nSee phab:T398888.\n');
    const { items } = await complete(client, 'tasks', DEFECTS.replace('Owner: @ops-dana', 'Owner: @ops-dana see T39|'));
    // The server lists every known id; the editor filters by what was typed.
    assert.deepEqual(items.map((i) => i.label).sort(), ['T398888', 'T399999', 'T400101']);
    assert.ok(items.every((i) => (i.textEdit as TextEdit).range.start.character === (i.textEdit as TextEdit).range.end.character - 3), 'the typed T39 is replaced');
    const item = items.find((i) => i.label === 'T399999')!;
    assert.match(String(item.detail), /other\.md/);
    const { items: all } = await complete(client, 'tasks2', DEFECTS.replace('Owner: @ops-dana', 'Owner: @ops-dana T|'));
    assert.ok(all.some((i) => i.label === 'T400101'), 'ids of the report itself count too');
  } finally {
    await client.stop();
  }
});
