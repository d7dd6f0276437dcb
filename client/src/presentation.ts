/**
 * What the extension shows: the status bar text of a report and the metrics message. Pure, so
 * that the wording is tested without an editor.
 */

/** The front matter `status` of a report (draft, review, final, …), read without a YAML parser. */
export function frontMatterStatus(text: string): string | undefined {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  if (!fm) return undefined;
  const line = /^status:[ \t]*(.*?)[ \t]*(?:#.*)?$/m.exec(fm[1]);
  const value = line?.[1].replace(/^(['"])(.*)\1$/, '$2').trim();
  return value || undefined;
}

/** True when the front matter says `type: incident`. */
export function frontMatterIsIncident(text: string): boolean {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  return !!fm && /^type:[ \t]*['"]?incident['"]?[ \t]*(?:#.*)?$/m.test(fm[1]);
}

/** Counts of findings by severity, as the status bar shows them. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Information and hints together. */
  infos: number;
}

/** The status bar text: `$(report) draft · 2 errors, 3 warnings` or `… · no findings`. */
export function statusBarText(status: string | undefined, counts: FindingCounts): string {
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (counts.errors) parts.push(plural(counts.errors, 'error'));
  if (counts.warnings) parts.push(plural(counts.warnings, 'warning'));
  if (counts.infos) parts.push(plural(counts.infos, 'note'));
  const findings = parts.length ? parts.join(', ') : 'no findings';
  return `$(checklist) ${status ?? 'no status'} · ${findings}`;
}

/** What {@link formatMetrics} reads of the server's metrics command result (`ReportSummary` in server/src/protocol.ts). */
export interface MetricsResult {
  title?: string;
  status?: string;
  metrics?: { timeToDetectMinutes?: number; timeToMitigateMinutes?: number; timeToResolveMinutes?: number };
  counts?: Record<string, unknown>;
}

/** `95` → `1 h 35 min`; `40` → `40 min`; undefined → `unknown`. */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined || minutes === null || !Number.isFinite(minutes)) return 'unknown';
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(Math.round(minutes));
  if (total < 60) return `${sign}${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const out = [days ? `${days} d` : '', hours ? `${hours} h` : '', mins ? `${mins} min` : ''].filter(Boolean).join(' ');
  return sign + out;
}

/** Counts keyed by severity, as the server sends them, and how they read. */
const SEVERITY_WORDS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'hint' };

/** Splits `timelineEntries` into `timeline entries` for display. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The metrics as a short message and a longer detail, for a notification. Counts are shown as
 * the server sends them, whatever their names, so new counts need no client change.
 */
export function formatMetrics(result: MetricsResult): { message: string; detail: string } {
  const m = result.metrics ?? {};
  const title = result.title?.trim() || 'Untitled report';
  const message = `${title} (${result.status ?? 'no status'}): detect ${formatMinutes(m.timeToDetectMinutes)}, mitigate ${formatMinutes(m.timeToMitigateMinutes)}, resolve ${formatMinutes(m.timeToResolveMinutes)}`;
  const lines = [
    `Time to detect: ${formatMinutes(m.timeToDetectMinutes)}`,
    `Time to mitigate: ${formatMinutes(m.timeToMitigateMinutes)}`,
    `Time to resolve: ${formatMinutes(m.timeToResolveMinutes)}`,
  ];
  const counts = Object.entries(result.counts ?? {}).filter((entry): entry is [string, number | string] => typeof entry[1] === 'number' || typeof entry[1] === 'string');
  const severities = counts.filter(([key]) => SEVERITY_WORDS[key]);
  if (severities.length > 0) {
    const found = severities.filter(([, n]) => Number(n) > 0).map(([key, n]) => `${n} ${SEVERITY_WORDS[key]}${Number(n) === 1 ? '' : 's'}`);
    lines.push(`Findings: ${found.length ? found.join(', ') : 'none'}`);
  }
  for (const [key, value] of counts) {
    if (!SEVERITY_WORDS[key]) lines.push(`${words(key).replace(/^./, (c) => c.toUpperCase())}: ${value}`);
  }
  return { message, detail: lines.join('\n') };
}
