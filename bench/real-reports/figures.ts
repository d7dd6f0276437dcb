/**
 * The figures of `npm run bench:real`: hand labels of real reports (see README.md next to this
 * file) against what a build of the CLI says about them. Pure functions over parsed JSON, so that
 * the figure logic is tested on a small fixture without any real report or snapshot.
 */

/** The four milestones, in the order a report tells them. */
export const MILESTONES = ['impactStart', 'detected', 'mitigated', 'resolved'] as const;
export type MilestoneName = (typeof MILESTONES)[number];

/** The three metrics of the CLI's JSON output, in minutes from the impact start. */
export const METRICS = ['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'] as const;
export type MetricName = (typeof METRICS)[number];

/** A milestone as a careful reader places it. */
export interface LabelMilestone {
  line: number | null;
  time: string | null;
  how: 'stated' | 'inferred';
  note?: string;
}

/**
 * The hand judgement of one finding of a build, keyed by rule id and line. Several findings of
 * one rule on one line (a missing section each, a missing milestone each) are told apart by
 * `match`, a fragment of the message; a verdict without `match` covers the others.
 */
export interface Verdict {
  rule: string;
  line: number;
  match?: string;
  verdict: 'true' | 'false';
  reason: string;
}

/** The verdict that judges a finding, if any. */
export function findVerdict(verdicts: readonly Verdict[], rule: string, line: number, message: string): Verdict | undefined {
  const same = verdicts.filter((v) => v.rule === rule && v.line === line);
  return same.find((v) => v.match !== undefined && message.includes(v.match)) ?? same.find((v) => v.match === undefined);
}

/** One report, read and labelled by hand. */
export interface ReportLabel {
  path: string;
  template: string;
  timeZone: string | null;
  milestones: Record<MilestoneName, LabelMilestone | null>;
  metrics: Record<MetricName, number | null>;
  sections: string[];
  problems: { line: number; rule: string | null; note: string }[];
  verdicts: Verdict[];
  note?: string;
}

/** The labels of one repository at one commit. */
export interface RepositoryLabels {
  repository: string;
  commit: string;
  /**
   * Labelled after the checker was tuned, by someone who did not tune it: these reports measure
   * how the checker does on reports nobody tuned it on, and get a total of their own.
   */
  heldOut?: boolean;
  /**
   * The day (YYYY-MM-DD) the labels were committed, before the checker was ever run on these
   * reports: their milestones, metrics, sections and problems were written blind, and they get a
   * total of their own.
   */
  blind?: string;
  files: { path: string; report: boolean; why?: string }[];
  reports: ReportLabel[];
}

/** What the CLI's JSON output says (version 1, with the optional per-report additions). */
export interface CliOutput {
  diagnostics: { file: string; line: number; ruleId: string; message: string; severity: string }[];
  reports: {
    file: string;
    profile?: string;
    metrics: Partial<Record<MetricName, number>>;
    milestones?: Partial<Record<MilestoneName, { time?: string | null; line?: number | null; source?: string } | null>>;
  }[];
}

/** Right / wrong / missed / extra counts; "extra" is a value the build gives where the label has none. */
export interface Tally {
  right: number;
  wrong: number;
  missed: number;
  extra: number;
}

/** One finding of the build with its hand verdict, if any. */
export interface JudgedFinding {
  rule: string;
  line: number;
  message: string;
  verdict: 'true' | 'false' | null;
  reason?: string;
}

/** The score of one report. */
export interface ReportScore {
  repository: string;
  path: string;
  template: string;
  /** From a repository whose labels are held out (see `RepositoryLabels.heldOut`). */
  heldOut: boolean;
  /** From a repository whose labels were written blind (see `RepositoryLabels.blind`). */
  blind: boolean;
  /** Which blind set: the repository's `blind` day, when it has one. Each set gets its own total. */
  blindSet?: string;
  profile?: string;
  metrics: Tally;
  milestones: Tally;
  findings: { true: number; false: number; unjudged: number };
  /** `report/missing-section` findings, counted only on reports that follow a known template. */
  missingSectionKnownTemplate: number;
  /** Labelled problems that a rule covers, and how many of them a finding of that rule on that line names. */
  problems: { labelled: number; found: number };
  judged: JudgedFinding[];
  /** Per metric: label value, build value and outcome, for the detailed listing. */
  metricDetail: { name: MetricName; want: number | null; got: number | null; outcome: keyof Tally | 'none' }[];
  /** Per milestone: the labelled line, the build's line, time and source, and the outcome. */
  milestoneDetail: {
    name: MilestoneName;
    wantLine: number | null;
    gotLine: number | null;
    gotTime: string | null;
    source: string | null;
    outcome: keyof Tally | 'none';
  }[];
  error?: string;
}

