/**
 * A small set of incident reports for the overview tests.
 */
import type { OverviewInput } from '../../server/src/core/export/overview.js';
import { checkText, loadFixture } from './export.js';

/** "Now" for the overview tests: 2026-05-10 12:00 UTC. */
export const NOW = Date.UTC(2026, 4, 10, 12, 0);

function report(file: string, frontMatter: string, timeline: string[], actionables: string[]): string {
  return ['---', frontMatter, '---', '', `## Timeline`, '', 'All times in UTC.', '', ...timeline.map((t) => `- ${t}`), '', '## Actionables', '', ...actionables.map((a) => `- ${a}`), ''].join('\n');
}

/** Four incidents over four months (one month without any), with open problems of each kind. */
export function overviewInputs(): OverviewInput[] {
  const dns = checkText(
    'incidents/2026-01-15-dns.md',
    report(
      'dns',
      'title: Resolver overload after a TTL change\nstatus: final\nstart: 2026-01-15T09:00Z',
      ['09:00 TTL lowered. [start]', '09:20 Alert fires. [detected]', '10:30 TTL restored. [resolved]'],
      ['Add a TTL lint. T400201 @erik', 'Review resolver capacity.'],
    ),
  ).report;
  const queue = checkText(
    'incidents/2026-01-28-queue.md',
    report(
      'queue',
      'title: Job queue backlog\nstatus: review\nstart: 2026-01-28T22:10Z',
      ['2026-01-28 22:10 Backlog grows. [start]', '2026-01-28 23:55 Noticed by a user. [detected]', '2026-01-29 03:05 Backlog drained. [resolved]'],
      ['Alert on backlog age. T400210', '[x] Document the drain procedure. @sam'],
    ),
  ).report;
  const stale = checkText(
    'incidents/2026-03-30-stale.md',
    report('stale', 'title: Stale draft about a cache flush\nstatus: draft\nstart: 2026-03-30T08:00Z', ['08:00 Cache flushed. [start]'], []),
  ).report;
  return [
    { file: 'incidents/2026-01-15-dns.md', report: dns },
    { file: 'incidents/2026-01-28-queue.md', report: queue },
    { file: 'incidents/2026-03-04-cache-split.md', report: loadFixture('cache-split.md').report },
    { file: 'incidents/2026-03-30-stale.md', report: stale },
  ];
}
