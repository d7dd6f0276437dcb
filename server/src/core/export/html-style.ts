/**
 * The inline style sheet of the exported pages: readable on screen in light and dark mode
 * (`prefers-color-scheme`), and on paper (`@media print`). Pages load nothing else.
 */
export const PAGE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --link: #0969da; --accent: #8250df; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e;
  --row-hl: #fff8c5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --link: #4493f8; --accent: #ab7df8; --ok: #3fb950; --warn: #d29922; --bad: #f85149;
    --row-hl: #2e2a1a;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif;
  overflow-wrap: break-word;
}
a[href] { color: var(--link); }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: 1.9rem; margin-top: 0.3em; }
h2 { font-size: 1.4rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25em; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "Liberation Mono", Menlo, monospace; font-size: 0.9em; }
code { background: var(--panel); border-radius: 4px; padding: 0.1em 0.3em; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.8em 1em; overflow-x: auto; }
pre code { background: none; padding: 0; }
blockquote { margin: 1em 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid var(--border); padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: var(--panel); }
.status { display: inline-block; margin: 0; padding: 0.1em 0.6em; border-radius: 1em; font-size: 0.85rem;
  font-weight: 600; border: 1px solid currentColor; text-transform: capitalize; }
.status-final { color: var(--ok); } .status-review { color: var(--warn); } .status-draft, .status-unknown { color: var(--muted); }
table.metadata th { width: 14em; }
.metrics { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 0.8em 1.2em; margin: 1.5em 0; }
.metrics h2 { border: 0; margin: 0 0 0.5em; padding: 0; font-size: 1.05rem; }
.metrics dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(11em, 1fr)); gap: 0.6em 1.2em; margin: 0; }
.metrics dt { color: var(--muted); font-size: 0.85rem; }
.metrics dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.metrics dd.unknown { font-weight: 400; color: var(--muted); }
table.timeline td.time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 10em; }
table.timeline td.time-unknown { color: var(--muted); }
table.timeline tr.milestone td { background: var(--row-hl); }
table.timeline td > p:first-child { margin-top: 0; } table.timeline td > p:last-child { margin-bottom: 0; }
.badge { display: inline-block; margin: 0 0.25em 0.1em 0; padding: 0 0.5em; border-radius: 1em; font-size: 0.8rem;
  border: 1px solid var(--accent); color: var(--accent); white-space: nowrap; }
li.task-list-item { list-style: none; } li.task-list-item input { margin: 0 0.4em 0 -1.3em; vertical-align: middle; }
.findings { margin-top: 3em; color: var(--muted); }
.findings li { margin: 0.2em 0; }
.sev-error { color: var(--bad); } .sev-warning { color: var(--warn); }
footer { margin-top: 3em; padding-top: 1em; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.85rem; }
figure.chart { margin: 1.5em 0; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figure.chart figcaption { color: var(--muted); font-size: 0.9rem; }
.summary-stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); gap: 0.8em; }
.problems { margin: 0; padding-left: 1.1em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --border: #999; --panel: #f3f3f3; --link: #000; --row-hl: #eee; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
  h2, h3 { break-after: avoid; }
  tr, .metrics, figure.chart, pre { break-inside: avoid; }
  details { display: block; } details > summary { list-style: none; }
}
`;
