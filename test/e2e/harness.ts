/**
 * Runs a real VS Code (code-server, VS Code's web build) with the packaged extension installed,
 * in a throw-away user-data folder, and drives it with Debian's chromium through playwright-core.
 * Everything is started in its own process group and killed as a group: extension hosts and
 * language servers otherwise outlive the test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Paths printed by scripts/e2e-setup.sh (which installs once and caches). */
export function setup(): { node: string; codeServer: string } {
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'e2e-setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const value = (name: string) => {
    const m = new RegExp(`^${name}=(.*)$`, 'm').exec(out);
    if (!m) throw new Error(`e2e-setup.sh printed no ${name}`);
    return m[1];
  };
  return { node: value('NODE_BIN'), codeServer: value('CODE_SERVER') };
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => res(port));
    });
  });
}

/** A running code-server plus browser page, and the folder it works in. */
export interface Session {
  page: Page;
  workspace: string;
  /** The extension host log folder, to look for errors. */
  logsDir: string;
  artifacts: string;
  close(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'php.validate.enable': false,
  'git.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'editor.quickSuggestionsDelay': 0,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Starts code-server with `vsix` installed on a copy of `fixture`, and opens it in chromium. */
export async function start(options: { vsix?: string; fixture: string; artifacts: string }): Promise<Session> {
  const { node, codeServer } = setup();
  const temp = mkdtempSync(join(tmpdir(), 'incident-scribe-e2e-'));
  const workspace = join(temp, 'workspace');
  cpSync(options.fixture, workspace, { recursive: true });
  const userData = join(temp, 'user-data');
  const extensions = join(temp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(options.artifacts, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = join(temp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = {
    ...process.env,
    PATH: `${resolve(node, '..')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(temp, 'xdg-config'),
    XDG_DATA_HOME: join(temp, 'xdg-data'),
    XDG_CACHE_HOME: join(temp, 'xdg-cache'),
  };
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  if (options.vsix) {
    execFileSync(node, [codeServer, ...common, '--install-extension', options.vsix], { env, stdio: 'pipe' });
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    node,
    [
      codeServer,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverOutput = '';
  server.stdout?.on('data', (d) => (serverOutput += d));
  server.stderr?.on('data', (d) => (serverOutput += d));
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    try {
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    writeFileSync(join(options.artifacts, 'code-server.log'), serverOutput);
    // Keep VS Code's own logs (extension host, output channels) with the screenshots.
    if (existsSync(join(userData, 'logs'))) cpSync(join(userData, 'logs'), join(options.artifacts, 'logs'), { recursive: true });
    rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 30_000, () => `code-server did not come up:\n${serverOutput}`);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    // A loaded machine can take well over a minute to serve and boot the workbench.
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    return { page, workspace, logsDir: join(userData, 'logs'), artifacts: options.artifacts, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 200));
  }
}
