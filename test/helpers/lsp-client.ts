/**
 * A real JSON-RPC client for the language server tests: `node dist/server.js --stdio` as a child
 * process (or an in-process server over a stream pair), driven with vscode-languageserver-protocol.
 * It answers the server's requests the way an editor does and records what the server sends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

/** Capabilities of an editor that pulls diagnostics (like VS Code). */
export function pullCapabilities(): ClientCapabilities {
  return {
    textDocument: {
      diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      synchronization: { didSave: true },
    },
    workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
    window: { workDoneProgress: true },
  };
}

/** Capabilities of an editor that only takes pushed diagnostics. */
export function pushCapabilities(): ClientCapabilities {
  return {
    textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown'] } },
    workspace: { configuration: true },
  };
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** What `workspace/configuration` answers for the `incidentScribe` section. */
  settings?: Record<string, unknown>;
  /** Workspace folder; a fresh temporary folder when absent. */
  folder?: string;
  /**
   * The client's process id. An in-process server must not get one: the server watches that
   * process with a timer, which would keep the test process alive.
   */
  processId?: number | null;
  /** More command-line arguments for `dist/server.js` (after `--stdio`). */
  args?: string[];
  /** Sent as `initializationOptions` (VS Code's client sends the storage path there). */
  initializationOptions?: unknown;
}

/** A text edit applied to a string, as an editor would. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const sorted = edits.map((e, i) => ({ e, i, start: offset(e.range.start), end: offset(e.range.end) })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of sorted) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}

/** Waits until `check` returns a value other than undefined (a safety net, not a timing assertion). */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Asks `ask` again until `done` accepts its answer or `timeoutMs` has passed, and returns the last
 * answer either way, so that the assertion after it shows what the server said. For state the
 * server takes in asynchronously (a watch event, a background index): a bound on time, not on a
 * number of tries, so a loaded machine is not a failure.
 */
export async function pollUntil<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An editor talking to one server. */
export class TestClient {
  readonly pushed = new Map<string, PublishDiagnosticsParams[]>();
  readonly progress: unknown[] = [];
  readonly logs: string[] = [];
  /** `client/registerCapability` registrations the server asked for. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  refreshes = 0;
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    readonly folder: string,
    private readonly ownsFolder: boolean,
    readonly child?: ChildProcess,
    readonly stderr: string[] = [],
  ) {
    this.settings = {};
  }

  /** Starts `node dist/server.js --stdio` and initializes it. */
  static async spawn(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const child = spawn(process.execPath, [SERVER, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return TestClient.init(connection, options, child, stderr);
  }

  /** Connects to a server started in this process over a pair of streams. */
  static async inProcess(start: (reader: StreamMessageReader, writer: StreamMessageWriter) => void, options: StartOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    start(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return TestClient.init(connection, { processId: null, ...options });
  }

  private static async init(connection: ProtocolConnection, options: StartOptions, child?: ChildProcess, stderr?: string[]): Promise<TestClient> {
    const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'incident-scribe-lsp-'));
    const client = new TestClient(connection, folder, !options.folder, child, stderr);
    client.settings = options.settings ?? {};
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = client.pushed.get(p.uri) ?? [];
      list.push(p);
      client.pushed.set(p.uri, list);
    });
    connection.onNotification('$/progress', (p: unknown) => void client.progress.push(p));
    connection.onNotification('window/logMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.onNotification('window/showMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.listen();
    const uri = pathToFileURL(folder).href;
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'workspace' }],
      capabilities: options.capabilities ?? pullCapabilities(),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The URI of a path inside the workspace folder. */
  uri(relative: string): string {
    return pathToFileURL(join(this.folder, relative)).href;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental change; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text with an incremental change covering the old text. */
  async replaceAll(uri: string, oldText: string, newText: string): Promise<number> {
    const lines = oldText.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text: newText }]);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Pulls the diagnostics of a document. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    assertFull(report);
    return report.items;
  }

  /** The last diagnostics pushed for `uri` that satisfy `accept`. */
  async pushedWhere(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]> {
    return waitFor(`diagnostics pushed for ${uri}`, () => {
      const list = this.pushed.get(uri);
      const last = list?.[list.length - 1];
      return last && accept(last) ? last.diagnostics : undefined;
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts the server down and removes the temporary folder. */
  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      if (this.child) await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the test that cares checks for it.
    }
    if (this.child && this.child.exitCode === null) {
      // A safety net for a server that does not exit, not a timing claim: generous, because a
      // loaded machine is slow to let a process go, and tests assert the clean exit code.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([new Promise((r) => this.child!.once('exit', r)), new Promise((r) => (timer = setTimeout(r, 15000)))]);
      clearTimeout(timer);
      if (this.child.exitCode === null) this.child.kill();
    }
    this.connection.dispose();
    if (this.ownsFolder) rmSync(this.folder, { recursive: true, force: true });
  }
}

function assertFull(report: DocumentDiagnosticReport): asserts report is DocumentDiagnosticReport & { kind: 'full' } {
  if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${report.kind}`);
}
