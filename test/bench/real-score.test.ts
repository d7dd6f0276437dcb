import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  formatScores,
  metricClose,
  scoreDetection,
  scoreReport,
  totals,
  type CliOutput,
  type RepositoryLabels,
} from '../../bench/real-reports/figures.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'real-reports');
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as RepositoryLabels;
const cli = JSON.parse(readFileSync(join(dir, 'cli.json'), 'utf8')) as CliOutput;

function score(index: number, heldOut = false, blind = false, blindSet?: string) {
  const label = labels.reports[index];
  return scoreReport(
    labels.repository,
    label,
    cli.reports.find((r) => r.file === label.path),
    cli.diagnostics.filter((d) => d.file === label.path),
    heldOut,
    blind,
    blindSet,
  );
}

test('a metric is right within max(5 minutes, 10 %) of the label', () => {
  assert.equal(metricClose(20, 25), true);
  assert.equal(metricClose(20, 26), false);
  assert.equal(metricClose(200, 220), true);
  assert.equal(metricClose(200, 221), false);
  assert.equal(metricClose(0, 5), true);
});

test('metrics: right within tolerance, wrong outside it, extra where the label has none', () => {
  const first = score(0);
  // 26 vs 20: wrong (6 > 5); 64 vs 60: right; 180 vs 200: right (20 ≤ 10 % of 200).
  assert.deepEqual(first.metrics, { right: 2, wrong: 1, missed: 0, extra: 0 });
  assert.deepEqual(
    first.metricDetail.map((m) => m.outcome),
    ['wrong', 'right', 'right'],
  );
  const second = score(1);
  assert.deepEqual(second.metrics, { right: 0, wrong: 0, missed: 0, extra: 1 });
});

test('milestones: right by line or by the same instant, wrong, missed, extra', () => {
  // impact start: another line but the same instant → right; detected: line 15 vs 14, 6 min apart
  // → wrong; mitigated: missed; resolved: the label has none → extra.
  const first = score(0);
  assert.deepEqual(first.milestones, { right: 1, wrong: 1, missed: 1, extra: 1 });
  assert.deepEqual(
    first.milestoneDetail.map((m) => [m.name, m.wantLine, m.gotLine, m.outcome]),
    [
      ['impactStart', 12, 5, 'right'],
      ['detected', 14, 15, 'wrong'],
      ['mitigated', 18, null, 'missed'],
      ['resolved', null, 25, 'extra'],
    ],
  );
});

test('findings are judged by rule and line; the rest are not yet judged', () => {
  const first = score(0);
  // Two missing-section findings on line 1: one judged by its message fragment, one by the
  // verdict without a fragment.
  assert.deepEqual(first.findings, { true: 2, false: 2, unjudged: 1 });
  assert.deepEqual(
    first.judged.filter((j) => j.rule === 'report/missing-section').map((j) => j.verdict),
    ['true', 'false'],
  );
  assert.equal(first.missingSectionKnownTemplate, 2);
  // no-owner on line 30 is found on its line; impact/missing is about the whole document, so
  // line 1 finds the problem labelled on line 3; no-task on line 31 is not found.
  assert.deepEqual(first.problems, { labelled: 3, found: 2 });
  // The second report follows no known template: its missing-section finding is not counted.
  assert.equal(score(1).missingSectionKnownTemplate, 0);
});

test('totals and rates over the reports', () => {
  const t = totals([score(0), score(1)]);
  assert.deepEqual(t.metrics, { right: 2, wrong: 1, missed: 0, extra: 1 });
  assert.equal(t.metricsRightRate, 2 / 3);
  assert.equal(t.metricsWrongRate, 1 / 3);
  assert.equal(t.falseFindingRate, 0.5);
  assert.equal(t.findingsPerReport, 3);
  assert.equal(t.knownTemplateReports, 1);
  assert.equal(t.missingSectionKnownTemplate, 2);
  assert.deepEqual(t.problems, { labelled: 3, found: 2 });
});

test('report detection counts reports taken and non-reports taken', () => {
  const d = scoreDetection(labels, cli.reports.map((r) => r.file));
  assert.equal(d.reportsTaken, 2);
  assert.equal(d.reports, 2);
  assert.equal(d.nonReportsTaken, 1);
  assert.deepEqual(d.takenNonReports, ['template.md']);
  const text = formatScores([score(0), score(1)], [d]);
  assert.match(text, /reports taken 2\/2, non-reports taken 1\/2/);
  assert.match(text, /metrics {4}2\/1\/0\/1 {2}\(right 66\.7%, wrong 33\.3% of the 3 a reader can derive\)/);
  assert.match(text, /taken, not a report: template\.md/);
});

test('held-out reports get a total line of their own besides the overall total', () => {
  const without = formatScores([score(0), score(1)], []);
  assert.doesNotMatch(without, /Held-out/);
  const text = formatScores([score(0), score(1, true)], []);
  // The overall total still counts both reports; the held-out line counts only the second.
  assert.match(text, /Total over 2 reports/);
  assert.match(text, /metrics {4}2\/1\/0\/1 {2}\(right 66\.7%/);
  assert.match(
    text,
    /^Held-out total over 1 reports: metrics 0\/0\/0\/1 \(right 0\.0%, wrong 0\.0% of the 0 a reader can derive\) · findings \d+ true, \d+ false, \d+ not yet judged/m,
  );
  assert.equal(score(1, true).heldOut, true);
  assert.equal(score(1).heldOut, false);
});

test('blind reports get a total line of their own, after the held-out one', () => {
  assert.doesNotMatch(formatScores([score(0), score(1, true)], []), /Blind/);
  const text = formatScores([score(0), score(1, true, true)], []);
  assert.match(text, /Total over 2 reports/);
  assert.match(
    text,
    /^Blind total over 1 reports: metrics 0\/0\/0\/1 \(right 0\.0%, wrong 0\.0% of the 0 a reader can derive\) · findings \d+ true, \d+ false, \d+ not yet judged \(.*\) · problems found \d+\/\d+$/m,
  );
  assert.ok(text.indexOf('Held-out total') < text.indexOf('Blind total'));
  assert.equal(score(1, false, true).blind, true);
  assert.equal(score(1).blind, false);
});

test('each blind set gets a total line of its own, in the order of the sets', () => {
  const text = formatScores([score(1, false, true, '2026-11-28b'), score(0, false, true, '2026-11-28')], []);
  assert.match(text, /Total over 2 reports/);
  // The first report (2026-11-28) has metrics 2/1/0/0, the second (2026-11-28b) 0/0/0/1: each
  // set is counted alone, never summed with the other.
  assert.match(
    text,
    /^Blind total \(2026-11-28\) over 1 reports: metrics 2\/1\/0\/0 \(right 66\.7%, wrong 33\.3% of the 3 a reader can derive\) · findings 2 true, 2 false, 1 not yet judged \(50\.0% of judged findings false\) · problems found 2\/3$/m,
  );
  assert.match(
    text,
    /^Blind total \(2026-11-28b\) over 1 reports: metrics 0\/0\/0\/1 \(right 0\.0%, wrong 0\.0% of the 0 a reader can derive\) · findings \d+ true, \d+ false, \d+ not yet judged \(.*\) · problems found \d+\/\d+$/m,
  );
  assert.doesNotMatch(text, /^Blind total over/m);
  assert.ok(text.indexOf('Blind total (2026-11-28)') < text.indexOf('Blind total (2026-11-28b)'));
  assert.equal(score(0, false, true, '2026-11-28').blindSet, '2026-11-28');
  assert.equal(score(0, false, true).blindSet, undefined);
});
