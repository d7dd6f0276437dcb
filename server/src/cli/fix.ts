/**
 * `check --fix` and `check --fix-dry-run`: every safe fix (a rule whose metadata says
 * `fixable: 'auto'`) applied to each file, pass after pass until none is left; then either each
 * changed file written atomically, or a unified diff printed.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ResolvedConfig } from '../core/config/config.js';
import { fixText, type AppliedFix, type FixOutcome } from '../core/fix/apply.js';
import { unifiedDiff } from '../core/fix/diff.js';
import { fixReport, hasAutomaticFix, isSafeFix, type ReportFixContext } from '../core/fix/report.js';
import { analyzePhp, checkPhpFile } from '../core/keys/check.js';
import type { KeyIndex } from '../core/keys/key-index.js';
import type { Finding } from '../core/types.js';
import { loadPhpParser } from '../node/php-wasm.js';
import { decodeText } from '../node/read.js';
import { toPosix } from '../node/walk.js';
import { writeFileAtomic } from '../node/write-file.js';

/** One file a fix changes. */
export interface FixedFile {
  file: string;
  /** The bytes as read, to refuse writing over a file that changed meanwhile. */
  original: Buffer;
  before: string;
  after: string;
  applied: AppliedFix[];
  /** A byte order mark the file starts with, kept on write. */
  bom: boolean;
}

/** What the fixes need from the check that came before. */
export interface FixInput {
  reports: string[];
  php: string[];
  findings: readonly Finding[];
  config: ResolvedConfig;
  /** What one report's fixes need: its configuration (overrides applied), parser and template. */
  contextFor(file: string): ReportFixContext;
  /** The key index the PHP check built; fixed PHP files are re-indexed into it. */
  keyIndex?: KeyIndex;
  problem(file: string, message: string): void;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function read(file: string, problem: FixInput['problem']): { bytes: Buffer; text: string; bom: boolean } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    problem(file, `not fixed: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return undefined;
  }
  const decoded = decodeText(bytes);
  // A file that is not UTF-8 is left alone: writing it back as UTF-8 would change every other byte.
  if (!decoded.ok) return undefined;
  return { bytes, text: decoded.text, bom: bytes.subarray(0, 3).equals(BOM) };
}

/** Computes the fixed text of every file that has a safe fix; writes nothing. */
export async function computeFixes(input: FixInput): Promise<{ files: FixedFile[]; remaining: Finding[] }> {
  const withFixes = new Set(input.findings.filter(hasAutomaticFix).map((f) => f.file));
  const files: FixedFile[] = [];
  const remaining = input.findings.filter((f) => !withFixes.has(f.file));
  const collect = (file: string, source: { bytes: Buffer; text: string; bom: boolean }, outcome: FixOutcome) => {
    remaining.push(...outcome.remaining);
    if (outcome.text !== source.text) files.push({ file, original: source.bytes, before: source.text, after: outcome.text, applied: outcome.applied, bom: source.bom });
  };
  for (const file of input.reports.filter((f) => withFixes.has(f))) {
    const source = read(file, input.problem);
    if (!source) continue;
    collect(file, source, fixReport(file, source.text, input.contextFor(file)));
  }
  const php = input.php.filter((f) => withFixes.has(f));
  if (php.length > 0 && input.keyIndex) {
    const parser = await loadPhpParser();
    const index = input.keyIndex;
    for (const file of php) {
      const source = read(file, input.problem);
      if (!source) continue;
      const outcome = fixText(source.text, (text) => {
        index.setFile(analyzePhp(parser, file, text, input.config.keys));
        const findings = checkPhpFile(index, file, input.config);
        return { findings, fixes: findings.filter((f) => isSafeFix(f.ruleId)).flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix }))) };
      });
      collect(file, source, outcome);
    }
  }
  return { files, remaining };
}

/**
 * Writes each fixed file atomically, unless it changed on disk since it was read (then it is
 * named as a problem and left as it is). Returns the files written.
 */
export async function writeFixes(files: readonly FixedFile[], problem: FixInput['problem']): Promise<FixedFile[]> {
  const written: FixedFile[] = [];
  for (const f of files) {
    let now: Buffer | undefined;
    try {
      now = readFileSync(f.file);
    } catch {
      now = undefined;
    }
    if (!now || !now.equals(f.original)) {
      problem(f.file, 'not fixed: the file changed while it was being checked; run the check again');
      continue;
    }
    try {
      await writeFileAtomic(f.file, f.bom ? Buffer.concat([BOM, Buffer.from(f.after, 'utf8')]) : f.after, { overwrite: true });
      written.push(f);
    } catch (error) {
      problem(f.file, `not fixed: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return written;
}

/** `Fixed incidents/x.md (2 fixes):`, then one line per fix: `  report/missing-section  Insert section "Detection"`. */
export function describeFixes(cwd: string, files: readonly FixedFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(`Fixed ${toPosix(relative(cwd, f.file) || f.file)} (${f.applied.length} ${f.applied.length === 1 ? 'fix' : 'fixes'}):`);
    for (const a of f.applied) out.push(`  ${a.ruleId}  ${a.title}`);
  }
  return out.length > 0 ? out.join('\n') + '\n' : 'Nothing to fix automatically.\n';
}

/** The unified diff of every fixed file, paths relative to `cwd`. */
export function diffFixes(cwd: string, files: readonly FixedFile[]): string {
  return files.map((f) => unifiedDiff(toPosix(relative(cwd, f.file) || f.file), f.before, f.after)).join('');
}
