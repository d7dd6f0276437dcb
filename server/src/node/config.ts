/**
 * Finds and loads the workspace configuration for command-line runs: the workspace root is the
 * nearest ancestor of the first path that holds a configuration file (or the current directory),
 * and `--config` names a file explicitly.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type ResolvedConfig } from '../core/config/config.js';
import { AUTO_PROFILE, BUILTIN_PROFILES } from '../core/config/profiles.js';
import { RULE_IDS } from '../core/rules/index.js';
import { WorkspaceError } from './errors.js';
import { loadOwners } from './owners.js';

/** The configuration file in `dir`, if there is one (first of {@link CONFIG_FILE_NAMES}). */
export function configFileIn(dir: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * The workspace root for `path`: the nearest directory at or above it holding a configuration
 * file, or `fallback` when none does.
 */
export function findWorkspaceRoot(path: string, fallback: string): string {
  let dir = resolve(path);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    if (configFileIn(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(fallback);
    dir = parent;
  }
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  root: string;
  /** An explicit configuration file (`--config`); wins over discovery. */
  configFile?: string;
  /** A profile name (`--profile`); wins over the file's `profile`. */
  profile?: string;
}

/**
 * Loads the configuration that applies at `root`. Throws {@link WorkspaceError} with one line
 * naming the file and the key when the file cannot be read or has an error.
 */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
  const config = readConfig(options);
  config.owners = { files: config.owners.files, sources: loadOwners(options.root, config.owners.files), root: options.root };
  return config;
}

function readConfig(options: LoadConfigOptions): ResolvedConfig {
  const file = options.configFile ? resolve(options.configFile) : configFileIn(options.root);
  if (!file) return withProfile(defaultConfig(), options.profile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkspaceError(`${file}: cannot read the configuration file (${describeIoError(error)})`);
  }
  const { config, errors } = parseConfig(text, file, RULE_IDS);
  if (errors.length > 0) throw new WorkspaceError(configErrorLine(errors));
  if (!options.profile || options.profile === AUTO_PROFILE || BUILTIN_PROFILES[options.profile]) return withProfile(config, options.profile);
  // A custom profile of the file: parse again with the override so it is read like any other.
  const data = { ...(parseYaml(text) as Record<string, unknown>), profile: options.profile };
  const again = parseConfig(JSON.stringify(data), file, RULE_IDS);
  if (again.errors.length > 0) throw new WorkspaceError(`--profile: "${options.profile}" is not a profile: ${again.errors[0].message.replace(/^.*?" /, '')}`);
  return again.config;
}

function withProfile(config: ResolvedConfig, profile: string | undefined): ResolvedConfig {
  if (profile === undefined) return config;
  if (profile === AUTO_PROFILE) return { ...config, autoProfile: true };
  const builtin = BUILTIN_PROFILES[profile];
  if (!builtin) throw new WorkspaceError(`--profile: "${profile}" is not a profile (known: ${[AUTO_PROFILE, ...Object.keys(BUILTIN_PROFILES)].join(', ')})`);
  return { ...config, profile: builtin, autoProfile: false };
}

/** One line for a list of configuration errors: the first, with its line, and how many more. */
function configErrorLine(errors: { file: string; message: string; range: { start: { line: number } } }[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const message = first.message.startsWith(first.file + ': ') ? first.message.slice(first.file.length + 2) : first.message;
  return `${first.file}:${first.range.start.line + 1}: ${message}${more}`;
}

/** A short reason for a failed file operation: the error code when Node gives one. */
export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e?.code ?? String(e?.message ?? e);
}
