import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { LineIndex } from '../text.js';
import { SEVERITY_SETTINGS, type Range, type SeveritySetting } from '../types.js';
import type { OwnersSource } from '../owners/types.js';
import { readOverrides, type ConfigOverride } from './overrides.js';
import { AUTO_PROFILE, BUILTIN_PROFILES, DEFAULT_PROFILE, type Profile, type SectionSpec } from './profiles.js';

/** Settings for the cache key rules. */
export interface KeysConfig {
  /** Key groups (globs allowed) that must be built with a global builder. */
  global: string[];
  /** Key groups (globs allowed) that must be built with a local builder. */
  local: string[];
  localBuilders: string[];
  globalBuilders: string[];
  /**
   * Folder names the workspace scan skips, besides `.git` and `node_modules`: the defaults plus
   * the configured ones (see {@link excludedFolders}).
   */
  exclude: string[];
  /**
   * Globs of test code, where the key rules are off: tests build keys by hand on purpose. Their
   * keys are still indexed for hovers, but never compared with the code's. `[]` checks tests too.
   */
  testFiles: string[];
  /**
   * Cache kinds whose keys never meet another wiki's, besides in-process caches: `server-local`
   * (APCu) when each server runs one wiki. Hand-built and constant keys there are not reported.
   */
  privateCaches: string[];
}

/** Bounds of the analysis of one report (settings `analysis.*`). */
export interface AnalysisLimits {
  /** Time one section (one chunk of the document) may take; over it, it is not checked in that version. */
  sectionBudgetMs: number;
  /** A report longer than this (UTF-16 code units, about bytes) is not checked at all. */
  maxReportBytes: number;
}

export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = { sectionBudgetMs: 1000, maxReportBytes: 8 * 1024 * 1024 };

/** Configuration after defaults and validation: what the checks read. */
export interface ResolvedConfig {
  /** The configured profile; when {@link autoProfile} is set, only the fallback where no report is at hand. */
  profile: Profile;
  /** True when no profile is configured (or `"auto"` is): each report gets the built-in profile its headings follow. */
  autoProfile: boolean;
  /** Severity overrides by rule id; rules not listed keep their default. */
  rules: Record<string, SeveritySetting>;
  /** Tags every actionable must carry (`actionables/missing-tag`). */
  requiredTags: string[];
  /** Globs (relative to the workspace root) of files that are reports. */
  reportGlobs: string[];
  keys: KeysConfig;
  /** Settings for some reports only, applied in order by {@link applyOverrides}. */
  overrides?: ConfigOverride[];
  /**
   * The maintainers list: `files` as configured (relative to the workspace root), and `sources`
   * as read by the caller that can read files (a `CODEOWNERS` in its usual places comes last
   * without being configured), and `root`, the folder their path patterns are relative to (the
   * workspace root; absent when nothing was read). Plain data, so it travels to worker threads
   * with the rest.
   */
  owners: { files: string[]; sources: OwnersSource[]; root?: string };
  /** Bounds of one report's analysis; defaults when absent. */
  analysis?: AnalysisLimits;
  /** File the configuration came from, if any. */
  source?: string;
}

/** A problem in a configuration file, with the key it is about. */
export interface ConfigError {
  file: string;
  /** Dotted path of the offending key, empty for the whole file. */
  key: string;
  message: string;
  range: Range;
}

export const CONFIG_FILE_NAMES = ['.incident-scribe.json', '.incident-scribe.yaml', '.incident-scribe.yml'] as const;

/** Folders and file names that hold reports, relative to the workspace root (matched without regard to case). */
export const DEFAULT_REPORT_GLOBS = [
  '**/incidents/**/*.md',
  '**/incident-reports/**/*.md',
  '**/postmortem/**/*.md',
  '**/postmortems/**/*.md',
  '**/post-mortem/**/*.md',
  '**/post-mortems/**/*.md',
  '**/retros/**/*.md',
  '**/rca/**/*.md',
  '**/*incident*.md',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
  '**/*retrospective*.md',
  '**/rca-*.md',
  '**/*-rca.md',
  '**/*-rca-*.md',
];

export const DEFAULT_KEYS: KeysConfig = {
  global: [],
  local: [],
  localBuilders: ['makeKey'],
  globalBuilders: ['makeGlobalKey'],
  exclude: ['vendor'],
  testFiles: ['**/tests/**', '**/*Test.php'],
  privateCaches: [],
};

/**
 * The folders the PHP scan skips: the configured ones are added to the defaults
 * ({@link DEFAULT_KEYS}`.exclude`), unless `keys.excludeDefaults` is false.
 */
export function excludedFolders(withDefaults: boolean, configured: readonly string[]): string[] {
  return [...new Set([...(withDefaults ? DEFAULT_KEYS.exclude : []), ...configured])];
}

/** The values `keys.privateCaches` accepts. */
export const PRIVATE_CACHE_KINDS = ['server-local'];

