/**
 * The settings part of the extension manifest (`contributes.configuration` in package.json),
 * derived from the core: one severity setting per registered rule, the built-in profiles, and the
 * core's defaults. `npm run generate` writes it; test/client/manifest.test.ts fails when
 * package.json has drifted from it.
 */
import { DEFAULT_ANALYSIS_LIMITS, DEFAULT_KEYS, DEFAULT_REPORT_GLOBS, PRIVATE_CACHE_KINDS } from '../server/src/core/config/config.js';
import { AUTO_PROFILE, BUILTIN_PROFILES, flattenSpecs } from '../server/src/core/config/profiles.js';
import { ALL_RULES, docsUrl } from '../server/src/core/rules/index.js';
import { SEVERITY_SETTINGS, type RuleMeta } from '../server/src/core/types.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const SEVERITY_DESCRIPTIONS: Record<string, string> = {
  off: 'The rule does not run.',
  hint: 'Shown as a hint (dotted underline, not in the Problems panel).',
  info: 'Shown as information.',
  warning: 'Shown as a warning.',
  error: 'Shown as an error; the CLI exits with 1.',
};

/** The setting of one rule's severity. */
export function ruleSetting(meta: RuleMeta): Schema {
  return {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    enumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_DESCRIPTIONS[s] ?? s),
    default: meta.defaultSeverity,
    markdownDescription: `${meta.description} Default: \`${meta.defaultSeverity}\`. [Documentation](${docsUrl(meta.id)})`,
  };
}

/** `incidentScribe.rules`: an object with one property per rule of the registry. */
export function rulesSetting(rules: readonly RuleMeta[] = ALL_RULES): Schema {
  const properties: Schema = {};
  for (const meta of [...rules].sort((a, b) => a.id.localeCompare(b.id))) properties[meta.id] = ruleSetting(meta);
  return {
    type: 'object',
    default: {},
    markdownDescription:
      'Severity of each rule: `off`, `hint`, `info`, `warning` or `error`. Rules not listed keep their default. `rules` in the workspace\'s `.incident-scribe.json` wins over this setting.',
    properties,
    additionalProperties: false,
    scope: 'resource',
  };
}

/** What `auto` does, for the settings editor. */
export const AUTO_DESCRIPTION = 'Each report gets the built-in profile whose headings it follows (generic when it follows none).';

/** A one-line description of a built-in profile: the sections it requires. */
export function profileDescription(name: string): string {
  const required = flattenSpecs(BUILTIN_PROFILES[name].sections)
    .filter(({ spec }) => spec.required !== false)
    .map(({ spec }) => spec.title);
  return `Requires: ${required.join(', ')}.`;
}

function strings(description: string, defaults: readonly string[], scope = 'resource'): Schema {
  return { type: 'array', items: { type: 'string', minLength: 1 }, default: [...defaults], markdownDescription: description, scope };
}

/** The whole `contributes.configuration` of package.json. */
export function configuration(rules: readonly RuleMeta[] = ALL_RULES): Schema {
  const profiles = Object.keys(BUILTIN_PROFILES);
  return {
    title: 'Incident Scribe',
    properties: {
      'incidentScribe.profile': {
        type: 'string',
        default: AUTO_PROFILE,
        anyOf: [
          { enum: [AUTO_PROFILE, ...profiles], enumDescriptions: [AUTO_DESCRIPTION, ...profiles.map(profileDescription)] },
          { type: 'string', minLength: 1 },
        ],
        markdownDescription:
          'Which sections a report must have: `auto` (each report gets the built-in profile its headings follow, `generic` when none), a built-in profile (' +
          profiles.map((p) => `\`${p}\``).join(', ') +
          ') or the name of a profile defined under `profiles` in `.incident-scribe.json`. The workspace\'s `.incident-scribe.json` (or `.yaml`) wins over this setting.',
        scope: 'resource',
      },
      'incidentScribe.reportGlobs': strings(
        'Globs (relative to the workspace folder) of the Markdown files that are incident reports. A file with front matter `type: incident` is a report wherever it is.',
        DEFAULT_REPORT_GLOBS,
      ),
      'incidentScribe.requiredTags': strings('Tags every actionable must carry, such as `#Sustainability`; turns on `actionables/missing-tag`.', []),
      'incidentScribe.owners': strings(
        'Owners files (maintainers YAML or JSON, wikitext maintainer tables, `CODEOWNERS`), relative to the workspace folder, asked in order. A `CODEOWNERS` file in its usual places is used without being listed.',
        [],
      ),
      'incidentScribe.rules': rulesSetting(rules),
      'incidentScribe.analysis.sectionBudgetMs': {
        type: 'number',
        exclusiveMinimum: 0,
        default: DEFAULT_ANALYSIS_LIMITS.sectionBudgetMs,
        markdownDescription:
          'Time (in milliseconds) one section of a report may take to check; a section over it is not checked in that version, and `report/too-complex` names it.',
        scope: 'resource',
      },
      'incidentScribe.analysis.maxReportSizeKB': {
        type: 'number',
        exclusiveMinimum: 0,
        default: DEFAULT_ANALYSIS_LIMITS.maxReportBytes / 1024,
        markdownDescription: 'A report larger than this (in KB) is not checked at all; `report/too-complex` says so.',
        scope: 'resource',
      },
      'incidentScribe.keys.localBuilders': strings('PHP methods that build a cache key local to one wiki (`$cache->makeKey(…)`).', DEFAULT_KEYS.localBuilders),
      'incidentScribe.keys.globalBuilders': strings('PHP methods that build a cache key shared by every wiki (`$cache->makeGlobalKey(…)`).', DEFAULT_KEYS.globalBuilders),
      'incidentScribe.keys.global': strings('Key groups (globs allowed) that must be built with a global builder, because more than one wiki reads or writes them.', DEFAULT_KEYS.global),
      'incidentScribe.keys.local': strings('Key groups (globs allowed) that must be built with a local builder.', DEFAULT_KEYS.local),
      'incidentScribe.keys.exclude': strings('Folder names the workspace scan for cache keys skips, besides `.git` and `node_modules`.', DEFAULT_KEYS.exclude),
      'incidentScribe.keys.privateCaches': {
        type: 'array',
        items: { type: 'string', enum: [...PRIVATE_CACHE_KINDS] },
        uniqueItems: true,
        default: [...DEFAULT_KEYS.privateCaches],
        markdownDescription: 'Cache kinds whose keys never meet another wiki, besides in-process caches: `server-local` (APCu) when each server runs one wiki. Hand-built and constant keys there are not reported.',
        scope: 'resource',
      },
      'incidentScribe.keys.testFiles': strings('Globs of PHP test code where the `keys/*` rules are off, because tests build keys by hand on purpose; an empty list checks tests too.', DEFAULT_KEYS.testFiles),
      'incidentScribe.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        markdownDescription: 'Traces the messages between VS Code and the Incident Scribe language server in the output panel.',
        scope: 'window',
      },
    },
  };
}
