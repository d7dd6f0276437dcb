/**
 * Finds the incident reports under a folder for the overview: Markdown files matching the report
 * globs, or with front matter `type: incident`. Skips `.git`, `node_modules` and what the
 * folder's `.gitignore` ignores. Symbolic links to folders are not followed (no cycles).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

const SKIP = new Set(['.git', 'node_modules']);
const MARKDOWN = /\.(md|markdown)$/i;

/** Absolute paths of the reports under `root`, sorted. */
export async function findReportFiles(root: string, globs: readonly string[]): Promise<string[]> {
  const isMatch = picomatch([...globs], { dot: false });
  const ig = ignore();
  await readFile(join(root, '.gitignore'), 'utf8').then(
    (text) => ig.add(text),
    () => undefined,
  );
  const found: string[] = [];
  await walk(root, root, ig, async (abs, rel) => {
    if (!MARKDOWN.test(rel)) return;
    if (isMatch(rel) || (await declaresIncident(abs))) found.push(abs);
  });
  return found.sort();
}

async function walk(root: string, dir: string, ig: Ignore, visit: (abs: string, rel: string) => Promise<void>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    const rel = relative(root, abs).split(sep).join('/');
    if (entry.isDirectory()) {
      if (SKIP.has(entry.name) || ig.ignores(rel + '/')) continue;
      await walk(root, abs, ig, visit);
    } else if (entry.isFile() && !ig.ignores(rel)) {
      await visit(abs, rel);
    }
  }
}

/** True when the file starts with front matter that says `type: incident`. */
async function declaresIncident(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const m = /^(?:\ufeff)?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text.slice(0, 20_000));
  return m !== null && /^type:\s*["']?incident["']?\s*$/m.test(m[1]);
}
