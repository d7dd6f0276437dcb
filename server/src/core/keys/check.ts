/**
 * Checking PHP files for cache key misuse: parse and extract one file into the index
 * (analyze.ts), then run the key rules on a file against the whole index.
 */
import type { ResolvedConfig } from '../config/config.js';
import { KEY_RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import type { CancellationToken, Finding } from '../types.js';
import type { KeyIndex } from './key-index.js';
import { isTestFile } from './test-code.js';

export { analyzeDocument, analyzePhp } from './analyze.js';

/**
 * Runs the enabled key rules on one indexed file. Findings keep the core `Finding` shape; a rule
 * that throws becomes a finding of its own, and suppression comments in the file are honoured.
 * Test code (`keys.testFiles`) gets no finding.
 */
export function checkPhpFile(index: KeyIndex, file: string, config: ResolvedConfig, token?: CancellationToken): Finding[] {
  const entry = index.get(file);
  if (!entry || isTestFile(file, config.keys.testFiles)) return [];
  const sites = index.sitesIn(file);
  const findings = runRules(KEY_RULES, { file, sites, index, config, token }, {
    file,
    config,
    suppressions: entry.suppressions,
    errorRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    token,
  });
  // Key findings leave out empty fixes and related lists, as their JSON and LSP forms expect.
  for (const finding of findings) {
    if (!finding.fixes) delete finding.fixes;
    if (!finding.related?.length) delete finding.related;
  }
  return findings;
}
