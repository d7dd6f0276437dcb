/**
 * Runs the built command line (`dist/cli.js`, built by `npm test` before the tests) in a child
 * process, the way users and CI run it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

export const REPO = join(import.meta.dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cacheHome: string | undefined;
/** A user cache folder for the runs of this test file, so that tests never write to the real one. */
function testCacheHome(): string {
  if (!cacheHome) {
    const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-cache-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    cacheHome = dir;
  }
  return cacheHome;
}

/**
 * Runs `incident-scribe ARGS` in `cwd`, with colors neither forced nor forbidden unless `env` says
 * so, and the user cache folder (XDG_CACHE_HOME) in a temporary folder unless `env` names one.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; cli?: string } = {}): Promise<CliResult> {
  const cli = options.cli ?? CLI;
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first (npm test does)`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: testCacheHome(), ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd ?? REPO, env: env as NodeJS.ProcessEnv });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** A temporary directory with `files` (path → text or bytes), removed after the test file. */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A short report that lacks most sections, so the default rules always find something. */
export const SMALL_REPORT = '# Cache outage\n\n## Summary\n\nThe cache cluster was down.\n\n## Timeline\n\n- 10:00 Alerts fire.\n';

/** The JSON output of a run, parsed. */
export interface JsonOutput {
  version: number;
  diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; ruleId: string; message: string; fixable: boolean }[];
  reports: { file: string; metrics: Record<string, number | string[]>; milestones?: Record<string, unknown> }[];
}
