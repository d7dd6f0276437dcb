/**
 * The packaged extension in a real VS Code (code-server) driven through chromium, the way a user
 * meets it: one code-server start shared by the steps, each step saves a screenshot under
 * test-artifacts/e2e/. Run with `npm run test:e2e` (it builds the .vsix first).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { start, type Session } from './harness.js';
import { EXTENSION_ID, extensionLogErrors } from './logs.js';
import { Workbench, type ProblemRow } from './workbench.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
};
const VSIX = join(ROOT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

const BAD = 'incidents/2026-05-18-login-outage.md';
const GOOD = 'incidents/2026-03-04-thumbnail-cache.md';
const REPO = 'includes/ThumbnailRepo.php';
const READER = 'includes/ThumbnailReader.php';
const FIX_ON_SAVE = 'incidents/2026-06-02-search-lag.md';
const QUEUE = 'incidents/2026-07-11-queue-stall.md';

/** The palette command that exports HTML, as the manifest declares it (step 8 runs it by its title). */
const EXPORT_HTML = MANIFEST.contributes?.commands?.find((c) => c.command === 'incidentScribe.exportHtml');

// Steps run in order on one window; a step opens the files it needs and does not rely on the
// editor state a previous step left.
describe('the packaged extension in VS Code', { timeout: 15 * 60_000 }, () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: npm run test:e2e builds it (npm run package)`);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    session = await start({ vsix: VSIX, fixture: join(import.meta.dirname, 'workspace'), artifacts: ARTIFACTS });
    wb = new Workbench(session.page, ARTIFACTS);
  });

  after(async () => {
    await session?.close();
  });

  /** A test that leaves a screenshot of the window as it was when it failed. */
  function step(name: string, options: { skip?: string | false; todo?: string | false }, fn: () => Promise<void>): void {
    test(name, options, async () => {
      try {
        await fn();
      } catch (error) {
        await wb?.screenshot(`FAILED-${name.split('.')[0]}`).catch(() => undefined);
        // Close what the failed step left open (a dialog, a menu) so the next step starts clean.
        await session?.page.keyboard.press('Escape').catch(() => undefined);
        throw error;
      }
    });
  }

  step('1. a report shows its findings in the Problems panel with rule ids and lines; the good report shows none', {}, async () => {
    await wb.open(BAD);
    // The Problems panel lists the whole workspace (the PHP files have findings too): the report's
    // rows are those under its file row; the filter only tidies the screenshot.
    await wb.showProblems('login-outage');
    // The panel redraws its list as results arrive: wait for the report's rows to be exactly these,
    // so that a row drawn twice for a moment is not taken for a finding reported twice.
    const expected = ['13:report/missing-section', '52:actionables/no-owner'];
    const own = (r: ProblemRow[]) => r.filter((p) => p.file.includes('login-outage'));
    const rows = own(await wb.waitProblems('exactly the findings of the bad report', (r) => JSON.stringify(own(r).map((p) => `${p.line}:${p.code}`).sort()) === JSON.stringify(expected)));
    await wb.screenshot('problems-bad-report');
    assert.match(rows.find((p) => p.code === 'report/missing-section')!.message, /Missing section "Detection"/);

    await wb.open(GOOD);
    // The status bar item counts the findings the server sent for this report: proof that it was
    // checked, so an empty Problems list below means no findings rather than no answer yet.
    await wb.until('the status bar to show the good report as checked', async () => (await wb.statusBar()).includes('final · no findings'));
    await wb.showProblems('thumbnail-cache');
    await wb.screenshot('problems-good-report');
    assert.deepEqual((await wb.problems()).filter((p) => p.file.includes('thumbnail-cache')), [], 'the good report has no findings');
    await wb.showProblems();
  });

  step('2. typing an owner clears actionables/no-owner', {}, async () => {
    await wb.open(BAD);
    await wb.goToLine(52);
    await session.page.keyboard.press('End');
    await session.page.keyboard.type(' Owner: @sessions-team');
    const rows = await wb.waitProblems('no-owner to go away', (r) => r.length > 0 && !r.some((p) => p.code === 'actionables/no-owner'));
    await wb.screenshot('owner-typed');
    assert.ok(rows.some((p) => p.code === 'report/missing-section'), 'the other finding stays');
  });

  step('2b. typing @ in an actionable offers the owners of the workspace CODEOWNERS file, teams first', {}, async () => {
    await wb.open(BAD);
    await wb.goToLine(53);
    await session.page.keyboard.press('End');
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.type('- Rehearse a session store restart T420004 Owner: @');
    const rows = () => session.page.$$eval('.suggest-widget.visible .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
    const offered = await wb.until('owner names in the suggestions', async () => {
      const labels = await rows();
      if (labels.some((l) => l.startsWith('@keymaster, '))) return labels;
      // `@` triggers completion; should the widget have missed the keystroke, ask for it.
      if (labels.length === 0) await session.page.keyboard.press('Control+Space');
      return undefined;
    });
    await wb.screenshot('owner-completion');
    assert.ok(offered[0].startsWith('@acme/incident-review, '), `a team comes first: ${offered.join(' | ')}`);
    assert.ok(offered.some((l) => l.startsWith('@sessions-team, ')), offered.join(' | '));
    await session.page.keyboard.press('Enter');
    await wb.save();
    const line = readFileSync(join(session.workspace, BAD), 'utf8').split('\n')[53];
    assert.equal(line, '- Rehearse a session store restart T420004 Owner: @acme/incident-review');
  });

  step('3. the quick fix inserts the missing section and its finding goes away', {}, async () => {
    await wb.open(BAD);
    await wb.goToLine(13);
    await wb.quickFix('Insert section "Detection"');
    await wb.waitProblems('missing-section to go away', (r) => !r.some((p) => p.code === 'report/missing-section'));
    await wb.save();
    await wb.screenshot('section-inserted');
    const text = readFileSync(join(session.workspace, BAD), 'utf8');
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings.slice(0, 5), ['## Summary', '## Impact', '## Timeline', '## Detection', '## Conclusions']);
  });

  step('4a. hovering a timeline entry shows the time since the impact start', {}, async () => {
    await wb.open(BAD);
    await wb.goToLine(30);
    await wb.select('14:41');
    const hover = await wb.hover('14:41');
    await wb.screenshot('timeline-hover');
    assert.match(hover, /2026-05-18 14:41 UTC/);
    assert.match(hover, /39 min after the impact start/);
  });

  step('4b. the Outline shows the sections', {}, async () => {
    await wb.open(BAD);
    const rows = await wb.outline();
    await wb.screenshot('outline');
    for (const section of ['Logins failed after a session store restart', 'Summary', 'Impact', 'Timeline']) {
      assert.ok(
        rows.some((r) => r.startsWith(section)),
        `Outline lists ${section}: ${rows.join(' | ')}`,
      );
    }
  });

  step('5. both PHP files show keys/mixed-scope; makeGlobalKey on one clears both', {}, async () => {
    await wb.open(READER);
    await wb.open(REPO);
    await wb.showProblems('keys/mixed-scope');
    try {
      await mixedScope();
    } finally {
      await wb.showProblems();
    }
  });

  async function mixedScope(): Promise<void> {
    const rows = await wb.waitProblems('keys/mixed-scope in both files', (r) => r.filter((p) => p.code === 'keys/mixed-scope').length >= 2);
    await wb.screenshot('mixed-scope');
    const files = await session.page.$$eval('.markers-panel .monaco-list-row', (r) => r.map((x) => x.getAttribute('aria-label') ?? '').filter((l) => /problems? in file/.test(l)));
    assert.ok(files.some((f) => f.includes('ThumbnailRepo.php')) && files.some((f) => f.includes('ThumbnailReader.php')), `both files listed: ${files.join(' | ')}`);
    assert.deepEqual(rows.filter((p) => p.code === 'keys/mixed-scope').map((p) => p.line), [11, 11]);

    await wb.goToLine(11);
    await wb.select('makeKey');
    await session.page.keyboard.type('makeGlobalKey');
    await wb.until('keys/mixed-scope to go away in both files', async () => (await wb.problems()).every((p) => p.code !== 'keys/mixed-scope'));
    await wb.screenshot('mixed-scope-cleared');
  }

  step('6. the incident snippet expands into the report template', {}, async () => {
    await wb.open('notes/draft.md');
    await session.page.keyboard.type('incident');
    await session.page.keyboard.press('Control+Space');
    await wb.until('the incident snippet in the suggestions', async () => {
      const focused = await session.page.$eval('.suggest-widget .monaco-list-row.focused', (r) => r.getAttribute('aria-label') ?? '').catch(() => '');
      if (focused.startsWith('incident, ')) return true;
      await session.page.keyboard.press('ArrowDown');
      return false;
    });
    await wb.screenshot('snippet-suggested');
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.press('Escape');
    await wb.save();
    await wb.screenshot('snippet-expanded');
    const text = readFileSync(join(session.workspace, 'notes/draft.md'), 'utf8');
    assert.match(text, /^---\ntype: incident\n/);
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Actionables']) assert.ok(text.includes(`\n${heading}\n`), `snippet has ${heading}`);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left in the text');
  });

  step('7. "Incident Scribe: New Incident Report" creates the report and opens it', {}, async () => {
    const before = new Set(readdirSync(join(session.workspace, 'incidents')));
    await wb.command('Incident Scribe: New Incident Report');
    await wb.until('the title prompt', async () => (await session.page.getAttribute('.quick-input-widget .quick-input-box input', 'placeholder'))?.includes('Thumbnails'));
    await session.page.keyboard.type('Search index stalls');
    await wb.screenshot('new-report-title');
    await session.page.keyboard.press('Enter');
    const tab = await wb.waitActiveTab(/^\d{4}-\d{2}-\d{2}-search-index-stalls\.md$/);
    await wb.screenshot('new-report-open');
    const created = readdirSync(join(session.workspace, 'incidents')).filter((f) => !before.has(f));
    assert.deepEqual(created, [tab]);
    const text = readFileSync(join(session.workspace, 'incidents', tab), 'utf8');
    assert.match(text, /^# Search index stalls$/m);
    assert.match(text, /^## Timeline$/m);
  });

  step(
    '8. "Export Report as HTML" writes the file and does not overwrite it without confirmation',
    {},
    async () => {
      assert.ok(EXPORT_HTML, 'the manifest declares incidentScribe.exportHtml');
      const label = `${EXPORT_HTML!.category ? EXPORT_HTML!.category + ': ' : ''}${EXPORT_HTML!.title}`;
      await wb.open(GOOD);
      const htmlFiles = () => readdirSync(join(session.workspace, 'incidents')).filter((f) => f.endsWith('.html'));
      // The save dialog (VS Code's own, in the browser) proposes the report's name with .html.
      const acceptSaveDialog = async () => {
        const input = session.page.locator('.quick-input-widget input').first();
        await wb.until('the save dialog proposing an .html file', async () => (await input.isVisible()) && (await input.inputValue()).endsWith('.html'));
        await wb.screenshot('export-save-dialog');
        await session.page.keyboard.press('Enter');
      };
      await wb.command(label);
      await acceptSaveDialog();
      const [file] = await wb.until('the HTML file', async () => htmlFiles().length > 0 && htmlFiles());
      const path = join(session.workspace, 'incidents', file);
      await wb.until('the HTML file to be complete', async () => readFileSync(path, 'utf8').includes('</html>'));
      await wb.screenshot('export-html-written');
      const html = readFileSync(path, 'utf8');
      assert.match(html, /Stale thumbnails after a cache key change/);
      assert.doesNotMatch(html, /<script/i);
      const written = statSync(path).mtimeMs;

      // A second export to the same file must ask first; dismissing the question keeps the file.
      await wb.command(label);
      await acceptSaveDialog();
      // VS Code's file dialog asks first; say yes there, so that the extension's own question is
      // what stands between the user and a replaced file.
      await wb.until('the file dialog to ask about the existing file', async () =>
        (await session.page.locator('.quick-input-widget .quick-input-title').first().textContent().catch(() => ''))?.includes('already exists'),
      );
      await wb.screenshot('export-dialog-overwrite-question');
      await session.page.keyboard.press('Enter');
      await wb.until('the extension to ask before replacing', async () => (await session.page.$('.monaco-dialog-box'))?.isVisible());
      const question = await session.page.$eval('.monaco-dialog-box', (d) => d.textContent ?? '');
      assert.match(question, /already exists/i);
      await wb.screenshot('export-html-confirm');
      await session.page.keyboard.press('Escape');
      await wb.until('the question to close', async () => !(await session.page.$('.monaco-dialog-box')));
      assert.equal(statSync(path).mtimeMs, written);
      assert.equal(readFileSync(path, 'utf8'), html);
    },
  );

  step('8b. with fix-all on save (editor.codeActionsOnSave), saving a report inserts its missing section', {}, async () => {
    // The setting is switched on for this step only: the other steps save files too.
    const settings = join(session.workspace, '.vscode', 'settings.json');
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'editor.codeActionsOnSave': { 'source.fixAll.incidentScribe': 'explicit' } }, null, 2));
    try {
      await wb.open(FIX_ON_SAVE);
      await wb.showProblems('search-lag');
      const own = (r: ProblemRow[]) => r.filter((p) => p.file.includes('search-lag'));
      await wb.waitProblems('the missing Detection section', (r) => own(r).some((p) => p.code === 'report/missing-section'));
      const path = join(session.workspace, FIX_ON_SAVE);
      const fixed = () => readFileSync(path, 'utf8').includes('\n## Detection\n');
      // VS Code reads the settings file a moment after it is written, and a save before that runs
      // no fix-all: save again until a save does. A fix-all that never runs fails all three.
      for (let attempt = 0; attempt < 3 && !fixed(); attempt++) {
        // The Problems filter may have the keyboard focus: open the report again to give it back to the editor.
        await wb.open(FIX_ON_SAVE);
        if (attempt === 0) {
          await wb.goToLine(14);
          await session.page.keyboard.press('End');
          await session.page.keyboard.type(' It was renamed on a Tuesday.');
        } else {
          // Again: a space at the very end, which changes no line the step checks.
          await session.page.keyboard.press('Control+End');
          await session.page.keyboard.type(' ');
        }
        await wb.until('the typed text to make the report dirty', async () => !!(await session.page.$('.editor-group-container.active .tab.active.dirty')));
        await wb.save();
        await wb.until('the saved file to have the Detection section', async () => fixed(), 15_000).catch(() => undefined);
      }
      assert.ok(fixed(), 'saving the report with fix-all on save inserts the Detection section');
      await wb.waitProblems('missing-section to go away', (r) => !own(r).some((p) => p.code === 'report/missing-section'));
      await wb.screenshot('fix-all-on-save');
      const text = readFileSync(path, 'utf8');
      const headings = text.split('\n').filter((l) => l.startsWith('## '));
      assert.deepEqual(headings, ['## Summary', '## Impact', '## Timeline', '## Detection', '## Conclusions', '## Actionables']);
      assert.ok(text.includes('It was renamed on a Tuesday.'), 'what was typed is saved too');
    } finally {
      rmSync(settings, { force: true });
      await wb.showProblems();
    }
  });

  step('8c. "Import Timeline from Log…" shows a SAL excerpt and an IRC log in a diff, applies each as one edit; one undo takes it back', {}, async () => {
    const path = join(session.workspace, QUEUE);
    const original = readFileSync(path, 'utf8');
    const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
    /** Runs the command, picks "From files…" and names `file` in VS Code's file dialog. */
    const importFrom = async (file: string) => {
      await wb.open(QUEUE);
      await wb.command('Incident Scribe: Import Timeline from Log…');
      await wb.until('the question where the log lines are', async () => (await wb.quickInputRows()).some((r) => r.includes('From files')));
      await session.page.keyboard.type('From files');
      await session.page.keyboard.press('Enter');
      const input = session.page.locator('.quick-input-widget .quick-input-box input').first();
      await wb.until('the file dialog', async () => (await input.isVisible()) && (await input.inputValue()).startsWith('/') && (await wb.quickInputRows()).length > 0);
      // The dialog sets its folder path when it has listed the folder, which can overwrite a path
      // typed before: type it again until it stays.
      await wb.until('the file dialog to take the path', async () => {
        if ((await input.inputValue()).endsWith(file.split('/').pop()!)) return true;
        await input.fill(join(session.workspace, file));
        return false;
      });
      await session.page.keyboard.press('Enter');
    };
    /** Waits for the diff, checks its right side shows `entries`, and clicks Apply. */
    const previewAndApply = async (shot: string, entries: string[]) => {
      await wb.waitActiveTab(/imported timeline/);
      const modified = '.editor-group-container.active .monaco-diff-editor .editor.modified .view-lines';
      await wb.until('the imported entries in the diff', async () => {
        const text = plain(await session.page.textContent(modified));
        return entries.every((e) => text.includes(e));
      });
      const original = plain(await session.page.textContent('.editor-group-container.active .monaco-diff-editor .editor.original .view-lines'));
      for (const e of entries) assert.ok(!original.includes(e), `the left side is the report as it is: ${e}`);
      await wb.screenshot(shot);
      const apply = session.page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Apply' }).first();
      await wb.until('the Apply button', async () => apply.isVisible());
      await apply.click();
      await wb.waitActiveTab('2026-07-11-queue-stall.md');
      await wb.until('the diff to close', async () => !(await session.page.$(modified)));
    };

    await importFrom('logs/sal-excerpt.wiki');
    const sal = ['- 14:03 ravi@deploy1003: broker upgrade finished on queue1001-queue1004', '- 14:41 ravi: rolled back the broker to the previous release T400120', '- 15:12 ilse: restarted the job runners on all queue hosts T400120'];
    await previewAndApply('import-sal-diff', sal);
    await wb.focusEditor();
    await wb.save();
    let text = readFileSync(path, 'utf8');
    assert.ok(text.includes(['- 14:02 [start] The broker upgrade is rolled out to the queue hosts.', ...sal, '- 15:30 [resolved] The job backlog is drained.'].join('\n')), text);

    // One undo takes the whole import back.
    await session.page.keyboard.press('Control+z');
    await wb.save();
    await wb.until('the report to be as before the import', async () => readFileSync(path, 'utf8') === original);
    await wb.screenshot('import-sal-undone');

    // The IRC log does not say its zone: the command asks for it.
    await importFrom('logs/ops.2026-07-11.log');
    const zoneInput = session.page.locator('.quick-input-widget .quick-input-box input').first();
    await wb.until('the question for the zone', async () => (await zoneInput.getAttribute('placeholder'))?.includes('Europe/Berlin'));
    await session.page.keyboard.type('UTC');
    await session.page.keyboard.press('Enter');
    const irc = ['- 14:20 ilse: job run rate dropped to zero on the dashboard', '- 14:24 ravi: looking, the broker logs show consumers disconnecting', '- 14:55 ilse: jobs are running again, backlog shrinking'];
    await previewAndApply('import-irc-diff', irc);
    await wb.focusEditor();
    await wb.save();
    text = readFileSync(path, 'utf8');
    assert.ok(text.includes(['- 14:02 [start] The broker upgrade is rolled out to the queue hosts.', ...irc, '- 15:30 [resolved] The job backlog is drained.'].join('\n')), text);
    assert.ok(!text.includes('ravi@deploy1003'), 'the undone import stays undone');
    await wb.screenshot('import-irc-applied');
  });

  step('8d. "Paste as Timeline Entries" turns copied log lines into entries of the report at the cursor, in its style', {}, async () => {
    const path = join(session.workspace, QUEUE);
    await wb.open(QUEUE);
    const line = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.startsWith('- 14:55 ilse: jobs are running again')) + 1;
    assert.ok(line > 0, 'the entry of step 8c is in the report');
    await wb.focusEditor();
    await wb.goToLine(line);
    await session.page.keyboard.press('End');
    // Two Server Admin Log lines (UTC by definition), as copied from the wiki page.
    await session.page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), '== 2026-07-11 ==\n* 15:05 ravi: paused the re-render backfill T400120\n* 15:18 ilse: resumed the re-render backfill\n');
    await wb.command('Incident Scribe: Paste as Timeline Entries');
    await wb.until('the pasted entries in the editor', async () => (await session.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0);
    await wb.save();
    const text = readFileSync(path, 'utf8');
    assert.ok(
      text.includes(['- 14:55 ilse: jobs are running again, backlog shrinking', '- 15:05 ravi: paused the re-render backfill T400120', '- 15:18 ilse: resumed the re-render backfill', '- 15:30 [resolved] The job backlog is drained.'].join('\n')),
      text,
    );
    await wb.screenshot('paste-timeline-entries');
  });

  step('9. the extension host log shows no error from the extension', {}, async () => {
    await wb.showProblems();
    const { checked, errors } = extensionLogErrors(session.logsDir);
    const hostLog = checked.find((f) => f.endsWith('remoteexthost.log'));
    assert.ok(hostLog, `the extension host log was found: ${checked.join(', ')}`);
    assert.deepEqual(errors, []);
    assert.ok(readFileSync(hostLog, 'utf8').includes(`ExtensionService#_doActivateExtension ${EXTENSION_ID}`), 'the log shows the extension activated');
    // The extension's output channel, for the screenshot: the client writes its errors there.
    await wb.command('Output: Show Output Channels...');
    await wb.until('the Incident Scribe channel in the list', async () => (await wb.quickInputRows()).some((r) => r.includes('Incident Scribe')));
    await session.page.keyboard.type('Incident Scribe');
    await session.page.keyboard.press('Enter');
    await wb.until('the Incident Scribe channel shown', async () => {
      const shown = await session.page.$eval('.part.panel select', (s) => {
        const select = s as unknown as { selectedIndex: number; options: { text: string }[] };
        return select.options[select.selectedIndex]?.text;
      });
      return shown === 'Incident Scribe';
    });
    await wb.screenshot('output-channel');
  });
});
