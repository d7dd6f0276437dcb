/**
 * Reports that carry Markdown or YAML known to make parsers slow or deep, one class each, with
 * honest sections around the hostile one so that tests can see those are still checked.
 */
export const HOSTILE_FRAGMENTS: Record<string, string> = {
  'emphasis run': '*a'.repeat(10 * 1024),
  'deep block quote': '>'.repeat(20000) + ' deep',
  'deeply nested list': Array.from({ length: 500 }, (_, d) => ' '.repeat(d * 2) + '- level ' + d).join('\n'),
  'wide table': '|' + ' h |'.repeat(3000) + '\n|' + ' - |'.repeat(3000) + '\n|' + ' x |'.repeat(3000),
  'link brackets': '[x'.repeat(8000) + ']'.repeat(8000),
  'code spans': '`a'.repeat(8000),
  'quote lines': Array.from({ length: 300 }, () => '> '.repeat(40) + 'x').join('\n'),
};

/** A report whose "Notes" section holds `fragment`; the other sections have findings of their own. */
export function hostileReport(fragment: string, frontMatter = 'type: incident\ntitle: Disk full\nstart: 2024-05-02T08:00:00Z'): string {
  return `---
${frontMatter}
---

# Disk full

## Summary

The log disk filled up. TODO: say which host.

## Notes

${fragment}

## Timeline

All times in UTC.

- 08:00 [start] Writes fail.
- 08:10 [detected] An alert fires.
- 08:50 [resolved] Space is freed.
`;
}
