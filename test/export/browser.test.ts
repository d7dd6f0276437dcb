/**
 * The HTML export and the overview page in a real browser: Debian's chromium driven by
 * playwright-core (nothing downloaded). Asserts what a reader sees and that no script ran, and
 * saves screenshots under test-artifacts/export/. Without /usr/bin/chromium the test is skipped
 * locally, and fails under CI=true (.ci/run installs chromium).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../server/src/core/export/html.js';
import { buildOverview } from '../../server/src/core/export/overview.js';
import { renderOverviewHtml } from '../../server/src/core/export/overview-html.js';
import { loadFixture, ROOT } from '../helpers/export.js';
import { NOW, overviewInputs } from '../helpers/overview.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts', 'export');
// Page-side code is passed as strings: the test project compiles without the DOM library.
const present = existsSync(CHROMIUM);
const skip = present ? false : `${CHROMIUM} not found; install it with: apt-get install -y chromium fonts-liberation`;

test('chromium is installed where CI runs the browser test', { skip: process.env.CI !== 'true' }, () => {
  assert.ok(present, `CI=true but ${CHROMIUM} is missing: .ci/run should have installed it`);
});

/** Everything a page did that an inert page must not do. */
interface Activity {
  dialogs: string[];
  console: string[];
  errors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; activity: Activity }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const activity: Activity = { dialogs: [], console: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    activity.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => activity.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => activity.errors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) activity.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, activity };
}

function assertInert(activity: Activity, what: string): void {
  assert.deepEqual(activity.dialogs, [], `${what}: no dialog`);
  assert.deepEqual(activity.console, [], `${what}: no console message (a blocked script or load would log one)`);
  assert.deepEqual(activity.errors, [], `${what}: no page error`);
  assert.deepEqual(activity.requests, [], `${what}: nothing loaded`);
}

function write(name: string, content: string): string {
  const path = join(ARTIFACTS, name);
  writeFileSync(path, content);
  return path;
}

describe('exports in headless chromium', { skip }, () => {
  let browser: Browser;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  test('the instrumentation sees a script that runs (control)', async () => {
    const file = write('control.html', '<!doctype html><title>control</title><script>window.__pwned = 1; console.log("ran"); alert("ran")</script>');
    const { page, activity } = await open(browser, file);
    assert.equal(await page.evaluate('globalThis.__pwned'), 1);
    assert.deepEqual(activity.dialogs, ['ran']);
    assert.deepEqual(activity.console, ['log: ran']);
    await page.context().close();
  });

  test('report page: title, metadata, metrics box, timeline rows', async () => {
    const { report, findings } = loadFixture('cache-split.md');
    const file = write('report.html', renderHtml(report, findings));
    const { page, activity } = await open(browser, file);
    assert.equal(await page.title(), 'Thumbnail metadata cache split between wikis');
    assert.equal(await page.locator('h1').innerText(), 'Thumbnail metadata cache split between wikis');
    assert.equal(await page.locator('.status').innerText(), 'Review', 'capitalized by the style sheet');
    const metrics = page.locator('aside.metrics');
    assert.ok(await metrics.isVisible());
    assert.match(await metrics.innerText(), /Time to detect\s+1 h 47 min[\s\S]*Time to resolve\s+4 h 25 min/);
    const rows = page.locator('table.timeline tbody tr');
    assert.equal(await rows.count(), 6);
    assert.deepEqual(
      (await rows.nth(2).locator('td').allInnerTexts()).map((t) => t.trim()),
      ['2026-03-04 09:02', '09:02 The report is filed as T401122 and triaged. [detected]', 'detected'],
    );
    assert.equal(await page.locator('table.timeline tr.milestone').count(), 4);
    assert.equal(await page.locator('table.metadata th', { hasText: 'Affected metrics/SLOs' }).count(), 1);
    // The highlighted milestone rows differ from the others: the style sheet applied.
    const background = (row: number) => page.evaluate(`getComputedStyle(document.querySelectorAll('table.timeline tbody tr')[${row}].cells[0]).backgroundColor`);
    const plain = await background(1);
    const marked = await background(0);
    assert.equal(typeof plain, 'string');
    assert.notEqual(plain, marked);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    assertInert(activity, 'report page');
    await page.context().close();
  });

  test('report page in dark mode switches colors', async () => {
    const file = join(ARTIFACTS, 'report.html');
    const light = await open(browser, file, 'light');
    const dark = await open(browser, file, 'dark');
    const bg = (p: Page) => p.evaluate('getComputedStyle(document.documentElement).backgroundColor');
    assert.equal(await bg(light.page), 'rgb(255, 255, 255)');
    assert.equal(await bg(dark.page), 'rgb(13, 17, 23)');
    await dark.page.screenshot({ path: join(ARTIFACTS, 'report-dark.png'), fullPage: true });
    assertInert(dark.activity, 'dark report page');
    await light.page.context().close();
    await dark.page.context().close();
  });

  test('hostile report: nothing runs, nothing loads, the text is still readable', async () => {
    const { report, findings } = loadFixture('hostile.md');
    const file = write('hostile.html', renderHtml(report, findings));
    const { page, activity } = await open(browser, file);
    assert.equal(await page.evaluate('globalThis.__pwned'), undefined);
    assert.equal(await page.locator('script, iframe, object, embed').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count(), 0);
    assert.equal(await page.title(), "Hostile <script>window.__pwned = 'title'</script> {{Delete}}");
    // Clicking the neutered link does nothing either.
    await page.locator('a', { hasText: 'click me' }).click();
    const body = await page.locator('main').innerText();
    assert.ok(body.includes('Plain {{Main Page}} and [[Main Page]]'));
    await page.screenshot({ path: join(ARTIFACTS, 'hostile.png'), fullPage: true });
    assertInert(activity, 'hostile page');
    await page.context().close();
  });

  test('overview page: summary, both charts as SVG, one row per incident', async () => {
    const file = write('overview.html', renderOverviewHtml(buildOverview(overviewInputs(), NOW)));
    const { page, activity } = await open(browser, file);
    assert.equal(await page.title(), 'Incident overview');
    assert.match(await page.locator('aside.metrics').innerText(), /Time to detect\s+median 1 h 45 min\s+90th percentile 1 h 47 min/);
    assert.equal(await page.locator('figure.chart svg').count(), 2);
    for (const id of ['chart-durations', 'chart-per-month']) {
      const box = await page.locator(`#${id} svg`).boundingBox();
      assert.ok(box && box.width > 300 && box.height > 100, `${id} is drawn at a readable size`);
      assert.ok((await page.locator(`#${id} svg path`).count()) > 5, `${id} has bars and axes`);
    }
    assert.equal(await page.locator('table.incidents tbody tr').count(), 4);
    assert.equal(await page.locator('table.incidents a.report-link').first().getAttribute('href'), 'incidents/2026-01-15-dns.md');
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    assertInert(activity, 'overview page');
    await page.context().close();
  });
});
