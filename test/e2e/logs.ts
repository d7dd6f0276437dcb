/**
 * Errors of the extension in code-server's logs: the extension host log (`exthost*` folders of
 * the user-data logs) and the extension's own output channel logs beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_ID = 'incident-scribe.incident-scribe';

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (name.endsWith('.log')) out.push(path);
  }
  return out;
}

/**
 * Error lines (with the lines that follow them up to the next log entry) that concern the
 * extension: in the extension host log those naming it or its install folder, and every error in
 * its own channels. `checked` lists the files that were read.
 */
export function extensionLogErrors(logsDir: string): { checked: string[]; errors: string[] } {
  const checked = files(logsDir).filter((f) => /[\\/]exthost\d*[\\/]/.test(f) && (f.endsWith('remoteexthost.log') || f.includes(`${EXTENSION_ID}`)));
  const errors: string[] = [];
  for (const file of checked) {
    const own = file.includes(EXTENSION_ID);
    // Entries start with a timestamp; a stack trace continues the entry above it.
    const entries = readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\[(?:Error|Warn|Info|Trace) - )/);
    for (const entry of entries) {
      const isError = /^\S+ \S+ \[error\]|^\[Error - /.test(entry);
      if (!isError) continue;
      if (own || entry.includes(EXTENSION_ID) || /incident-scribe[\\/]dist[\\/]/.test(entry)) errors.push(`${file}: ${entry.trim()}`);
    }
  }
  return { checked, errors };
}
