/**
 * The configuration of each workspace folder: `incidentScribe.*` client settings, overridden by
 * `.incident-scribe.json` / `.yaml` in the folder. A bad configuration file is reported as a
 * diagnostic on that file; its valid parts and the settings still apply.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic, type WorkspaceFolder } from 'vscode-languageserver';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE_NAMES, DEFAULT_ANALYSIS_LIMITS, defaultConfig, parseConfig, type AnalysisLimits, type ConfigError, type KeysConfig, type ResolvedConfig } from '../core/config/config.js';
import { applyOverrides } from '../core/config/overrides.js';
import { reportMatcher } from '../core/report/is-report.js';
import { configFileIn } from '../node/config.js';
import { RULE_IDS } from '../core/rules/index.js';
import { CODEOWNERS_PATHS, type OwnersSource } from '../core/owners/index.js';
import { loadOwners } from '../node/owners.js';
import type { ClientFeatures } from './context.js';
import { fileOfUri, relativeInside, uriOfFile } from './uris.js';

/** The settings section the client contributes. */
export const SETTINGS_SECTION = 'incidentScribe';

/** The configuration that applies to one workspace folder. */
export interface FolderConfig {
  /** Folder path; undefined for documents outside every folder. */
  folder?: string;
  config: ResolvedConfig;
  /** Decides whether a Markdown file (relative path, text) is a report. */
  isReport: (relativePath: string, text: string) => boolean;
}

/** Where a document sits, with the configuration that applies to it. */
export interface DocumentPlace extends FolderConfig {
  /** Path relative to the folder (or the whole path outside folders), `/`-separated. */
  relativePath: string;
}

/** `place` with the overrides that match its relative path applied to its configuration. */
function withOverrides(place: FolderConfig, relativePath: string): DocumentPlace {
  return { ...place, config: applyOverrides(place.config, relativePath), relativePath };
}

function folderConfig(config: ResolvedConfig, folder?: string): FolderConfig {
  return { folder, config, isReport: reportMatcher(config.reportGlobs) };
}

