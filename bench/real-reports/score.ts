/**
 * `npm run bench:real`: scores the built CLI (`dist/cli.js`) against the hand labels of real
 * postmortems in `labels/`. Each labelled repository is read from a bare git snapshot under
 * `INCIDENT_SCRIBE_REAL_DIR` (default `/work/.mirror`), named `<owner>+<repo>` (the git dir itself,
 * a `repo` folder inside it, or the `.git` of a `repo` work tree). Its Markdown files are written,
 * at the labelled commit and under their own paths, to a temporary folder; the CLI checks each
 * labelled report on its own and then `check .` at the root. Repositories without a snapshot are skipped with a message.
 *
 *   npm run bench:real                     the table and totals
 *   npm run bench:real -- --list           also every finding with its verdict and each metric
 *   npm run bench:real -- --unjudged       also the findings that have no verdict yet
 *   npm run bench:real -- --json OUT.json  also the scores as JSON
 *   npm run bench:real -- dfds             only the repositories whose name contains "dfds"
 *
 * `INCIDENT_SCRIBE_CLI=…/dist/cli.js` scores another build (an older commit, for the figures before
 * a change) against the same labels.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  formatScores,
  scoreDetection,
  scoreReport,
  type CliOutput,
  type DetectionScore,
  type ReportScore,
  type RepositoryLabels,
} from './figures.js';

const here = import.meta.dirname;
const root = resolve(here, '..', '..');
const cli = process.env.INCIDENT_SCRIBE_CLI ? resolve(process.env.INCIDENT_SCRIBE_CLI) : join(root, 'dist', 'cli.js');
const realDir = process.env.INCIDENT_SCRIBE_REAL_DIR || '/work/.mirror';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const jsonIndex = args.indexOf('--json');
const jsonOut = jsonIndex === -1 ? undefined : args[jsonIndex + 1];
const filters = args.filter((a, i) => !a.startsWith('--') && (jsonIndex === -1 || i !== jsonIndex + 1));

/** The bare git dir of a repository's snapshot, or undefined. */
function snapshot(repository: string): string | undefined {
  const base = join(realDir, repository.replace('/', '+'));
  for (const candidate of [join(base, 'repo'), join(base, 'repo', '.git'), base]) {
    if (existsSync(join(candidate, 'HEAD')) && existsSync(join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

function git(gitDir: string, ...rest: string[]): Buffer {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...rest], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI in `cwd`; exit codes 0 and 1 both carry a full JSON answer. */
function runCli(cwd: string, paths: string[]): CliOutput {
  const result = spawnSync(process.execPath, [cli, 'check', ...paths, '--format', 'json', '--no-color'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`exit ${result.status ?? result.signal}: ${(result.stderr || '').trim().split('\n')[0]}`);
  }
  return JSON.parse(result.stdout) as CliOutput;
}

if (!existsSync(cli)) {
  console.error(`bench:real: ${cli} is missing; run npm run build first`);
  process.exit(2);
}

const labelFiles = readdirSync(join(here, 'labels'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const scores: ReportScore[] = [];
const detection: DetectionScore[] = [];
const skipped: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'incident-scribe-real-'));

try {
  for (const file of labelFiles) {
    const labels = JSON.parse(readFileSync(join(here, 'labels', file), 'utf8')) as RepositoryLabels;
    if (filters.length > 0 && !filters.some((f) => labels.repository.includes(f))) continue;
    const gitDir = snapshot(labels.repository);
    if (!gitDir) {
      skipped.push(`${labels.repository}: no snapshot under ${realDir} (see bench/real-reports/README.md)`);
      continue;
    }
    try {
      git(gitDir, 'cat-file', '-e', `${labels.commit}^{commit}`);
    } catch {
      skipped.push(`${labels.repository}: the snapshot in ${gitDir} lacks commit ${labels.commit}`);
      continue;
    }
    const repoRoot = join(work, labels.repository.replace('/', '--'));
    for (const f of labels.files) {
      const target = join(repoRoot, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, git(gitDir, 'show', `${labels.commit}:${f.path}`));
    }
    for (const report of labels.reports) {
      try {
        const output = runCli(repoRoot, [report.path]);
        const diagnostics = output.diagnostics.filter((d) => d.file === report.path);
        const built = output.reports.find((r) => r.file === report.path);
        scores.push(scoreReport(labels.repository, report, built, diagnostics, labels.heldOut === true, labels.blind !== undefined, labels.blind));
      } catch (error) {
        const failed = scoreReport(labels.repository, report, undefined, [], labels.heldOut === true, labels.blind !== undefined, labels.blind);
        failed.error = (error as Error).message;
        scores.push(failed);
      }
    }
    try {
      const output = runCli(repoRoot, ['.']);
      detection.push(scoreDetection(labels, output.reports.map((r) => r.file)));
    } catch (error) {
      skipped.push(`${labels.repository}: check . failed: ${(error as Error).message}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const line of skipped) console.log(`skipped ${line}`);
if (scores.length === 0) {
  console.log('bench:real: no labelled repository is present locally; nothing to score');
  process.exit(0);
}
console.log(formatScores(scores, detection));

if (flag('--list') || flag('--unjudged')) {
  for (const s of scores) {
    const shown = s.judged.filter((j) => flag('--list') || j.verdict === null);
    if (shown.length === 0 && !flag('--list')) continue;
    console.log(`\n${s.repository}:${s.path}`);
    if (flag('--list')) {
      for (const m of s.metricDetail) console.log(`  metric ${m.name}: label ${m.want ?? '-'}, build ${m.got ?? '-'} → ${m.outcome}`);
      for (const m of s.milestoneDetail) {
        const got = m.gotLine === null && m.gotTime === null ? '-' : `line ${m.gotLine ?? '?'} ${m.gotTime ?? ''} (${m.source ?? '?'})`;
        console.log(`  milestone ${m.name}: label line ${m.wantLine ?? '-'}, build ${got} → ${m.outcome}`);
      }
    }
    for (const j of shown) {
      console.log(`  ${j.verdict ?? '?'}\t${j.rule}\t${j.line}\t${j.message}${j.reason ? `  [${j.reason}]` : ''}`);
    }
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ scores, detection }, null, 2) + '\n');