/** Report detection of one repository: which Markdown files `check .` took as reports. */
export interface DetectionScore {
  repository: string;
  reports: number;
  reportsTaken: number;
  nonReports: number;
  nonReportsTaken: number;
  missedReports: string[];
  takenNonReports: string[];
}

/** Rules about the whole document: a labelled problem of one of these is found on any line. */
export const DOCUMENT_RULES: ReadonlySet<string> = new Set([
  'impact/missing',
  'report/missing-section',
  'actionables/none',
  'timeline/missing-milestone',
  'detection/no-alerting-actionable',
]);

const zero = (): Tally => ({ right: 0, wrong: 0, missed: 0, extra: 0 });

/** A metric is right within max(5 minutes, 10 %) of the label. */
export function metricClose(want: number, got: number): boolean {
  return Math.abs(want - got) <= Math.max(5, Math.abs(want) * 0.1);
}

/** Epoch milliseconds of an ISO time that carries its offset; null for bare dates or local times. */
function instant(time: string | null | undefined): number | null {
  if (!time || !/T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(time)) return null;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? null : ms;
}

function outcome(want: boolean, got: boolean, right: () => boolean): keyof Tally | 'none' {
  if (!want && !got) return 'none';
  if (want && !got) return 'missed';
  if (!want && got) return 'extra';
  return right() ? 'right' : 'wrong';
}

/**
 * Scores one labelled report against the CLI output for that file (`report` undefined when the
 * build did not take it as a report at all). `heldOut`, `blind` and `blindSet` come from the
 * repository's labels.
 */
export function scoreReport(
  repository: string,
  label: ReportLabel,
  report: CliOutput['reports'][number] | undefined,
  diagnostics: CliOutput['diagnostics'],
  heldOut = false,
  blind = false,
  blindSet?: string,
): ReportScore {
  const metrics = zero();
  const metricDetail: ReportScore['metricDetail'] = [];
  for (const name of METRICS) {
    const want = label.metrics[name];
    const got = report?.metrics[name];
    const result = outcome(want !== null, typeof got === 'number', () => metricClose(want as number, got as number));
    if (result !== 'none') metrics[result]++;
    metricDetail.push({ name, want, got: typeof got === 'number' ? got : null, outcome: result });
  }

  const milestones = zero();
  const milestoneDetail: ReportScore['milestoneDetail'] = [];
  for (const name of MILESTONES) {
    const want = label.milestones[name];
    const got = report?.milestones?.[name];
    const gotSomething = !!got && (got.line != null || got.time != null);
    const result = outcome(!!want, gotSomething, () => {
      if (want!.line !== null && got!.line === want!.line) return true;
      const a = instant(want!.time);
      const b = instant(got!.time ?? null);
      return a !== null && b !== null && Math.abs(a - b) <= 60_000;
    });
    if (result !== 'none') milestones[result]++;
    milestoneDetail.push({
      name,
      wantLine: want?.line ?? null,
      gotLine: got?.line ?? null,
      gotTime: got?.time ?? null,
      source: got?.source ?? null,
      outcome: result,
    });
  }

  const judged: JudgedFinding[] = diagnostics.map((d) => {
    const v = findVerdict(label.verdicts, d.ruleId, d.line, d.message);
    return { rule: d.ruleId, line: d.line, message: d.message, verdict: v ? v.verdict : null, reason: v?.reason };
  });
  const findings = {
    true: judged.filter((j) => j.verdict === 'true').length,
    false: judged.filter((j) => j.verdict === 'false').length,
    unjudged: judged.filter((j) => j.verdict === null).length,
  };
  const knownTemplate = label.template !== 'generic' && label.template !== 'other';
  const missingSectionKnownTemplate = knownTemplate
    ? diagnostics.filter((d) => d.ruleId === 'report/missing-section').length
    : 0;

  const covered = label.problems.filter((p) => p.rule !== null);
  const problems = {
    labelled: covered.length,
    found: covered.filter((p) => diagnostics.some((d) => d.ruleId === p.rule && (d.line === p.line || DOCUMENT_RULES.has(d.ruleId))))
      .length,
  };

  return {
    repository,
    path: label.path,
    template: label.template,
    heldOut,
    blind,
    ...(blindSet === undefined ? {} : { blindSet }),
    profile: report?.profile,
    metrics,
    milestones,
    findings,
    missingSectionKnownTemplate,
    problems,
    judged,
    metricDetail,
    milestoneDetail,
  };
}