/** The configuration used when there is no file. */
export function defaultConfig(profile: string = AUTO_PROFILE): ResolvedConfig {
  return {
    profile: BUILTIN_PROFILES[profile] ?? BUILTIN_PROFILES[DEFAULT_PROFILE],
    autoProfile: profile === AUTO_PROFILE,
    rules: {},
    requiredTags: [],
    reportGlobs: [...DEFAULT_REPORT_GLOBS],
    keys: structuredClone(DEFAULT_KEYS),
    owners: { files: [], sources: [] },
  };
}

const TOP_KEYS = ['profile', 'profiles', 'rules', 'requiredTags', 'reportGlobs', 'keys', 'overrides', 'owners', 'analysis'];
const ANALYSIS_KEYS = ['sectionBudgetMs', 'maxReportSizeKB'];
const KEYS_KEYS = ['global', 'local', 'localBuilders', 'globalBuilders', 'exclude', 'excludeDefaults', 'testFiles', 'privateCaches'];
const SECTION_KEYS = ['title', 'synonyms', 'required', 'kind', 'children'];

/**
 * Parses and validates the text of `.incident-scribe.json` / `.yaml`. Every error names the key
 * and the file; the configuration returned keeps the valid parts and defaults for the rest, so
 * one typo never silences every check.
 */
export function parseConfig(text: string, file: string, knownRuleIds: readonly string[]): { config: ResolvedConfig; errors: ConfigError[] } {
  const lines = new LineIndex(text);
  const errors: ConfigError[] = [];
  const config = defaultConfig();
  config.source = file;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 5)) {
      const [start, end] = e.pos;
      errors.push({ file, key: '', message: `${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`, range: lines.rangeOf(start, end) });
    }
    return { config, errors };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    errors.push({ file, key: '', message: `${file}: cannot be read: ${(error as Error).message.split('\n')[0]}`, range: lines.rangeOf(0, 0) });
    return { config, errors };
  }
  if (data === null || data === undefined) return { config, errors };
  const fail = (path: (string | number)[], message: string) =>
    errors.push({ file, key: path.join('.'), message: `${file}: "${path.join('.')}" ${message}`, range: rangeOfPath(doc, lines, path) });
  if (!isPlainObject(data)) {
    fail([], 'must be an object of settings');
    return { config, errors };
  }
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) fail([key], `is not a known setting (known: ${TOP_KEYS.join(', ')})`);
  }

  const customProfiles: Record<string, Profile> = {};
  if (data.profiles !== undefined) {
    if (!isPlainObject(data.profiles)) fail(['profiles'], 'must be an object of profile name to { extends?, sections }');
    else {
      for (const [name, value] of Object.entries(data.profiles)) {
        const profile = readProfile(name, value, ['profiles', name], fail);
        if (profile) customProfiles[name] = profile;
      }
    }
  }
  if (data.profile !== undefined) {
    const all = { ...BUILTIN_PROFILES, ...customProfiles };
    if (data.profile === AUTO_PROFILE) config.autoProfile = true;
    else if (typeof data.profile !== 'string' || !all[data.profile]) fail(['profile'], `must be one of ${[AUTO_PROFILE, ...Object.keys(all)].join(', ')}`);
    else {
      config.profile = all[data.profile];
      config.autoProfile = false;
    }
  }
  if (data.rules !== undefined) {
    if (!isPlainObject(data.rules)) fail(['rules'], 'must be an object of rule id to severity');
    else {
      for (const [id, value] of Object.entries(data.rules)) {
        if (!knownRuleIds.includes(id)) fail(['rules', id], 'is not a known rule id');
        else if (typeof value !== 'string' || !SEVERITY_SETTINGS.includes(value as SeveritySetting))
          fail(['rules', id], `must be one of ${SEVERITY_SETTINGS.join(', ')}`);
        else config.rules[id] = value as SeveritySetting;
      }
    }
  }
  const strings = (path: string[], value: unknown): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
      fail(path, 'must be a list of non-empty strings');
      return undefined;
    }
    return value as string[];
  };
  config.requiredTags = strings(['requiredTags'], data.requiredTags) ?? config.requiredTags;
  config.reportGlobs = strings(['reportGlobs'], data.reportGlobs) ?? config.reportGlobs;
  config.owners.files = strings(['owners'], data.owners) ?? config.owners.files;
  if (data.keys !== undefined) {
    if (!isPlainObject(data.keys)) fail(['keys'], 'must be an object');
    else {
      const keys = data.keys;
      if (keys.excludeDefaults !== undefined && typeof keys.excludeDefaults !== 'boolean') fail(['keys', 'excludeDefaults'], 'must be true or false');
      for (const key of Object.keys(keys)) {
        if (!KEYS_KEYS.includes(key)) fail(['keys', key], `is not a known setting (known: ${KEYS_KEYS.join(', ')})`);
        else if (key !== 'excludeDefaults') config.keys[key as keyof KeysConfig] = strings(['keys', key], keys[key]) ?? config.keys[key as keyof KeysConfig];
      }
      config.keys.exclude = excludedFolders(keys.excludeDefaults !== false, 'exclude' in keys ? config.keys.exclude : []);
      const unknownKind = config.keys.privateCaches.find((k) => !PRIVATE_CACHE_KINDS.includes(k));
      if (unknownKind !== undefined) fail(['keys', 'privateCaches'], `"${unknownKind}" is not a cache kind that can be private (known: ${PRIVATE_CACHE_KINDS.join(', ')})`);
    }
  }
  if (data.overrides !== undefined) {
    const overrides = readOverrides(data.overrides, { profiles: { ...BUILTIN_PROFILES, ...customProfiles }, knownRuleIds, fail });
    if (overrides.length > 0) config.overrides = overrides;
  }
  if (data.analysis !== undefined) {
    if (!isPlainObject(data.analysis)) fail(['analysis'], 'must be an object');
    else config.analysis = readAnalysis(data.analysis, fail);
  }
  return { config, errors };
}

