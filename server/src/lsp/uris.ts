/**
 * Between document URIs (what the protocol speaks) and file names (what the core's findings
 * carry). The core names files by path; a URI with another scheme is passed through unchanged.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** The file name the core uses for a document: its path for `file:` URIs, else the URI. */
export function fileOfUri(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : uri;
  } catch {
    return uri;
  }
}

/** The URI for a file name of a finding; relative names resolve against `base` (a folder path). */
export function uriOfFile(file: string, base?: string): string {
  if (SCHEME.test(file) && !WINDOWS_DRIVE.test(file)) return file;
  const path = isAbsolute(file) || !base ? file : resolve(base, file);
  return URI.file(path).toString();
}

/** `path` relative to `folder`, `/`-separated; undefined when it lies outside. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
