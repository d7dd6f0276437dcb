/**
 * `overrides`: settings for some reports only, so that one repository can hold several teams'
 * reports. Each entry names the files it applies to (globs relative to the workspace root) and
 * may set `profile`, `rules` and `requiredTags`; matching entries apply in order, later ones
 * winning. Rule severities merge rule by rule; a profile or tag list replaces the one before.
 */
import picomatch from 'picomatch';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../types.js';
import type { Profile } from './profiles.js';

/** One entry of `overrides`, validated. */
export interface ConfigOverride {
  files: string[];
  profile?: Profile;
  rules?: Record<string, SeveritySetting>;
  requiredTags?: string[];
}

/** What reading `overrides` needs from the rest of the configuration. */
export interface OverrideContext {
  /** Built-in and custom profiles by name. */
  profiles: Record<string, Profile>;
  knownRuleIds: readonly string[];
  fail(path: (string | number)[], message: string): void;
}

const OVERRIDE_KEYS = ['files', 'profile', 'rules', 'requiredTags'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

/** Reads the `overrides` list; entries with an error are reported and left out. */
export function readOverrides(value: unknown, context: OverrideContext): ConfigOverride[] {
  const { fail } = context;
  if (!Array.isArray(value)) {
    fail(['overrides'], 'must be a list of { files, profile?, rules?, requiredTags? }');
    return [];
  }
  const out: ConfigOverride[] = [];
  value.forEach((entry, i) => {
    const at = ['overrides', i];
    if (!isPlainObject(entry)) return fail(at, 'must be an object with "files" and the settings it changes');
    let ok = true;
    const bad = (path: (string | number)[], message: string) => {
      ok = false;
      fail(path, message);
    };
    for (const key of Object.keys(entry)) if (!OVERRIDE_KEYS.includes(key)) bad([...at, key], `is not a known override setting (known: ${OVERRIDE_KEYS.join(', ')})`);
    const files = typeof entry.files === 'string' ? [entry.files] : entry.files;
    if (!nonEmptyStrings(files) || files.length === 0) bad([...at, 'files'], 'must be a glob or a list of globs, relative to the workspace root');
    const override: ConfigOverride = { files: nonEmptyStrings(files) ? files : [] };
    if (entry.profile !== undefined) {
      if (typeof entry.profile !== 'string' || !context.profiles[entry.profile]) bad([...at, 'profile'], `must be one of ${Object.keys(context.profiles).join(', ')}`);
      else override.profile = context.profiles[entry.profile];
    }
    if (entry.rules !== undefined) {
      if (!isPlainObject(entry.rules)) bad([...at, 'rules'], 'must be an object of rule id to severity');
      else {
        override.rules = {};
        for (const [id, severity] of Object.entries(entry.rules)) {
          if (!context.knownRuleIds.includes(id)) bad([...at, 'rules', id], 'is not a known rule id');
          else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) bad([...at, 'rules', id], `must be one of ${SEVERITY_SETTINGS.join(', ')}`);
          else override.rules[id] = severity as SeveritySetting;
        }
      }
    }
    if (entry.requiredTags !== undefined) {
      if (!Array.isArray(entry.requiredTags) || !nonEmptyStrings(entry.requiredTags)) bad([...at, 'requiredTags'], 'must be a list of non-empty strings');
      else override.requiredTags = entry.requiredTags;
    }
    if (ok) out.push(override);
  });
  return out;
}

/** What {@link applyOverrides} needs of a configuration. */
interface Overridable {
  profile: Profile;
  /** Set when no profile is configured; an override that names a profile turns it off for its reports. */
  autoProfile?: boolean;
  rules: Record<string, SeveritySetting>;
  requiredTags: string[];
  overrides?: ConfigOverride[];
}

const matchers = new WeakMap<ConfigOverride, (path: string) => boolean>();
const applied = new WeakMap<object, Map<string, unknown>>();

function matches(override: ConfigOverride, relativePath: string): boolean {
  let match = matchers.get(override);
  if (!match) {
    match = picomatch(override.files, { dot: true });
    matchers.set(override, match);
  }
  return match(relativePath);
}

/**
 * The configuration for the report at `relativePath` (relative to the workspace root,
 * `/`-separated): `config` with its matching overrides applied in order. The same object when no
 * override matches; results are kept per configuration, so repeated calls are cheap.
 */
export function applyOverrides<C extends Overridable>(config: C, relativePath: string): C {
  if (!config.overrides?.length) return config;
  let cache = applied.get(config);
  if (!cache) applied.set(config, (cache = new Map()));
  const known = cache.get(relativePath) as C | undefined;
  if (known) return known;
  let result = config;
  for (const override of config.overrides) {
    if (!matches(override, relativePath)) continue;
    result = {
      ...result,
      profile: override.profile ?? result.profile,
      ...(override.profile ? { autoProfile: false } : {}),
      rules: override.rules ? { ...result.rules, ...override.rules } : result.rules,
      requiredTags: override.requiredTags ?? result.requiredTags,
    };
  }
  cache.set(relativePath, result);
  return result;
}
