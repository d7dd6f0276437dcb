/**
 * The persistent key index: per file, its size and modification time, its content hash and the
 * key facts extracted from it, stored as one JSON file per workspace root. It is valid only for
 * the build and the extraction settings that wrote it. A file that cannot be read back (corrupt,
 * truncated, or not ours) is ignored with a message, never a crash; one that is not ours is never
 * overwritten.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileKeysData } from '../core/keys/keys-data.js';

/** What the index keeps about one file. */
export interface CacheEntry {
  size: number;
  /** Modification time; -1 when it was too recent to trust (the file is re-read next time). */
  mtimeMs: number;
  hash?: string;
  keys?: FileKeysData;
  declares?: string[];
}

/** Who wrote an index: only the same build with the same extraction settings may reuse it. */
export interface CacheStamp {
  tool: string;
  settings: string;
}

const FORMAT = 'incident-scribe-key-index';
const VERSION = 1;
/** Files changed this recently may change again within the same clock tick: never trusted by time. */
const RACY_MS = 2000;

/** A loaded index, or the reason there is none. */
export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** Set when the file exists but cannot be used: a line for the user. */
  message?: string;
  /** The file exists and is not an index of ours: it must not be overwritten. */
  foreign?: boolean;
}

/** The user's cache folder for the tool: `$XDG_CACHE_HOME/incident-scribe`, else the platform's. */
export function userCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'incident-scribe');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'incident-scribe', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'incident-scribe');
  return join(homedir(), '.cache', 'incident-scribe');
}

/** The index file of a workspace root inside `dir`. */
export function cacheFileFor(dir: string, root: string): string {
  return join(dir, `keys-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

/** A stamp for the settings extraction reads (any JSON value). */
export function settingsStamp(settings: unknown): string {
  return createHash('sha1').update(JSON.stringify(settings)).digest('base64url').slice(0, 16);
}

/** Reads an index written for `root` by the same stamp; anything else gives an empty one. */
export function loadCache(path: string, root: string, stamp: CacheStamp): LoadedCache {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { entries: new Map(), message: code === 'ENOENT' ? undefined : `cannot read the key index ${path} (${code ?? (error as Error).message}); scanning without it` };
  }
  let data: { format?: unknown; version?: unknown; tool?: unknown; settings?: unknown; root?: unknown; files?: unknown };
  try {
    data = JSON.parse(text);
  } catch {
    return { entries: new Map(), message: `the key index ${path} is damaged (not JSON); it is rebuilt` };
  }
  if (data === null || typeof data !== 'object' || data.format !== FORMAT) {
    return { entries: new Map(), foreign: true, message: `${path} is not an Incident Scribe key index; it is ignored and left as it is` };
  }
  // Another version, build or setting: routine after an upgrade or a configuration change.
  if (data.version !== VERSION || data.tool !== stamp.tool || data.settings !== stamp.settings || data.root !== root) return { entries: new Map() };
  if (data.files === null || typeof data.files !== 'object') return { entries: new Map(), message: `the key index ${path} is damaged (no file list); it is rebuilt` };
  const entries = new Map<string, CacheEntry>();
  for (const [file, entry] of Object.entries(data.files as Record<string, unknown>)) {
    if (isEntry(entry)) entries.set(file, entry);
  }
  return { entries };
}

function isEntry(value: unknown): value is CacheEntry {
  const e = value as CacheEntry;
  return (
    e !== null &&
    typeof e === 'object' &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    (e.keys === undefined || (typeof e.keys === 'object' && Array.isArray(e.keys.sites) && Array.isArray(e.keys.constants) && Array.isArray(e.keys.classes) && Array.isArray(e.keys.suppressions)))
  );
}

/**
 * Writes the index (to a temporary file, then renamed, so that readers never see half of it).
 * Entries modified within a moment of `scanStartedMs` are stored without their time, so that a
 * change in the same clock tick is not missed. Returns an error message, or undefined.
 */
export function saveCache(path: string, root: string, stamp: CacheStamp, entries: Map<string, CacheEntry>, scanStartedMs: number): string | undefined {
  const files: Record<string, CacheEntry> = {};
  for (const [file, entry] of entries) files[file] = entry.mtimeMs > scanStartedMs - RACY_MS ? { ...entry, mtimeMs: -1 } : entry;
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, JSON.stringify({ format: FORMAT, version: VERSION, ...stamp, root, files }));
    renameSync(temp, path);
    return undefined;
  } catch (error) {
    return `cannot write the key index ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
