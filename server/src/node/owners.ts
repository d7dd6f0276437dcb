/**
 * Reads the maintainers list from disk for a workspace: the files `owners` names, in order, then
 * a `CODEOWNERS` file in its usual places when none of them is one already. A file that cannot be
 * read becomes a source with one problem, never an exception: one missing file does not silence
 * the owners the other files give.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CODEOWNERS_PATHS, ownersFormatOf, readOwnersSource, type OwnersSource } from '../core/owners/index.js';
import { describeIoError } from './config.js';
import { utcDate } from '../core/report/iso-date.js';

/** Today as `YYYY-MM-DD`, in UTC: `until` dates are compared with it. */
export function today(): string {
  return utcDate(Date.now());
}

/** The owners sources of the workspace at `root`, configured files first. */
export function loadOwners(root: string, files: readonly string[], date = today()): OwnersSource[] {
  const sources: OwnersSource[] = [];
  for (const name of files) {
    const path = resolve(root, name);
    try {
      sources.push(readOwnersSource(path, readFileSync(path, 'utf8'), ownersFormatOf(path), date));
    } catch (error) {
      const start = { line: 0, character: 0 };
      sources.push({ file: path, entries: [], problems: [{ file: path, range: { start, end: start }, message: `Cannot read the owners file (${describeIoError(error)}).` }] });
    }
  }
  if (!sources.some((s) => ownersFormatOf(s.file) === 'codeowners')) {
    const found = CODEOWNERS_PATHS.map((p) => resolve(root, p)).find((p) => existsSync(p));
    if (found) {
      try {
        sources.push(readOwnersSource(found, readFileSync(found, 'utf8'), 'codeowners', date));
      } catch {
        // A CODEOWNERS file nobody configured and nobody can read is as good as none.
      }
    }
  }
  return sources;
}
