/**
 * Inputs of the keystroke benchmark: honest large reports (a very long timeline, a very long list
 * of actionables) and hostile Markdown that makes a parser slow (long runs of emphasis markers,
 * deep block quotes, deeply nested lists, very wide tables). Written here, not taken from anywhere.
 */
import { random } from './random.js';

const pad = (n: number) => String(n).padStart(2, '0');

const HEAD = (title: string) => `---
type: incident
title: ${title}
start: 2022-03-01T00:00:00Z
---

# ${title}

## Summary

Several services failed one after the other.

## Impact

For 40 minutes about 3% of requests failed. No data was lost.

`;

const TAIL = `
## Detection

An alert paged the on-call engineer.

## Conclusions

### What went well?

- The alert fired.

### What went poorly?

- Recovery was slow.

### Where did we get lucky?

- Traffic was low.
`;

/** A timeline of `count` entries (20,000 entries are about 400 KB... with short lines). */
export function longTimeline(count: number, seed = 7): string {
  const rnd = random(seed);
  const lines = ['## Timeline', '', 'All times in UTC.', ''];
  let minute = 0;
  for (let i = 0; i < count; i++) {
    if (i % 1440 === 0) lines.push('', `### 2022-03-${pad(1 + Math.floor(i / 1440))}`, '');
    minute = (minute + 1) % 1440;
    lines.push(`- ${pad(Math.floor(minute / 60))}:${pad(minute % 60)} worker ${Math.floor(rnd() * 900)} retries`);
  }
  return HEAD('A long timeline') + lines.join('\n') + '\n' + TAIL + '\n## Actionables\n\n- Cap the retries. T1001 @ana\n';
}

/** `count` actionables, each with a task and an owner. */
export function manyActionables(count: number, seed = 9): string {
  const rnd = random(seed);
  const lines = ['## Actionables', ''];
  for (let i = 0; i < count; i++) lines.push(`- Add a limit to queue ${Math.floor(rnd() * 5000)} of the job runner. T${200000 + i}, owner @dev${i % 40}`);
  return HEAD('Many actionables') + '## Timeline\n\nAll times in UTC.\n\n- 00:00 [start] Errors rise.\n- 00:05 [detected] Alert.\n- 00:40 [resolved] Fixed.\n' + TAIL + '\n' + lines.join('\n') + '\n';
}

/** A report whose summary holds a hostile fragment. */
export function hostile(kind: 'emphasis' | 'quotes' | 'nested-list' | 'wide-table', bytes: number): string {
  let fragment = '';
  switch (kind) {
    case 'emphasis':
      fragment = '*a'.repeat(bytes / 2);
      break;
    case 'quotes':
      fragment = '>'.repeat(bytes) + ' deep';
      break;
    case 'nested-list': {
      const lines: string[] = [];
      for (let depth = 0, size = 0; size < bytes; depth++) {
        const line = ' '.repeat(depth * 2) + '- item ' + depth;
        lines.push(line);
        size += line.length + 1;
      }
      fragment = lines.join('\n');
      break;
    }
    case 'wide-table': {
      const columns = Math.floor(bytes / 8);
      fragment = '|' + ' h |'.repeat(columns) + '\n|' + ' - |'.repeat(columns) + '\n|' + ' x |'.repeat(columns);
      break;
    }
  }
  return HEAD('Hostile ' + kind) + '## Notes\n\n' + fragment + '\n\n## Timeline\n\nAll times in UTC.\n\n- 00:00 [start] Errors rise.\n- 00:05 [detected] Alert.\n- 00:40 [resolved] Fixed.\n' + TAIL;
}
