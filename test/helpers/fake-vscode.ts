/**
 * A stand-in for the `vscode` module, so that the bundled extension (dist/extension.cjs) can be
 * loaded and activated under plain Node: every export of @types/vscode exists, anything not
 * modelled here is an inert stub, and what the extension registers is recorded. It proves the
 * wiring (commands, status bar, server module path), not behaviour inside VS Code: that is
 * what the e2e tests are for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** An object that is callable, constructible and has every property; not a promise. */
function inert(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (t, prop) => {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'prototype') return t.prototype;
      return inert();
    },
    apply: () => inert(),
    construct: () => inert() as object,
  });
  return proxy;
}

/** What the fake records, and the handles a test moves it with. */
export interface FakeVscode {
  module: Record<string, unknown>;
  commands: Map<string, (...args: unknown[]) => unknown>;
  statusBarItems: { text: string; visible: boolean; command?: string }[];
  messages: string[];
  /** Glob patterns of the file system watchers the extension created. */
  watchers: unknown[];
  /** Files by path, for `workspace.fs` and file-creating workspace edits. */
  files: Map<string, string>;
  /** Answers `showInputBox` gives, first in first out; undefined is a cancelled box. */
  inputs: (string | undefined)[];
  /** Documents passed to `showTextDocument`. */
  shown: string[];
  /** `insertSnippet` calls of the fake editor: the snippet text and where it went. */
  snippets: { value: string; at: unknown }[];
  /** Edits `applyEdit` refuses, by path, to play a file created by someone else meanwhile. */
  raceOn: Set<string>;
  /** Diagnostics `languages.getDiagnostics` returns, by URI string. */
  diagnostics: Map<string, { source?: string; severity: number }[]>;
  /** Settings by full name (`incidentScribe.reportGlobs`). */
  settings: Map<string, unknown>;
  /** Answers `showSaveDialog` gives (paths), first in first out; undefined is a cancelled dialog. */
  saveAnswers: (string | undefined)[];
  /** Answers `showWarningMessage` gives (a button title), first in first out; undefined dismisses. */
  warningAnswers: (string | undefined)[];
  /** The options of each `showSaveDialog` and `showWarningMessage` call with buttons, in order. */
  dialogs: { kind: 'save' | 'warning'; message?: string; options: unknown; buttons?: string[] }[];
  /** What `env.clipboard.writeText` received. */
  clipboard: string[];
  /** Webview panels created, with the page they show and the messages their page can post. */
  panels: { viewType: string; title: string; options: Record<string, unknown>; html: string; post(message: unknown): Promise<void> }[];
  /** Answers `commands.executeCommand` for commands the extension does not register itself (the server's). */
  executed: { command: string; args: unknown[] }[];
  serverAnswer: (command: string, args: unknown[]) => unknown;
  /** Calls the listeners of an event such as `window.onDidChangeActiveTextEditor`. */
  fire(event: string, value: unknown): void;
  /** Sets `window.activeTextEditor` to a Markdown editor on `text` with the cursor on `line`. */
  openEditor(path: string, text: string, line?: number): void;
  setFolders(paths: string[]): void;
}

