import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL_RULES, docsUrl } from '../../core/rules/index.js';
import type { Range, RuleMeta, Severity, SeveritySetting } from '../../core/types.js';
import { toPosix } from '../../node/walk.js';
import { metricsText, milestonesJson, milestonesText } from '../../core/report/timeline/summary.js';
import type { Metrics } from '../../core/report/types.js';
import type { Formatter } from './types.js';

function metricsOnly(m: Metrics): Record<string, number | string[]> {
  const out: Record<string, number | string[]> = {};
  for (const key of ['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'] as const) if (m[key] !== undefined) out[key] = m[key]!;
  if (m.inferred) out.inferred = [...m.inferred];
  return out;
}

/** Rule documentation pages by rule id, embedded at build time by scripts/build.mjs. */
declare const __INCIDENT_SCRIBE_RULE_DOCS__: Record<string, string> | undefined;
const RULE_DOCS: Record<string, string> = typeof __INCIDENT_SCRIBE_RULE_DOCS__ === 'undefined' ? {} : __INCIDENT_SCRIBE_RULE_DOCS__;

const INFORMATION_URI = 'https://github.com/incident-scribe/incident-scribe';
/** Base id of the workspace root; GitHub code scanning resolves relative URIs against the checkout. */
const ROOT_ID = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, every rule described with its docs,
 * results located relative to the workspace root, 1-based regions with exclusive end columns.
 */
export const formatSarif: Formatter = (run, options) => {
  const rules: RuleMeta[] = [...ALL_RULES];
  for (const f of run.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) rules.push({ id: f.ruleId, defaultSeverity: f.severity, description: f.ruleId, tags: [], fixable: 'none', target: 'report' });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const location = (file: string, range: Range) => ({
    physicalLocation: {
      artifactLocation: artifactLocation(run.root, run.cwd, file),
      region: region(range),
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Incident Scribe',
            semanticVersion: options.version,
            version: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { [ROOT_ID]: { uri: pathToFileURL(run.root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        // What the text and JSON outputs say about each report: metrics and their milestones.
        properties: {
          reports: run.reports.map((r) => ({
            file: artifactLocation(run.root, run.cwd, r.file).uri,
            metrics: metricsOnly(r.metrics),
            milestones: milestonesJson(r.milestones ?? {}),
            summary: `${metricsText(r.metrics)}; ${milestonesText(r.milestones ?? {})}`,
          })),
        },
        results: run.findings.map((f) => {
          const result: Record<string, unknown> = {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: level(f.severity),
            message: { text: f.message },
            locations: [location(f.file, f.range)],
          };
          if (f.related && f.related.length > 0) {
            result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } }));
          }
          return result;
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};

function descriptor(meta: RuleMeta) {
  const url = docsUrl(meta.id);
  const page = RULE_DOCS[meta.id];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: page ? firstParagraph(page) ?? meta.description : meta.description },
    helpUri: url,
    help: page ? { text: `${meta.description} See ${url}`, markdown: page } : { text: `${meta.description} See ${url}` },
    defaultConfiguration: meta.defaultSeverity === 'off' ? { enabled: false, level: 'none' } : { level: level(meta.defaultSeverity) },
    properties: { tags: [...meta.tags] },
  };
}

/** `impact/no-duration` → `ImpactNoDuration`, the PascalCase name SARIF viewers show. */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The first prose paragraph of a docs page (after the title and the severity line). */
function firstParagraph(page: string): string | undefined {
  const paragraphs = page.split(/\r?\n\s*\r?\n/).map((p) => p.trim());
  return paragraphs.find((p) => p && !p.startsWith('#') && !p.startsWith('**'))?.replace(/\s*\r?\n\s*/g, ' ');
}

function level(severity: Severity | SeveritySetting): 'error' | 'warning' | 'note' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'off' ? 'none' : 'note';
}

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A location relative to the workspace root, with forward slashes and URI escaping. */
function artifactLocation(root: string, cwd: string, file: string): { uri: string; uriBaseId?: string } {
  const absolute = file.startsWith('file:') ? fileURLToPath(file) : isAbsolute(file) ? file : resolve(cwd, file);
  const rel = toPosix(relative(root, absolute));
  // A file outside the workspace root keeps its absolute URI (no base to resolve against).
  if (rel.startsWith('../') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID };
}
