import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('angle-bracket placeholders: title, id, and today in date hints', () => {
  const template = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'report-template.md'), 'utf8');
  const text = fillTemplate(template, { title: 'Split brain: "thumbnails" missing', date: '2020-05-22' });
  const data = frontMatter(text);
  assert.equal(data.title, 'Split brain: "thumbnails" missing');
  assert.equal(data.id, '2020-05-22-split-brain-thumbnails-missing');
  assert.equal(data.status, 'draft');
  assert.match(text, /^# Split brain: "thumbnails" missing$/m);
  assert.doesNotMatch(text, /<(title|id)\b/);
  // The placeholders the writer fills in stay, with today's date in their hints.
  assert.match(String(data.start), /^<start: 2020-05-22THH:MMZ>$/);
  assert.match(text, /^- <start time: 2020-05-22 HH:MM> \[start\]/m);
});

test('single-quoted and inline front matter spots are escaped for their quoting', () => {
  const template = "---\nname: '<title: x>'\nsummary: Report <title> of <date>\n---\n# <title>\n";
  const text = fillTemplate(template, { title: "It's down", date: '2020-05-22' });
  assert.equal(frontMatter(text).name, "It's down");
  assert.equal(frontMatter(text).summary, "Report It's down of <date>");
});

test('every shipped report template fills in to valid front matter with the title', () => {
  const dir = join(import.meta.dirname, '..', '..', 'templates');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const text = fillTemplate(readFileSync(join(dir, file), 'utf8'), { title: 'Disk full: "db1001"', date: '2020-05-22' });
    assert.doesNotMatch(text, /<(title|id)\b|\{\{/, file);
    assert.ok(text.includes('Disk full: "db1001"'), file);
    assert.ok(text.startsWith('---\n'), `${file} starts with front matter`);
    assert.equal(frontMatter(text).title, 'Disk full: "db1001"', file);
  }
});

test('CRLF templates come out with LF lines', () => {
  assert.equal(fillTemplate('# {{title}}\r\n\r\nBody\r\n', { title: 'X', date: '2020-05-22' }), '# X\n\nBody\n');
});