/** The names @types/vscode exports, so that `import * as vscode` sees them all. */
function exportedNames(): string[] {
  const dts = readFileSync(join(require.resolve('@types/vscode/package.json'), '..', 'index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\texport (?:class|enum|namespace|function|const|let) ([A-Za-z_]+)/gm)].map((m) => m[1]))];
}

function namespace(overrides: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(overrides, { get: (t, prop) => (prop in t ? t[prop as string] : typeof prop === 'symbol' || prop === 'then' ? undefined : inert()) });
}

export function createFakeVscode(): FakeVscode {
  const listeners = new Map<string, ((value: unknown) => void)[]>();
  const fake: FakeVscode = {
    module: {},
    commands: new Map(),
    statusBarItems: [],
    messages: [],
    watchers: [],
    files: new Map(),
    inputs: [],
    shown: [],
    snippets: [],
    raceOn: new Set(),
    diagnostics: new Map(),
    settings: new Map(),
    saveAnswers: [],
    warningAnswers: [],
    dialogs: [],
    clipboard: [],
    panels: [],
    executed: [],
    serverAnswer: () => {
      throw new Error('command not found');
    },
    fire: (name, value) => {
      for (const listener of listeners.get(name) ?? []) listener(value);
    },
    openEditor: () => undefined,
    setFolders: () => undefined,
  };
  const disposable = () => ({ dispose() {} });
  const on = (name: string) => (listener: (value: unknown) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    return disposable();
  };
  for (const name of exportedNames()) fake.module[name] = inert();
  class Uri {
    constructor(
      readonly scheme: string,
      readonly fsPath: string,
    ) {}
    static file(path: string) {
      return new Uri('file', path);
    }
    static parse(value: string) {
      const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
      return match ? new Uri(match[1], decodeURIComponent(match[2])) : new Uri('file', value);
    }
    static joinPath(base: Uri, ...parts: string[]) {
      return new Uri(base.scheme, join(base.fsPath, ...parts));
    }
    toString() {
      return `${this.scheme}://${this.fsPath}`;
    }
  }
  class Position {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  }
  class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: number, b: number, c: number, d: number) {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    }
  }
  class WorkspaceEdit {
    readonly creates: { path: string; overwrite: boolean; text: string }[] = [];
    createFile(uri: Uri, options: { overwrite?: boolean; contents?: Uint8Array }) {
      this.creates.push({ path: uri.fsPath, overwrite: !!options.overwrite, text: new TextDecoder().decode(options.contents ?? new Uint8Array()) });
    }
  }
  const notFound = (uri: Uri) => Object.assign(new Error(`${uri.fsPath} not found`), { code: 'FileNotFound' });
  fake.openEditor = (path, text, line = 0) => {
    const lines = text.split('\n');
    const document = {
      uri: Uri.file(path),
      languageId: 'markdown',
      getText: (range?: Range) => (range ? lines.slice(range.start.line, range.end.line).join('\n') : text),
      lineAt: (n: number) => ({ lineNumber: n, text: lines[n], range: new Range(n, 0, n, lines[n].length) }),
    };
    const editor = {
      document,
      selection: { active: new Position(line, 0) },
      insertSnippet: async (snippet: { value: string }, at: unknown) => {
        fake.snippets.push({ value: snippet.value, at });
        return true;
      },
    };
    (fake.module.window as { activeTextEditor: unknown }).activeTextEditor = editor;
    fake.fire('window.onDidChangeActiveTextEditor', editor);
  };
  fake.setFolders = (paths) => {
    (fake.module.workspace as { workspaceFolders: unknown }).workspaceFolders = paths.map((path, index) => ({ uri: Uri.file(path), name: path, index }));
  };
  const event = () => disposable();
  Object.assign(fake.module, {
    Position,
    Range,
    WorkspaceEdit,
    RelativePattern: class {
      readonly base: string;
      constructor(
        base: { uri: Uri },
        readonly pattern: string,
      ) {
        this.base = base.uri.fsPath;
      }
    },
    SnippetString: class {
      constructor(readonly value: string) {}
    },
    version: '1.91.0',
    Uri,
    Disposable: class {
      static from() {
        return disposable();
      }
      constructor(readonly dispose: () => void) {}
    },
    EventEmitter: class {
      event = event;
      fire() {}
      dispose() {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    env: namespace({ clipboard: { writeText: async (text: string) => void fake.clipboard.push(text), readText: async () => fake.clipboard.at(-1) ?? '' } }),
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    commands: namespace({
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        fake.commands.set(id, run);
        return disposable();
      },
      executeCommand: async (command: string, ...args: unknown[]) => {
        fake.executed.push({ command, args });
        return fake.serverAnswer(command, args);
      },
    }),
    window: namespace({
      activeTextEditor: undefined,
      createStatusBarItem: () => {
        const item = { text: '', visible: false, command: undefined as string | undefined, name: '', tooltip: '', show: () => (item.visible = true), hide: () => (item.visible = false), dispose() {} };
        fake.statusBarItems.push(item);
        return item;
      },
      showErrorMessage: async (message: string) => void fake.messages.push(message),
      showInputBox: async () => fake.inputs.shift(),
      showSaveDialog: async (options: unknown) => {
        fake.dialogs.push({ kind: 'save', options });
        const path = fake.saveAnswers.shift();
        return path === undefined ? undefined : Uri.file(path);
      },
      createWebviewPanel: (viewType: string, title: string, _column: unknown, options: Record<string, unknown>) => {
        let receive: (message: unknown) => unknown = () => undefined;
        const panel = {
          viewType,
          title,
          options,
          html: '',
          post: async (message: unknown) => void (await receive(message)),
          webview: {
            cspSource: 'https://webview.test',
            set html(value: string) {
              panel.html = value;
            },
            onDidReceiveMessage: (listener: (message: unknown) => unknown) => ((receive = listener), disposable()),
          },
          onDidDispose: event,
          dispose() {},
        };
        fake.panels.push(panel);
        return panel;
      },
      showTextDocument: async (uri: Uri) => void fake.shown.push(uri.fsPath),
      setStatusBarMessage: (message: string) => (fake.messages.push(message), disposable()),
      showWarningMessage: async (message: string, ...rest: unknown[]) => {
        fake.messages.push(message);
        const buttons = rest.filter((r): r is string => typeof r === 'string');
        if (buttons.length === 0) return undefined;
        fake.dialogs.push({ kind: 'warning', message, options: rest[0], buttons });
        return fake.warningAnswers.shift();
      },
      showInformationMessage: async (message: string) => void fake.messages.push(message),
      onDidChangeActiveTextEditor: on('window.onDidChangeActiveTextEditor'),
    }),
    workspace: namespace({
      workspaceFolders: undefined,
      getConfiguration: (section?: string) => ({
        get: (key: string, fallback?: unknown) => fake.settings.get(section ? `${section}.${key}` : key) ?? fallback,
        has: () => false,
        inspect: () => undefined,
        update: async () => undefined,
      }),
      onDidChangeTextDocument: on('workspace.onDidChangeTextDocument'),
      onDidChangeConfiguration: on('workspace.onDidChangeConfiguration'),
      asRelativePath: (uri: Uri) => uri.fsPath,
      getWorkspaceFolder: (uri: Uri) =>
        ((fake.module.workspace as { workspaceFolders?: { uri: Uri }[] }).workspaceFolders ?? []).find((f) => uri.fsPath.startsWith(f.uri.fsPath + '/')),
      fs: {
        stat: async (uri: Uri) => {
          if (!fake.files.has(uri.fsPath)) throw notFound(uri);
          return { type: 1 };
        },
        writeFile: async (uri: Uri, bytes: Uint8Array) => void fake.files.set(uri.fsPath, new TextDecoder().decode(bytes)),
        readFile: async (uri: Uri) => {
          const text = fake.files.get(uri.fsPath);
          if (text === undefined) throw notFound(uri);
          return new TextEncoder().encode(text);
        },
      },
      applyEdit: async (edit: WorkspaceEdit) => {
        for (const create of edit.creates) {
          if (fake.raceOn.delete(create.path)) fake.files.set(create.path, 'written by someone else');
          if (fake.files.has(create.path) && !create.overwrite) return false;
        }
        for (const create of edit.creates) fake.files.set(create.path, create.text);
        return true;
      },
      createFileSystemWatcher: (pattern: unknown) => {
        fake.watchers.push(pattern);
        return { onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} };
      },
    }),
    languages: namespace({
      onDidChangeDiagnostics: on('languages.onDidChangeDiagnostics'),
      getDiagnostics: (uri: Uri) => fake.diagnostics.get(uri.toString()) ?? [],
      // Enough of glob matching for the report globs: `**/incidents/**/*.md` and the like.
      match: (selector: { pattern?: string | { base: string; pattern: string } }, document: { uri: Uri }) => {
        const pattern = selector.pattern;
        if (!pattern) return 0;
        const path = document.uri.fsPath;
        if (typeof pattern === 'string') return globToRegExp(pattern).test(path) ? 10 : 0;
        return path.startsWith(pattern.base + '/') && new RegExp(`^${globToRegExp(pattern.pattern).source}`).test(path.slice(pattern.base.length + 1)) ? 10 : 0;
      },
    }),
  });
  return fake;
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*');
  return new RegExp(`(?:^|/)${source}$`);
}

/** Loads a CommonJS bundle with `require('vscode')` answered by the fake. */
export function loadWithFake(bundle: string, fake: FakeVscode): Record<string, unknown> {
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return fake.module;
    return original.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(bundle)];
    return require(bundle);
  } finally {
    Module._load = original;
  }
}
