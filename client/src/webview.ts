/**
 * The pages the extension shows in webviews, made from the server's HTML exports. Pure string
 * work on pages the core generated (so their head is known), tested without VS Code.
 */

/** The policy of the report preview: nothing but inline styles and data images. */
export function previewCsp(cspSource: string): string {
  return `default-src 'none'; style-src 'unsafe-inline' ${cspSource}; img-src data:`;
}

/** The policy of the overview page: the preview's plus the one script with `nonce`. */
export function overviewCsp(cspSource: string, nonce: string): string {
  return `${previewCsp(cspSource)}; script-src 'nonce-${nonce}'`;
}

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/gi;

function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
}

function intoHead(html: string, tag: string): string {
  const head = /<head[^>]*>/i.exec(html);
  // Without a head (not a page the core made) the tag still comes before any content.
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}

/**
 * The report export as a preview page. The export's own policy stays: a browser enforces every
 * policy of a page, so the result is at least as strict as either.
 */
export function previewPage(html: string, cspSource: string): string {
  return intoHead(html, cspMeta(previewCsp(cspSource)));
}

/**
 * Posts the `data-file` of a clicked incident row to the extension. It only reads attributes; the
 * extension decides whether that file may be opened.
 */
const OVERVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest('tr[data-file]') : null;
    if (!row) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', file: row.getAttribute('data-file') });
  });
})();`;

/**
 * The overview export as a webview page whose incidents open their reports. The export's own
 * policy forbids every script, so it is replaced by one that allows only the nonce's script.
 */
export function overviewPage(html: string, cspSource: string, nonce: string): string {
  const page = intoHead(html.replace(CSP_META, ''), cspMeta(overviewCsp(cspSource, nonce)));
  const script = `<script nonce="${nonce}">${OVERVIEW_SCRIPT}</script>`;
  const end = page.lastIndexOf('</body>');
  return end === -1 ? page + script : page.slice(0, end) + script + page.slice(end);
}

/** The report a message from the overview page asks to open: only one the overview listed. */
export function reportToOpen<T extends { file: string }>(message: unknown, reports: readonly T[]): T | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, file } = message as { type?: unknown; file?: unknown };
  if (type !== 'open' || typeof file !== 'string') return undefined;
  return reports.find((r) => r.file === file);
}
