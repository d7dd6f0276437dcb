/** A generated report of about `bytes` bytes: a long timeline and many note sections. */
export function largeReport(bytes: number): string {
  const parts = ['---\ntype: incident\ntitle: A very long report\nstart: 2026-03-04T09:12Z\n---\n\n# A very long report\n\n## Summary\n\nCaches went cold.\n\n## Impact\n\nFor 38 minutes, 4% of requests failed. No data was lost.\n\n## Timeline\n\nAll times in UTC.\n\n'];
  let size = parts[0].length;
  const start = Date.parse('2026-03-04T09:12:00Z');
  for (let i = 0; size < bytes / 2; i++) {
    const at = new Date(start + i * 60000).toISOString();
    const line = `- ${at.slice(0, 10)} ${at.slice(11, 16)} ${i === 0 ? '[start] ' : ''}Step ${i}: the operators looked at the cache hit rate dashboards again.\n`;
    parts.push(line);
    size += line.length;
  }
  parts.push('\n## Detection\n\nAn alert fired.\n\n## Notes\n\n');
  for (let i = 0; size < bytes; i++) {
    const section = `### Note ${i}\n\nThe cache cluster ${i} answered slowly while its keys were rebuilt; the graphs show the hit rate dropping and recovering over a few minutes.\n\n`;
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}