/** `analysis`: the section time budget and the report size limit; bad values keep the defaults. */
function readAnalysis(value: Record<string, unknown>, fail: Fail): AnalysisLimits {
  const limits = { ...DEFAULT_ANALYSIS_LIMITS };
  for (const key of Object.keys(value)) {
    const n = value[key];
    if (!ANALYSIS_KEYS.includes(key)) fail(['analysis', key], `is not a known setting (known: ${ANALYSIS_KEYS.join(', ')})`);
    else if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) fail(['analysis', key], 'must be a positive number');
    else if (key === 'sectionBudgetMs') limits.sectionBudgetMs = n;
    else limits.maxReportBytes = Math.round(n * 1024);
  }
  return limits;
}

type Fail = (path: (string | number)[], message: string) => void;

function readProfile(name: string, value: unknown, path: (string | number)[], fail: Fail): Profile | undefined {
  if (!isPlainObject(value)) {
    fail(path, 'must be an object with "sections" (and optionally "extends")');
    return undefined;
  }
  for (const key of Object.keys(value)) if (key !== 'extends' && key !== 'sections') fail([...path, key], 'is not a known profile setting (known: extends, sections)');
  let base: SectionSpec[] = [];
  if (value.extends !== undefined) {
    if (typeof value.extends !== 'string' || !BUILTIN_PROFILES[value.extends]) {
      fail([...path, 'extends'], `must name a built-in profile: ${Object.keys(BUILTIN_PROFILES).join(', ')}`);
    } else base = BUILTIN_PROFILES[value.extends].sections;
  }
  if (!Array.isArray(value.sections)) {
    fail([...path, 'sections'], 'must be a list of sections');
    return undefined;
  }
  const own = readSections(value.sections, [...path, 'sections'], fail);
  return { name, sections: [...base, ...own] };
}

function readSections(list: unknown[], path: (string | number)[], fail: Fail): SectionSpec[] {
  const out: SectionSpec[] = [];
  list.forEach((item, i) => {
    const at = [...path, i];
    if (typeof item === 'string') {
      out.push({ title: item, required: true });
      return;
    }
    if (!isPlainObject(item) || typeof item.title !== 'string' || item.title.trim() === '') {
      fail(at, 'must be a heading text or an object with a non-empty "title"');
      return;
    }
    for (const key of Object.keys(item)) if (!SECTION_KEYS.includes(key)) fail([...at, key], `is not a known section setting (known: ${SECTION_KEYS.join(', ')})`);
    const spec: SectionSpec = { title: item.title, required: item.required !== false };
    if (item.required !== undefined && typeof item.required !== 'boolean') fail([...at, 'required'], 'must be true or false');
    if (item.synonyms !== undefined) {
      if (!Array.isArray(item.synonyms) || !item.synonyms.every((s) => typeof s === 'string')) fail([...at, 'synonyms'], 'must be a list of strings');
      else spec.synonyms = item.synonyms as string[];
    }
    if (item.kind !== undefined) {
      if (!['impact', 'timeline', 'actionables', 'detection'].includes(item.kind as string)) fail([...at, 'kind'], 'must be one of impact, timeline, actionables, detection');
      else spec.kind = item.kind as SectionSpec['kind'];
    }
    if (item.children !== undefined) {
      if (!Array.isArray(item.children)) fail([...at, 'children'], 'must be a list of sections');
      else spec.children = readSections(item.children, [...at, 'children'], fail);
    }
    out.push(spec);
  });
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Range of the key (or, failing that, of the nearest parent) a path points at. */
function rangeOfPath(doc: Document, lines: LineIndex, path: (string | number)[]): Range {
  let node: unknown = doc.contents;
  let best: [number, number] | undefined = (doc.contents as { range?: [number, number, number] } | null)?.range?.slice(0, 2) as [number, number] | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) break;
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      if (keyRange) best = [keyRange[0], keyRange[1]];
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      const r = (node as { range?: [number, number, number] } | undefined)?.range;
      if (r) best = [r[0], r[1]];
    } else break;
  }
  return best ? lines.rangeOf(best[0], best[1]) : lines.rangeOf(0, 0);
}