/** Loads, merges and caches configuration; `generation` changes whenever it may have changed. */
export class ConfigStore {
  generation = 0;
  private folders: string[] = [];
  private byFolder = new Map<string, FolderConfig>();
  private outside: FolderConfig = folderConfig(defaultConfig());
  /** For documents outside every folder: the configuration file nearest above each directory (null: none). */
  private nearest = new Map<string, { dir: string; config: FolderConfig } | null>();
  /** Settings pushed by `didChangeConfiguration` or `initializationOptions`, for clients without `workspace/configuration`. */
  private pushedSettings: unknown;
  private published = new Set<string>();
  private pending: Promise<void> = Promise.resolve();
  private lastSettingsProblem = '';
  /** Owners files the last load read, so that a change to one reloads. */
  private ownersFiles = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly onChanged: () => void,
  ) {}

  /** Sets the workspace folders (from `initialize` or a folder change). */
  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.folders = uris.map(fileOfUri).filter((p) => !/^[a-z][a-z0-9+.-]+:/i.test(p) || /^[a-zA-Z]:/.test(p));
  }

  /** The workspace folder paths. */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Remembers settings the client pushed instead of answering `workspace/configuration`. */
  setPushedSettings(settings: unknown): void {
    const section = (settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    this.pushedSettings = section ?? settings;
  }

  /** Resolves once every reload asked for so far has finished. */
  settled(): Promise<void> {
    return this.pending;
  }

  /** Reloads settings and files; reloads never overlap. */
  reload(): Promise<void> {
    this.pending = this.pending.then(() => this.load()).catch((error: unknown) => this.connection.console.error(`Incident Scribe: could not load the configuration: ${String(error)}`));
    return this.pending;
  }

  /** The configuration and relative path of a document. */
  place(uri: string): DocumentPlace {
    const path = fileOfUri(uri);
    let best: { folder: string; rel: string } | undefined;
    for (const folder of this.folders) {
      const rel = relativeInside(folder, path);
      if (rel !== undefined && (!best || folder.length > best.folder.length)) best = { folder, rel };
    }
    if (best) return withOverrides(this.byFolder.get(best.folder) ?? this.outside, best.rel);
    const near = this.nearestConfig(path);
    if (near) return withOverrides(near.config, near.rel);
    const relativePath = path.replace(/^[a-z][a-z0-9+.-]+:\/*/i, '').replace(/\\/g, '/').replace(/^\/+/, '');
    return { ...this.outside, relativePath };
  }

  /**
   * For a file outside every workspace folder: the configuration file nearest above it (up to the
   * file system root), over the settings, as the command line finds it; undefined when there is none.
   */
  private nearestConfig(path: string): { config: FolderConfig; rel: string } | undefined {
    if (!isAbsolute(path)) return undefined;
    const start = dirname(path);
    let found = this.nearest.get(start);
    if (found === undefined) {
      found = null;
      for (let dir = start; ; dir = dirname(dir)) {
        const file = configFileIn(dir);
        if (file) {
          try {
            const text = readFileSync(file, 'utf8');
            const { config } = parseConfig(text, file, RULE_IDS);
            const merged = mergeConfigs(this.outside.config, config, text);
            // Owners files resolve against the configuration's folder, as the command line reads them.
            merged.owners = { files: merged.owners.files, sources: loadOwners(dir, merged.owners.files), root: dir };
            found = { dir, config: folderConfig(merged, dir) };
          } catch {
            found = null;
          }
          break;
        }
        if (dirname(dir) === dir) break;
      }
      this.nearest.set(start, found);
    }
    return found ? { config: found.config, rel: relative(found.dir, path).split(sep).join('/') } : undefined;
  }

  /**
   * True when `uri` names a configuration file at the root of a workspace folder, an owners file
   * the configuration read, or a `CODEOWNERS` file in one of its usual places.
   */
  isConfigFile(uri: string): boolean {
    const path = fileOfUri(uri);
    if (this.ownersFiles.has(path)) return true;
    return this.folders.some((folder) => [...CONFIG_FILE_NAMES, ...CODEOWNERS_PATHS].some((name) => join(folder, name) === path));
  }

  private async load(): Promise<void> {
    const settings = await this.fetchSettings();
    const byFolder = new Map<string, FolderConfig>();
    const diagnostics = new Map<string, Diagnostic[]>();
    this.ownersFiles = new Set();
    const fromSettings = this.settingsConfig(settings[0]);
    for (let i = 0; i < this.folders.length; i++) {
      const folder = this.folders[i];
      const base = i === 0 ? fromSettings : this.settingsConfig(settings[i + 1]);
      const file = await readConfigFile(folder);
      if (!file) {
        byFolder.set(folder, folderConfig(base, folder));
        continue;
      }
      if ('error' in file) {
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        diagnostics.set(uriOfFile(file.path), [toConfigDiagnostic({ file: file.path, key: '', message: `${file.path}: cannot be read: ${file.error}`, range })]);
        byFolder.set(folder, folderConfig(base, folder));
        continue;
      }
      const { config, errors } = parseConfig(file.text, file.path, RULE_IDS);
      diagnostics.set(uriOfFile(file.path), errors.map(toConfigDiagnostic));
      byFolder.set(folder, folderConfig(mergeConfigs(base, config, file.text), folder));
    }
    for (const [folder, place] of byFolder) {
      const sources = loadOwners(folder, place.config.owners.files);
      // A copy: folders without a file share the settings' object with documents outside them.
      place.config = { ...place.config, owners: { files: place.config.owners.files, sources, root: folder } };
      for (const source of sources) {
        this.ownersFiles.add(source.file);
        diagnostics.set(uriOfFile(source.file), ownersDiagnostics(source));
      }
    }
    this.byFolder = byFolder;
    this.outside = folderConfig(fromSettings);
    this.nearest.clear();
    this.generation++;
    for (const uri of this.published) if (!diagnostics.has(uri)) diagnostics.set(uri, []);
    this.published = new Set([...diagnostics].filter(([, d]) => d.length > 0).map(([uri]) => uri));
    for (const [uri, list] of diagnostics) await this.connection.sendDiagnostics({ uri, diagnostics: list });
    this.onChanged();
  }

  /** Raw settings: index 0 for documents outside folders, then one per folder. */
  private async fetchSettings(): Promise<unknown[]> {
    if (!this.features.configuration) return [this.pushedSettings, ...this.folders.map(() => this.pushedSettings)];
    try {
      const items = [{ section: SETTINGS_SECTION }, ...this.folders.map((f) => ({ scopeUri: uriOfFile(f), section: SETTINGS_SECTION }))];
      return await this.connection.workspace.getConfiguration(items);
    } catch (error) {
      this.connection.console.warn(`Incident Scribe: workspace/configuration failed (${String(error)}); using defaults.`);
      return [];
    }
  }

  private settingsConfig(raw: unknown): ResolvedConfig {
    const picked = pickSettings(raw);
    const { config, errors } = parseConfig(JSON.stringify(picked), 'settings (incidentScribe.*)', RULE_IDS);
    const problem = errors.map((e) => e.message).join('; ');
    if (problem && problem !== this.lastSettingsProblem) {
      this.connection.console.warn(`Incident Scribe: ${problem}`);
      void this.connection.window.showWarningMessage(`Incident Scribe: ${problem}`);
    }
    this.lastSettingsProblem = problem;
    delete config.source;
    return config;
  }
}

const KEY_SETTINGS: (keyof KeysConfig)[] = ['global', 'local', 'localBuilders', 'globalBuilders', 'exclude', 'testFiles', 'privateCaches'];

/** The parts of `incidentScribe.*` settings that are configuration (not `trace`), nulls dropped. */
export function pickSettings(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out;
  const s = raw as Record<string, unknown>;
  for (const key of ['profile', 'reportGlobs', 'rules', 'requiredTags', 'owners'] as const) if (s[key] !== undefined && s[key] !== null) out[key] = s[key];
  if (s.keys && typeof s.keys === 'object') {
    const keys: Record<string, unknown> = {};
    for (const key of KEY_SETTINGS) {
      const value = (s.keys as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) keys[key] = value;
    }
    if (Object.keys(keys).length > 0) out.keys = keys;
  }
  if (s.analysis && typeof s.analysis === 'object') {
    const analysis: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(s.analysis as Record<string, unknown>)) if (value !== undefined && value !== null) analysis[key] = value;
    if (Object.keys(analysis).length > 0) out.analysis = analysis;
  }
  return out;
}

/**
 * The file's configuration over the settings: what the file sets wins, what it leaves out comes
 * from the settings. Rule severities and key settings merge entry by entry.
 */
export function mergeConfigs(settings: ResolvedConfig, file: ResolvedConfig, fileText: string): ResolvedConfig {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(fileText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // A file that does not parse sets nothing; its diagnostic says why.
  }
  const fileKeys = data.keys && typeof data.keys === 'object' ? (data.keys as Record<string, unknown>) : {};
  const keys = { ...settings.keys };
  for (const key of KEY_SETTINGS) if (key in fileKeys) keys[key] = file.keys[key];
  if ('excludeDefaults' in fileKeys) keys.exclude = file.keys.exclude;
  return {
    profile: 'profile' in data ? file.profile : settings.profile,
    autoProfile: 'profile' in data ? file.autoProfile : settings.autoProfile,
    rules: { ...settings.rules, ...file.rules },
    requiredTags: 'requiredTags' in data ? file.requiredTags : settings.requiredTags,
    reportGlobs: 'reportGlobs' in data ? file.reportGlobs : settings.reportGlobs,
    keys,
    ...('overrides' in data ? { overrides: file.overrides } : settings.overrides ? { overrides: settings.overrides } : {}),
    owners: 'owners' in data ? file.owners : settings.owners,
    ...(file.analysis || settings.analysis ? { analysis: mergeAnalysis(settings, file, data) } : {}),
    source: file.source,
  };
}

function ownersDiagnostics(source: OwnersSource): Diagnostic[] {
  return source.problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Warning, source: 'incident-scribe', code: 'owners', message: p.message }));
}

/** The file's analysis bounds over the settings', bound by bound. */
function mergeAnalysis(settings: ResolvedConfig, file: ResolvedConfig, data: Record<string, unknown>): AnalysisLimits {
  const own = data.analysis && typeof data.analysis === 'object' ? (data.analysis as Record<string, unknown>) : {};
  const base = settings.analysis ?? DEFAULT_ANALYSIS_LIMITS;
  const fromFile = file.analysis ?? DEFAULT_ANALYSIS_LIMITS;
  return {
    sectionBudgetMs: 'sectionBudgetMs' in own ? fromFile.sectionBudgetMs : base.sectionBudgetMs,
    maxReportBytes: 'maxReportSizeKB' in own ? fromFile.maxReportBytes : base.maxReportBytes,
  };
}

async function readConfigFile(folder: string): Promise<{ path: string; text: string } | { path: string; error: string } | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(folder, name);
    try {
      return { path, text: await readFile(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { path, error: (error as Error).message };
    }
  }
  return undefined;
}

function toConfigDiagnostic(error: ConfigError): Diagnostic {
  return { range: error.range, severity: DiagnosticSeverity.Error, source: 'incident-scribe', code: 'config', message: error.message };
}
