/**
 * The extension manifest (package.json): generated settings in step with the rule registry, and
 * the contributions pointing at files that exist.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configuration, rulesSetting } from '../../scripts/manifest.js';
import { ALL_RULES } from '../../server/src/core/rules/index.js';
import { SEVERITY_SETTINGS } from '../../server/src/core/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('package.json settings match the rule registry (run npm run generate)', () => {
  assert.deepEqual(pkg.contributes.configuration, configuration());
});

test('every registered rule has a severity setting with its description and default', () => {
  const rules = pkg.contributes.configuration.properties['incidentScribe.rules'];
  assert.deepEqual(Object.keys(rules.properties).sort(), ALL_RULES.map((r) => r.id).sort());
  for (const meta of ALL_RULES) {
    const setting = rules.properties[meta.id];
    assert.deepEqual(setting.enum, [...SEVERITY_SETTINGS]);
    assert.equal(setting.default, meta.defaultSeverity);
    assert.ok(setting.markdownDescription.startsWith(meta.description), meta.id);
  }
  assert.equal(rules.additionalProperties, false);
});

test('the generated rules setting follows a registry change', () => {
  // The drift test above is only meaningful if a new rule changes what is generated.
  const extra = { id: 'style/example', defaultSeverity: 'info' as const, description: 'An example.', tags: [], fixable: 'none' as const, target: 'report' as const };
  const generated = rulesSetting([...ALL_RULES, extra]) as { properties: Record<string, unknown> };
  assert.ok('style/example' in generated.properties);
  assert.notDeepEqual(generated, rulesSetting());
});

test('settings the brief names are contributed', () => {
  const props = pkg.contributes.configuration.properties;
  for (const key of ['profile', 'reportGlobs', 'rules', 'keys.localBuilders', 'keys.globalBuilders', 'keys.global', 'keys.local', 'trace.server']) {
    assert.ok(props[`incidentScribe.${key}`], key);
    assert.ok(props[`incidentScribe.${key}`].markdownDescription || props[`incidentScribe.${key}`].description, `${key} is described`);
  }
  assert.deepEqual(props['incidentScribe.profile'].anyOf[0].enum, ['auto', 'wikimedia', 'google-sre', 'pagerduty', 'atlassian', 'generic', 'minimal']);
  assert.equal(props['incidentScribe.profile'].default, 'auto');
});

test('commands have palette titles under the Incident Scribe category', () => {
  const titles = pkg.contributes.commands.map((c: { category: string; title: string; command: string }) => [c.command, `${c.category}: ${c.title}`]);
  assert.deepEqual(Object.fromEntries(titles), {
    'incidentScribe.newReport': 'Incident Scribe: New Incident Report',
    'incidentScribe.insertTimelineEntry': 'Incident Scribe: Insert Timeline Entry (now, UTC)',
    'incidentScribe.showMetrics': 'Incident Scribe: Show Incident Metrics',
    'incidentScribe.exportWikitext': 'Incident Scribe: Export Report as Wikitext',
    'incidentScribe.exportHtml': 'Incident Scribe: Export Report as HTML',
    'incidentScribe.exportJson': 'Incident Scribe: Export Report as JSON',
    'incidentScribe.copyWikitext': 'Incident Scribe: Copy Wikitext to Clipboard',
    'incidentScribe.previewHtml': 'Incident Scribe: Preview Report as HTML',
    'incidentScribe.showOverview': 'Incident Scribe: Show Incident Overview',
    'incidentScribe.fixAll': 'Incident Scribe: Fix All Auto-Fixable Problems',
    'incidentScribe.importTimeline': 'Incident Scribe: Import Timeline from Log…',
    'incidentScribe.pasteTimelineEntries': 'Incident Scribe: Paste as Timeline Entries',
    'incidentScribe.restartServer': 'Incident Scribe: Restart Server',
  });
  const source = ['commands.ts'].map((f) => readFileSync(join(ROOT, 'client', 'src', f), 'utf8')).join('\n');
  for (const [command] of titles) assert.ok(source.includes(`'${command}'`), `${command} is registered by the client`);
});

test('activation, capabilities and entry point', () => {
  assert.equal(pkg.main, './dist/extension.cjs');
  assert.match(pkg.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.deepEqual(pkg.activationEvents.slice().sort(), [
    'onLanguage:markdown',
    'onLanguage:php',
    'workspaceContains:.incident-scribe.json',
    'workspaceContains:.incident-scribe.yaml',
    'workspaceContains:.incident-scribe.yml',
  ]);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  assert.ok(pkg.capabilities.virtualWorkspaces.description.length > 20);
});

test('contributed files exist', () => {
  for (const path of [pkg.icon, ...pkg.contributes.snippets.map((s: { path: string }) => s.path), ...pkg.contributes.grammars.map((g: { path: string }) => g.path), 'LICENSE', 'CHANGELOG.md', 'README.md']) {
    assert.ok(existsSync(join(ROOT, path)), path);
  }
  const grammar = JSON.parse(readFileSync(join(ROOT, pkg.contributes.grammars[0].path), 'utf8'));
  assert.equal(grammar.scopeName, pkg.contributes.grammars[0].scopeName);
  assert.deepEqual(pkg.contributes.grammars[0].injectTo, ['text.html.markdown']);
});

test('the icon is a 128×128 PNG', () => {
  const png = readFileSync(join(ROOT, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});
