import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ZONE_ABBREVIATIONS } from '../../server/src/core/report/timeline/zones.js';
import { INJECTION_PATH, marked, scopesAt, tokenize, tokenizeLine } from '../helpers/textmate.js';

const TIME = 'constant.numeric.timestamp.time.incident-scribe';
const DATE = 'constant.numeric.timestamp.date.incident-scribe';
const DATETIME = 'constant.numeric.timestamp.datetime.incident-scribe';
const ZONE = 'constant.language.timezone.incident-scribe';
const DECLARATION = 'meta.timezone-declaration.incident-scribe';
const MILESTONE = 'keyword.control.milestone.incident-scribe';
const TASK = 'constant.other.task-id.incident-scribe';
const OWNER = 'variable.other.owner.incident-scribe';
const UBN = 'keyword.other.priority.unbreak-now.incident-scribe';

const marks = async (line: string) => marked(await tokenizeLine(line));

test('the grammar is an injection into Markdown that stays out of code', () => {
  const grammar = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));
  assert.equal(grammar.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw');
  const names = JSON.stringify(grammar.repository).match(/"name":\s*"[^"]+"/g) ?? [];
  assert.ok(names.length >= 9);
  for (const n of names) assert.match(n, /\.incident-scribe"$/, n);
});

test('times, with and without seconds and zones', async () => {
  assert.deepEqual(await marks('- 16:39 Reports come in.'), [['16:39', TIME]]);
  assert.deepEqual(await marks('- 9:05:30 restart'), [['9:05:30', TIME]]);
  assert.deepEqual(await marks('- 14:05 PDT deploy'), [['14:05 PDT', TIME]]);
  assert.deepEqual(await marks('at 18:30+02:00 and 18:30Z'), [
    ['18:30+02:00', TIME],
    ['18:30Z', TIME],
  ]);
  assert.deepEqual(scopesAt(await tokenizeLine('- 14:05 PDT deploy'), 'PDT').at(-1), ZONE);
});

test('ISO date-times and dates', async () => {
  assert.deepEqual(await marks('- 2022-09-14T18:30Z alert fires'), [['2022-09-14T18:30Z', DATETIME]]);
  assert.deepEqual(await marks('- 2020-05-21 16:39:05 UTC page'), [['2020-05-21 16:39:05 UTC', DATETIME]]);
  assert.deepEqual(await marks('start: 2020-05-21T00:28:00.000+00:00'), [['2020-05-21T00:28:00.000+00:00', DATETIME]]);
  assert.deepEqual(await marks('• Wed 2020-05-13 The train is blocked'), [['2020-05-13', DATE]]);
  assert.deepEqual(await marks('- May 21 14:05 revert'), [
    ['May 21', DATE],
    ['14:05', TIME],
  ]);
  assert.equal(scopesAt(await tokenizeLine('- 2022-09-14T18:30Z x'), 'Z').at(-1), ZONE);
});

test('zone declarations', async () => {
  assert.deepEqual(await marks('All times in UTC.'), [['All times in UTC', DECLARATION]]);
  assert.deepEqual(await marks('## Timeline (Times UTC)'), [['Times UTC', DECLARATION]]);
  assert.deepEqual(await marks('all times are PDT'), [['all times are PDT', DECLARATION]]);
  assert.equal(scopesAt(await tokenizeLine('All times in UTC.'), 'UTC').at(-1), ZONE);
  assert.deepEqual(await marks('All times are approximate.'), []);
  assert.deepEqual(await marks('All UTC times below.'), [['All UTC times', DECLARATION]]);
  assert.deepEqual(await marks('Time zone: UTC'), [['Time zone: UTC', DECLARATION]]);
  assert.deepEqual(await marks('Timestamps are shown in CEST.'), [['Timestamps are shown in CEST', DECLARATION]]);
  assert.deepEqual(await marks('All times are UTC+2.'), [['All times are UTC+2', DECLARATION]]);
  assert.deepEqual(await marks('Timeline (times in UTC)'), [['times in UTC', DECLARATION]]);
  assert.deepEqual(await marks('all times in utc'), [['all times in utc', DECLARATION]]);
  assert.deepEqual(await marks('All times in cest.'), [], 'other abbreviations only in capitals, as in the core');
});

test('the grammar knows every zone abbreviation the timeline reader knows', () => {
  const grammar = readFileSync(INJECTION_PATH, 'utf8');
  const missing = Object.keys(ZONE_ABBREVIATIONS).filter((zone) => !new RegExp(`[|(:]${zone}[|)]`).test(grammar));
  assert.deepEqual(missing, []);
});

test('milestone markers, task ids, owners and UBN!', async () => {
  assert.deepEqual(await marks('- [start] [Detected] [mitigated] [resolved] [other]'), [
    ['[start]', MILESTONE],
    ['[Detected]', MILESTONE],
    ['[mitigated]', MILESTONE],
    ['[resolved]', MILESTONE],
  ]);
  assert.deepEqual(await marks('Filed as T253405 (see phab:T249964); owner @jdoe, with @ops-team.'), [
    ['T253405', TASK],
    ['phab:T249964', TASK],
    ['@jdoe', OWNER],
    ['@ops-team', OWNER],
  ]);
  assert.deepEqual(await marks('Priority set to UBN! and Unbreak Now!'), [
    ['UBN!', UBN],
    ['Unbreak Now!', UBN],
  ]);
});

test('look-alikes are left alone', async () => {
  assert.deepEqual(await marks('Version 1.35.0-wmf.31 on host:8080, mail ops@example.org'), []);
  assert.deepEqual(await marks('See https://phabricator.wikimedia.org/T253405 and TLS T1x'), []);
  assert.deepEqual(await marks('Ratio 10:30:45:99 and id 2020-05-21-x and 123:45'), []);
  assert.deepEqual(await marks('Start the job; it was detected.'), []);
});

test('inline code and fenced code blocks are not marked', async () => {
  assert.deepEqual(await marks('Run `date -d 16:39` at 16:40'), [['16:40', TIME]]);
  const lines = await tokenize(['```', '16:39 T253405 @jdoe [start]', '```', '16:40'].join('\n'));
  assert.deepEqual(lines.map(marked), [[], [], [], [['16:40', TIME]]]);
});

test('markers inside Markdown keep the Markdown scopes around them', async () => {
  const bold = scopesAt(await tokenizeLine('- **16:39** reports'), '16:39');
  assert.ok(bold.includes('markup.bold.markdown'), bold.join(' '));
  assert.equal(bold.at(-1), TIME);
  const heading = scopesAt(await tokenizeLine('### 2022-09-14'), '2022');
  assert.ok(heading.includes('markup.heading.markdown'));
  assert.equal(heading.at(-1), DATE);
});
