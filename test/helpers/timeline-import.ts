/** Fixture loaders for the timeline import tests (test/fixtures/timeline-import/). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import type { Report } from '../../server/src/core/report/types.js';
import type { SourceInput } from '../../server/src/core/timeline-import/index.js';
import type { PlacedEntry } from '../../server/src/core/timeline-import/window.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'timeline-import');

/** One fixture file as an import source, named by its path under the fixtures folder. */
export function source(path: string): SourceInput {
  return { name: path, files: [{ name: path, text: readFileSync(join(FIXTURES, path), 'utf8') }] };
}

/** A fixture folder (a Slack export) as one import source. */
export function folder(path: string): SourceInput {
  const files: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ name: relative(FIXTURES, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(FIXTURES, path));
  return { name: path, files };
}

/** A source made of `text`, named `name`. */
export function textSource(name: string, text: string): SourceInput {
  return { name, files: [{ name, text }] };
}

/** A fixture report, read as `check` reads it. */
export function fixtureReport(path: string): Report {
  return reportOf(readFileSync(join(FIXTURES, path), 'utf8'), path);
}

/** A report from its text. */
export function reportOf(text: string, name = 'report.md'): Report {
  return buildReport(name, text, new MarkdownParser(), defaultConfig());
}

/** `2024-03-09T21:55Z nick: text`: an entry as one readable line. */
export function line(e: PlacedEntry): string {
  return `${new Date(e.utc).toISOString().slice(0, 16)}Z ${e.text}`;
}
