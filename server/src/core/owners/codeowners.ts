/**
 * `CODEOWNERS` files in GitHub's and GitLab's syntax: a path pattern (gitignore syntax) followed
 * by owners (`@user`, `@org/team`, e-mail). GitLab sections (`[Section]`, `^[Optional]`, an
 * approval count `[2]`) may name default owners that their patterns without owners inherit.
 * A pattern with no owners makes its paths unowned, as on both forges.
 */
import { LineIndex } from '../text.js';
import { parseOwnerToken } from './names.js';
import type { OwnerRef, OwnersProblem, OwnersSource, OwnershipEntry } from './types.js';

const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?\s*(.*)$/;

/** Splits a line into whitespace-separated tokens, honouring `\ ` and `\#` escapes. */
function tokens(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    // An unescaped # after whitespace starts a comment.
    if (line[i] === '#') break;
    const start = i;
    let text = '';
    while (i < line.length && !/\s/.test(line[i])) {
      if (line[i] === '\\' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += line[i++];
      }
    }
    out.push({ text, start });
  }
  return out;
}

/** Reads a `CODEOWNERS` text; `file` names it in entries and problems. */
export function parseCodeowners(file: string, text: string): OwnersSource {
  const lines = new LineIndex(text);
  const entries: OwnershipEntry[] = [];
  const problems: OwnersProblem[] = [];
  let defaults: OwnerRef[] = [];
  const problem = (line: number, from: number, to: number, message: string) => {
    const start = lines.lineStart(line);
    problems.push({ file, range: lines.rangeOf(start + from, start + to), message });
  };
  const owners = (line: number, parts: { text: string; start: number }[]): OwnerRef[] => {
    const refs: OwnerRef[] = [];
    for (const part of parts) {
      const owner = /^@|@/.test(part.text) ? parseOwnerToken(part.text) : undefined;
      if (owner) refs.push({ ...owner, status: 'active' });
      else problem(line, part.start, part.start + part.text.length, `"${part.text}" is not an owner: write @user, @org/team or an e-mail address.`);
    }
    return refs;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const raw = text.slice(lines.lineStart(line), lines.lineEnd(line));
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const section = SECTION.exec(trimmed);
    if (section) {
      const offset = raw.indexOf(section[2]);
      defaults = owners(line, tokens(section[2]).map((t) => ({ text: t.text, start: t.start + offset })));
      continue;
    }
    const [pattern, ...rest] = tokens(raw);
    if (!pattern) continue;
    if (pattern.text.startsWith('!')) {
      problem(line, pattern.start, pattern.start + pattern.text.length, 'Negated patterns ("!…") are not supported in CODEOWNERS; the line is ignored.');
      continue;
    }
    const refs = rest.length > 0 ? owners(line, rest) : defaults;
    entries.push({ patterns: [pattern.text], owners: refs, file, line });
  }
  return { file, entries, problems };
}
