import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { cleanTitle, fillTemplate } from '../../client/src/template.js';

const TEMPLATE = ['---', 'type: incident', 'title: {{title}}', 'status: draft', 'start: {{date}}T00:00Z', '---', '', '# {{ title }}', '', 'Written on {{date}}.', ''].join('\n');

function frontMatter(text: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]);
}

test('title and date are filled in everywhere', () => {
  const text = fillTemplate(TEMPLATE, { title: 'Split brain in thumbnail cache', date: '2020-05-22' });
  assert.match(text, /^# Split brain in thumbnail cache$/m);
  assert.match(text, /^Written on 2020-05-22\.$/m);
  assert.deepEqual(frontMatter(text), { type: 'incident', title: 'Split brain in thumbnail cache', status: 'draft', start: '2020-05-22T00:00Z' });
  assert.doesNotMatch(text, /\{\{/);
});

test('a title that is not a plain YAML scalar is quoted in front matter only', () => {
  for (const title of ['Outage: search', 'No', '"Quoted" #1', 'a # b', '[brackets]']) {
    const text = fillTemplate(TEMPLATE, { title, date: '2020-05-22' });
    assert.equal(frontMatter(text).title, title, title);
    assert.ok(text.includes(`\n# ${title}\n`), title);
  }
});

test('replacement patterns in a title are taken literally', () => {
  const text = fillTemplate(TEMPLATE, { title: "Cost $& and $' and $1", date: '2020-05-22' });
  assert.ok(text.includes("# Cost $& and $' and $1\n"));
});

test('titles are kept on one line', () => {
  assert.equal(cleanTitle('  two\nlines\t here '), 'two lines here');
  const text = fillTemplate(TEMPLATE, { title: 'a\n---\nb', date: '2020-05-22' });
  assert.equal(frontMatter(text).title, 'a --- b');
});

test('a template without {{title}} gets the title on its first heading, or a new one', () => {
  assert.equal(fillTemplate('# Incident title\n\n## Summary\n', { title: 'Disk full', date: '2020-05-22' }), '# Disk full\n\n## Summary\n');
  assert.equal(fillTemplate('## Summary\n', { title: 'Disk full', date: '2020-05-22' }), '# Disk full\n\n## Summary\n');
});

test('CRLF templates come out with LF lines', () => {
  assert.equal(fillTemplate('# {{title}}\r\n\r\nBody\r\n', { title: 'X', date: '2020-05-22' }), '# X\n\nBody\n');
});
