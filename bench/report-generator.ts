/**
 * Generates realistic incident reports of a given size for the benchmarks: front matter, the
 * sections of the default profile, and a long multi-day timeline (date headings, tables and
 * bulleted entries with bold times, links, code, task ids and bare URLs). Every day differs, so
 * no two chunks of the document are the same text.
 */
import { random } from './random.js';


const SERVICES = ['the upload service', 'the job queue', 'the search cluster', 'the session store', 'the thumbnail renderer', 'the edge cache', 'the primary database'];
const VERBS = ['reports', 'recovers from', 'restarts', 'shows elevated latency on', 'drops connections to', 'fails over to'];
const PEOPLE = ['@ana', '@bo', '@chen', '@dmitri', '@efua', '@farid'];

const pad = (n: number) => String(n).padStart(2, '0');

function day(index: number, rnd: () => number): string {
  const date = new Date(Date.UTC(2022, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const lines = [`### ${date}`, '', '| Time | Host | Error rate | Note |', '| --- | --- | --- | --- |'];
  for (let i = 0; i < 6; i++) {
    lines.push(`| ${pad(i * 4)}:${pad(Math.floor(rnd() * 60))} | mw${1000 + Math.floor(rnd() * 900)} | ${(rnd() * 12).toFixed(2)}% | ${pick(SERVICES)} |`);
  }
  lines.push('');
  let minutes = 0;
  for (let i = 0; i < 24; i++) {
    minutes += 1 + Math.floor(rnd() * 50);
    const time = `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
    const task = `T${300000 + Math.floor(rnd() * 99999)}`;
    const extra =
      i % 5 === 0
        ? ` See https://grafana.example.org/d/${Math.floor(rnd() * 1e6)} and [${task}](https://phabricator.example.org/${task}).`
        : i % 3 === 0
          ? ` The log shows \`${pick(['ConnectionTimeout', 'OOMKilled', 'EAGAIN', 'HTTP 503'])}\` on ${Math.floor(rnd() * 40)} hosts.`
          : ` ${pick(PEOPLE)} follows up in ${task}.`;
    lines.push(`- **${time}** ${pick(SERVICES)} ${pick(VERBS)} ${pick(SERVICES)} (${Math.floor(rnd() * 5000)} requests affected).${extra}`);
  }
  lines.push('');
  return lines.join('\n') + '\n';
}

const HEAD = `---
type: incident
id: bench-report
title: A long incident for the benchmark
status: final
start: 2022-01-01T00:10:00Z
end: 2022-01-01T02:00:00Z
---

# A long incident for the benchmark

## Summary

A sequence of failures in several services, written down day by day.

## Impact

For 110 minutes, about 12% of uploads failed. No data was lost.

## Timeline

All times in UTC.

`;

const TAIL = `
## Detection

An alert on the upload error rate paged the on-call engineer.

## Conclusions

### What went well?

- The alert fired.

### What went poorly?

- The failures spread across services.

### Where did we get lucky?

- Traffic was low.

## Actionables

- Add a circuit breaker between the upload service and the job queue. T300001, owner @ana
- Alert on the queue's backlog. T300002, owner @bo
`;

/** A report of about `bytes` bytes (within one day's worth of text). */
export function generateReport(bytes: number, seed = 1): string {
  const rnd = random(seed);
  const parts = [HEAD];
  let length = HEAD.length + TAIL.length;
  for (let i = 0; length < bytes; i++) {
    const d = day(i, rnd);
    parts.push(d);
    length += d.length;
  }
  parts.push(TAIL);
  return parts.join('');
}