/** Compares the files `check .` took as reports with the labelled list of Markdown files. */
export function scoreDetection(labels: RepositoryLabels, taken: readonly string[]): DetectionScore {
  const takenSet = new Set(taken);
  const reports = labels.files.filter((f) => f.report);
  const nonReports = labels.files.filter((f) => !f.report);
  return {
    repository: labels.repository,
    reports: reports.length,
    reportsTaken: reports.filter((f) => takenSet.has(f.path)).length,
    nonReports: nonReports.length,
    nonReportsTaken: nonReports.filter((f) => takenSet.has(f.path)).length,
    missedReports: reports.filter((f) => !takenSet.has(f.path)).map((f) => f.path),
    takenNonReports: nonReports.filter((f) => takenSet.has(f.path)).map((f) => f.path),
  };
}

/** Sums of the per-report scores, and the rates the issue's targets are stated in. */
export interface Totals {
  reports: number;
  metrics: Tally;
  milestones: Tally;
  findings: { true: number; false: number; unjudged: number };
  missingSectionKnownTemplate: number;
  knownTemplateReports: number;
  problems: { labelled: number; found: number };
  /** Share of the metrics a reader can derive that the build gets right / wrong. */
  metricsRightRate: number;
  metricsWrongRate: number;
  /** Share of judged findings that are false. */
  falseFindingRate: number;
  findingsPerReport: number;
}

