/** The webview pages made from the server's HTML exports (client/src/webview.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overviewPage, previewCsp, previewPage, reportToOpen } from '../../client/src/webview.js';

const PAGE = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:"><title>T</title></head><body><p>x</p></body></html>\n`;
const policies = (html: string) => [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);

test('the preview keeps the export\'s policy and adds the webview\'s, first in the head', () => {
  const page = previewPage(PAGE, 'https://csp.test');
  assert.deepEqual(policies(page), [previewCsp('https://csp.test'), 'default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:']);
  assert.match(page, /^<!doctype html>\n<html lang="en"><head><meta http-equiv="Content-Security-Policy"/);
  assert.equal(previewCsp('https://csp.test'), "default-src 'none'; style-src 'unsafe-inline' https://csp.test; img-src data:");
});

test('the overview replaces the script-less policy by one allowing only its nonce script, before </body>', () => {
  const page = overviewPage(PAGE, 'https://csp.test', 'abc123');
  assert.deepEqual(policies(page), ["default-src 'none'; style-src 'unsafe-inline' https://csp.test; img-src data:; script-src 'nonce-abc123'"]);
  assert.match(page, /<script nonce="abc123">[^<]*acquireVsCodeApi[^<]*<\/script><\/body><\/html>\n$/);
});

test('only a listed report can be opened from the overview', () => {
  const reports = [{ file: 'incidents/a.md', uri: 'file:///ws/incidents/a.md' }];
  assert.equal(reportToOpen({ type: 'open', file: 'incidents/a.md' }, reports), reports[0]);
  for (const message of [null, 'incidents/a.md', { file: 'incidents/a.md' }, { type: 'open', file: 'incidents/b.md' }, { type: 'open', file: ['incidents/a.md'] }]) {
    assert.equal(reportToOpen(message, reports), undefined, JSON.stringify(message));
  }
});
