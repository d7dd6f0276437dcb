import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, parseConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { readReferences } from '../../server/src/core/report/actionable-refs.js';
import { tableColumns } from '../../server/src/core/report/actionable-table.js';
import { buildReport } from '../../server/src/core/report/model.js';
import type { Range } from '../../server/src/core/types.js';
import { RULE_IDS } from '../../server/src/core/rules/index.js';

const parser = new MarkdownParser();

function read(body: string, config = defaultConfig()) {
  const text = `# Upload failures\n\n${body}`;
  const report = buildReport('r.md', text, parser, config);
  return { text, report, items: report.actionables.items };
}

/** The source text a range covers. */
function slice(text: string, range: Range | undefined): string {
  assert.ok(range, 'range expected');
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

test('list items: text, exact range, tasks, owner and tags', () => {
  const { text, report, items } = read(
    [
      '## Actionables',
      '',
      'Each item links to its task.',
      '',
      '- Alert on the rate of missing thumbnails (T253405, owner: Dana Reyes) #Wikimedia-Incident-Prevention',
      '- Review key scope in FileRepo [[phab:T240281]] @aaron',
      '- Port the fix to the old branch, see phab:T12 and #4521',
      '- Track the cache change in OPS-812 <https://example.org/tracker/812>',
      '- Write down who maintains UploadWizard',
      '',
    ].join('\n'),
  );
  assert.equal(report.actionables.section?.title, 'Actionables');
  assert.equal(items.length, 5);
  assert.equal(items[0].text, 'Alert on the rate of missing thumbnails (T253405, owner: Dana Reyes) #Wikimedia-Incident-Prevention');
  assert.equal(slice(text, items[0].range), '- Alert on the rate of missing thumbnails (T253405, owner: Dana Reyes) #Wikimedia-Incident-Prevention');
  assert.deepEqual(items[0].tasks, ['T253405']);
  assert.equal(items[0].owner, 'Dana Reyes');
  assert.deepEqual(items[0].tags, ['Wikimedia-Incident-Prevention']);
  assert.deepEqual(items[1].tasks, ['T240281']);
  assert.equal(items[1].owner, '@aaron');
  assert.deepEqual(items[2].tasks, ['T12', '#4521']);
  assert.deepEqual(items[2].tags, [], '#4521 is an issue number, not a tag');
  assert.deepEqual(items[3].tasks, ['https://example.org/tracker/812', 'OPS-812']);
  assert.deepEqual(items[4], { text: 'Write down who maintains UploadWizard', range: items[4].range, tasks: [], owner: undefined, tags: [], source: 'list', textRange: items[4].textRange });
  assert.equal(slice(text, items[4].textRange), 'Write down who maintains UploadWizard');
  assert.equal(items[0].done, undefined);
});

test('task-list items are done when checked; a nested plain list is part of its item', () => {
  const { text, items } = read(
    [
      '## Action items',
      '',
      '- [x] Roll back the coalesceKeys change on Commons T252564',
      '- [ ] Add a probe that fetches a fresh upload from another wiki',
      '  - Owner: Kim',
      '  - Task: https://phabricator.example.org/T253999',
      '',
    ].join('\n'),
  );
  assert.equal(items.length, 2);
  assert.equal(items[0].done, true);
  assert.equal(items[1].done, false);
  assert.equal(items[1].owner, 'Kim');
  assert.deepEqual(items[1].tasks, ['https://phabricator.example.org/T253999']);
  assert.equal(items[1].range.end.line, items[1].range.start.line + 2, 'the details belong to the item');
  assert.equal(slice(text, items[0].textRange), 'Roll back the coalesceKeys change on Commons T252564');
});

test('a nested task list holds items of its own that take the parent owner and tags, not its tasks', () => {
  const { text, items } = read(
    [
      '## Follow-ups',
      '',
      '- Alerting for uploads (T100200, @sre-team, #SRE)',
      '  - [ ] Alert on 404s for fresh files T100201',
      '  - [x] Dashboard of upload errors (owner: Lee)',
      '- [ ] Decide who maintains FileRepo T100300',
      '  - [ ] Ask in the architecture meeting',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    items.map((i) => [i.text, i.owner, i.tasks, i.tags, i.done]),
    [
      ['Alert on 404s for fresh files T100201', '@sre-team', ['T100201'], ['SRE'], false],
      ['Dashboard of upload errors (owner: Lee)', 'Lee', [], ['SRE'], true],
      ['Decide who maintains FileRepo T100300', undefined, ['T100300'], [], false],
      ['Ask in the architecture meeting', undefined, [], [], false],
    ],
  );
  assert.equal(slice(text, items[2].range), '- [ ] Decide who maintains FileRepo T100300', 'the parent range stops before its nested items');
  assert.equal(slice(text, items[2].textRange), 'Decide who maintains FileRepo T100300', 'the words start after the checkbox');
});

test('table rows: task, owner, description, tags and status columns by header name', () => {
  const { text, items } = read(
    [
      '## Actionables',
      '',
      '| Task | Description | Owner | Tags | Status |',
      '|------|-------------|-------|------|--------|',
      '| T42 | Alert on upload errors | Priya | #SRE, Wikimedia-Incident-Prevention | Done |',
      '| [T253410](https://phabricator.example.org/T253410) | Document global cache keys |  | | open |',
      '| | Think about QA for uploads | none | | |',
      '|  |  |  |  |  |',
      '',
    ].join('\n'),
  );
  assert.equal(items.length, 3, 'an empty row is not an item');
  assert.deepEqual(items[0].tasks, ['T42']);
  assert.equal(items[0].text, 'Alert on upload errors');
  assert.equal(items[0].owner, 'Priya');
  assert.deepEqual(items[0].tags, ['SRE', 'Wikimedia-Incident-Prevention']);
  assert.equal(items[0].done, true);
  assert.equal(slice(text, items[0].textRange), 'Alert on upload errors');
  assert.equal(slice(text, items[0].range), '| T42 | Alert on upload errors | Priya | #SRE, Wikimedia-Incident-Prevention | Done |');
  assert.deepEqual(items[1].tasks, ['https://phabricator.example.org/T253410', 'T253410']);
  assert.equal(items[1].owner, undefined);
  assert.equal(items[1].done, false);
  assert.equal(slice(text, items[1].ownerCellRange).trim(), '|');
  assert.equal(items[2].owner, undefined, '"none" says there is no owner');
  assert.equal(items[2].source, 'table');
});

test('table columns: the first unclaimed column holds the text when no header says description', () => {
  assert.deepEqual(tableColumns(['Action item', 'Owner', 'Phabricator task']), { text: 0, owner: 1, task: 2 });
  assert.deepEqual(tableColumns(['Ticket', 'Change', 'Who']), { task: 0, owner: 2, text: 1 });
  assert.deepEqual(tableColumns(['Task', 'Owner']), { task: 0, owner: 1, text: 0 });
  assert.deepEqual(tableColumns(['Priority', 'Task', 'Team']), { task: 1, owner: 2, text: 1 }, 'a priority is never the words');
  assert.deepEqual(tableColumns(['**Owner(s)**', 'Due', 'Change']), { owner: 0, text: 2 });
});

test('subsections, synonyms and custom profiles are followed; paragraphs and "None" are not items', () => {
  const nested = read('## Remediation\n\n### Short term\n\n- Raise the cache TTL T253500 @kim\n\n### Long term\n\n- None\n');
  assert.deepEqual(
    nested.items.map((i) => i.text),
    ['Raise the cache TTL T253500 @kim'],
  );
  const none = read('## Actionables\n\nNothing came out of this one.\n\n- N/A\n- [ ]\n');
  assert.ok(none.report.actionables.section);
  assert.equal(none.items.length, 0);
  const missing = read('## Summary\n\n- Not an actionable T123456\n');
  assert.equal(missing.report.actionables.section, undefined);
  assert.equal(missing.items.length, 0);
  const { config, errors } = parseConfig(
    JSON.stringify({ profile: 'team', profiles: { team: { sections: [{ title: 'Next steps', kind: 'actionables' }] } } }),
    'c.json',
    RULE_IDS,
  );
  assert.deepEqual(errors, []);
  const custom = read('## Next steps\n\n- Add an alert T123456 @kim\n', config);
  assert.equal(custom.items.length, 1);
});

test('references: look-alikes are not tasks, owners or tags', () => {
  const refs = readReferences('Mail ops@example.org about UTF-8 and SHA-256 in 1.35.0-wmf.31, see [docs](#anchor) and &#123; T12');
  assert.deepEqual(refs, { tasks: [], owner: undefined, tags: [] });
  assert.deepEqual(readReferences('**Owner:** Dana. Also ask @lee').owner, 'Dana');
  assert.deepEqual(readReferences('Owner: TBD').owner, 'TBD', 'a placeholder owner is left to report/placeholder');
  assert.deepEqual(readReferences('Owner: <name>').owner, '<name>');
  assert.deepEqual(readReferences('Owner: none').owner, undefined);
  assert.deepEqual(readReferences('assigned to Kim').owner, 'Kim');
  assert.deepEqual(readReferences('See T123456#6789 and https://x.example/y#7.').tasks, ['https://x.example/y#7', 'T123456']);
  assert.deepEqual(readReferences('<!-- Owner: nobody yet --> CORE-7').tasks, ['CORE-7']);
});