export function totals(scores: readonly ReportScore[]): Totals {
  const add = (a: Tally, b: Tally): Tally => ({
    right: a.right + b.right,
    wrong: a.wrong + b.wrong,
    missed: a.missed + b.missed,
    extra: a.extra + b.extra,
  });
  const metrics = scores.reduce((t, s) => add(t, s.metrics), zero());
  const milestones = scores.reduce((t, s) => add(t, s.milestones), zero());
  const findings = scores.reduce(
    (t, s) => ({ true: t.true + s.findings.true, false: t.false + s.findings.false, unjudged: t.unjudged + s.findings.unjudged }),
    { true: 0, false: 0, unjudged: 0 },
  );
  const derivable = metrics.right + metrics.wrong + metrics.missed;
  const judged = findings.true + findings.false;
  return {
    reports: scores.length,
    metrics,
    milestones,
    findings,
    missingSectionKnownTemplate: scores.reduce((n, s) => n + s.missingSectionKnownTemplate, 0),
    knownTemplateReports: scores.filter((s) => s.template !== 'generic' && s.template !== 'other').length,
    problems: scores.reduce((p, s) => ({ labelled: p.labelled + s.problems.labelled, found: p.found + s.problems.found }), { labelled: 0, found: 0 }),
    metricsRightRate: derivable === 0 ? 0 : metrics.right / derivable,
    metricsWrongRate: derivable === 0 ? 0 : metrics.wrong / derivable,
    falseFindingRate: judged === 0 ? 0 : findings.false / judged,
    findingsPerReport: scores.length === 0 ? 0 : (findings.true + findings.false + findings.unjudged) / scores.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const tally = (t: Tally) => `${t.right}/${t.wrong}/${t.missed}/${t.extra}`;

/** The printed table: one line per report, then the totals and report detection per repository. */
export function formatScores(scores: readonly ReportScore[], detection: readonly DetectionScore[]): string {
  const lines: string[] = [];
  lines.push('metrics and milestones: right/wrong/missed/extra · findings: true/false/not yet judged');
  lines.push('');
  for (const s of scores) {
    const name = `${s.repository}:${s.path}`;
    if (s.error) {
      lines.push(`${name}\n    error: ${s.error}`);
      continue;
    }
    const f = s.findings;
    const missing = s.missingSectionKnownTemplate > 0 ? ` · missing-section on ${s.template}: ${s.missingSectionKnownTemplate}` : '';
    const profile = s.profile ? ` · profile ${s.profile}` : '';
    lines.push(`${name}`);
    lines.push(`    metrics ${tally(s.metrics)} · milestones ${tally(s.milestones)} · findings ${f.true}/${f.false}/${f.unjudged}${missing}${profile}`);
  }
  const t = totals(scores);
  lines.push('');
  lines.push(`Total over ${t.reports} reports`);
  lines.push(`  metrics    ${tally(t.metrics)}  (right ${pct(t.metricsRightRate)}, wrong ${pct(t.metricsWrongRate)} of the ${t.metrics.right + t.metrics.wrong + t.metrics.missed} a reader can derive)`);
  lines.push(`  milestones ${tally(t.milestones)}`);
  lines.push(`  findings   ${t.findings.true} true, ${t.findings.false} false, ${t.findings.unjudged} not yet judged (${pct(t.falseFindingRate)} of judged findings false; ${t.findingsPerReport.toFixed(1)} per report)`);
  lines.push(`  missing-section findings on the ${t.knownTemplateReports} reports that follow a known template: ${t.missingSectionKnownTemplate}`);
  lines.push(`  labelled problems a rule covers, found by that rule: ${t.problems.found}/${t.problems.labelled}`);
  const held = scores.filter((s) => s.heldOut && !s.error);
  if (held.length > 0) {
    const h = totals(held);
    lines.push('');
    lines.push(
      `Held-out total over ${h.reports} reports: metrics ${tally(h.metrics)} (right ${pct(h.metricsRightRate)}, wrong ${pct(h.metricsWrongRate)} of the ${h.metrics.right + h.metrics.wrong + h.metrics.missed} a reader can derive) · findings ${h.findings.true} true, ${h.findings.false} false, ${h.findings.unjudged} not yet judged (${pct(h.falseFindingRate)} of judged findings false)`,
    );
  }
  // One line per blind set: a set stops being unseen once readers are fixed against it, so the
  // sets are never added together.
  const blind = scores.filter((s) => s.blind && !s.error);
  const sets = [...new Set(blind.map((s) => s.blindSet))].sort((x, y) => (x ?? '').localeCompare(y ?? ''));
  for (const set of sets) {
    const b = totals(blind.filter((s) => s.blindSet === set));
    lines.push(
      `Blind total${set === undefined ? '' : ` (${set})`} over ${b.reports} reports: metrics ${tally(b.metrics)} (right ${pct(b.metricsRightRate)}, wrong ${pct(b.metricsWrongRate)} of the ${b.metrics.right + b.metrics.wrong + b.metrics.missed} a reader can derive) · findings ${b.findings.true} true, ${b.findings.false} false, ${b.findings.unjudged} not yet judged (${pct(b.falseFindingRate)} of judged findings false) · problems found ${b.problems.found}/${b.problems.labelled}`,
    );
  }
  if (detection.length > 0) {
    lines.push('');
    lines.push('Report detection (check . at each repository root)');
    for (const d of detection) {
      lines.push(`  ${d.repository}: reports taken ${d.reportsTaken}/${d.reports}, non-reports taken ${d.nonReportsTaken}/${d.nonReports}`);
      for (const p of d.takenNonReports) lines.push(`      taken, not a report: ${p}`);
    }
    const r = detection.reduce((n, d) => n + d.reports, 0);
    const rt = detection.reduce((n, d) => n + d.reportsTaken, 0);
    const n = detection.reduce((x, d) => x + d.nonReports, 0);
    const nt = detection.reduce((x, d) => x + d.nonReportsTaken, 0);
    lines.push(`  all: reports taken ${rt}/${r} (${pct(r === 0 ? 0 : rt / r)}), non-reports taken ${nt}/${n}`);
  }
  return lines.join('\n') + '\n';
}
