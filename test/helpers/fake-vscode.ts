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

/** What the fake records. */
export interface FakeVscode {
  module: Record<string, unknown>;
  commands: Map<string, (...args: unknown[]) => unknown>;
  statusBarItems: { text: string; visible: boolean; command?: string }[];
  messages: string[];
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
  const fake: FakeVscode = { module: {}, commands: new Map(), statusBarItems: [], messages: [] };
  const disposable = () => ({ dispose() {} });
  for (const name of exportedNames()) fake.module[name] = inert();
  class Uri {
    constructor(
      readonly scheme: string,
      readonly fsPath: string,
    ) {}
    static file(path: string) {
      return new Uri('file', path);
    }
    static joinPath(base: Uri, ...parts: string[]) {
      return new Uri(base.scheme, join(base.fsPath, ...parts));
    }
    toString() {
      return `${this.scheme}://${this.fsPath}`;
    }
  }
  const event = () => disposable();
  Object.assign(fake.module, {
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
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    commands: namespace({
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        fake.commands.set(id, run);
        return disposable();
      },
      executeCommand: async () => undefined,
    }),
    window: namespace({
      activeTextEditor: undefined,
      createStatusBarItem: () => {
        const item = { text: '', visible: false, command: undefined as string | undefined, name: '', tooltip: '', show: () => (item.visible = true), hide: () => (item.visible = false), dispose() {} };
        fake.statusBarItems.push(item);
        return item;
      },
      showErrorMessage: async (message: string) => void fake.messages.push(message),
      showWarningMessage: async (message: string) => void fake.messages.push(message),
      showInformationMessage: async (message: string) => void fake.messages.push(message),
      onDidChangeActiveTextEditor: event,
    }),
    workspace: namespace({
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: () => undefined, has: () => false, inspect: () => undefined, update: async () => undefined }),
      onDidChangeTextDocument: event,
      onDidChangeConfiguration: event,
      createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
    }),
    languages: namespace({ onDidChangeDiagnostics: event, getDiagnostics: () => [] }),
  });
  return fake;
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
