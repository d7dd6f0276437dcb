import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMetrics, formatMinutes, frontMatterIsIncident, frontMatterStatus, statusBarText } from '../../client/src/presentation.js';

test('front matter status is read, quoted or not, with a comment after it', () => {
  assert.equal(frontMatterStatus('---\ntype: incident\nstatus: review # waiting for SRE\n---\n# X'), 'review');
  assert.equal(frontMatterStatus("---\r\nstatus: 'final'\r\n---\r\n"), 'final');
  assert.equal(frontMatterStatus('---\nstatus:\n---\n'), undefined);
});

test('status outside front matter does not count', () => {
  assert.equal(frontMatterStatus('# X\n\nstatus: final\n'), undefined);
  assert.equal(frontMatterStatus('---\ntitle: x\n---\nstatus: final\n'), undefined);
  assert.equal(frontMatterStatus('---\nstatus: final\n'), undefined, 'an unclosed block is not front matter');
});

test('type: incident marks a report', () => {
  assert.ok(frontMatterIsIncident('---\ntype: incident\n---\n'));
  assert.ok(!frontMatterIsIncident('---\ntype: incidental\n---\n'));
  assert.ok(!frontMatterIsIncident('type: incident\n'));
});

test('status bar text names the status and counts findings by severity', () => {
  assert.equal(statusBarText('draft', { errors: 0, warnings: 0, infos: 0 }), '$(checklist) draft · no findings');
  assert.equal(statusBarText(undefined, { errors: 1, warnings: 2, infos: 1 }), '$(checklist) no status · 1 error, 2 warnings, 1 note');
});

test('minutes read as hours and days when long', () => {
  assert.equal(formatMinutes(0), '0 min');
  assert.equal(formatMinutes(40), '40 min');
  assert.equal(formatMinutes(60), '1 h');
  assert.equal(formatMinutes(95), '1 h 35 min');
  assert.equal(formatMinutes(1500), '1 d 1 h');
  assert.equal(formatMinutes(-5), '-5 min');
  assert.equal(formatMinutes(undefined), 'unknown');
});

test('metrics message names each metric, unknown ones too, and every count', () => {
  const { message, detail } = formatMetrics({
    title: 'Split brain',
    status: 'final',
    metrics: { timeToDetectMinutes: 968, timeToResolveMinutes: 1260 },
    counts: { timelineEntries: 14, actionables: 3, ignored: { nested: true } },
  });
  assert.equal(message, 'Split brain (final): detect 16 h 8 min, mitigate unknown, resolve 21 h');
  assert.deepEqual(detail.split('\n'), ['Time to detect: 16 h 8 min', 'Time to mitigate: unknown', 'Time to resolve: 21 h', 'Timeline entries: 14', 'Actionables: 3']);
});

test('severity counts read as one findings line', () => {
  const { detail } = formatMetrics({ metrics: {}, counts: { error: 1, warning: 2, info: 0, hint: 1 } });
  assert.equal(detail.split('\n')[3], 'Findings: 1 error, 2 warnings, 1 hint');
  assert.equal(formatMetrics({ counts: { error: 0, warning: 0 } }).detail.split('\n')[3], 'Findings: none');
});

test('an empty answer still gives a readable message', () => {
  assert.equal(formatMetrics({}).message, 'Untitled report (no status): detect unknown, mitigate unknown, resolve unknown');
});
