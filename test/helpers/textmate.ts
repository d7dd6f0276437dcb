/**
 * Tokenizes Markdown with the injection grammar hosted by a tiny Markdown grammar
 * (test/fixtures/grammar), the way VS Code does it: vscode-textmate with the Oniguruma
 * WebAssembly engine loaded from node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate, { type IGrammar, type StateStack } from 'vscode-textmate';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
export const INJECTION_PATH = join(ROOT, 'syntaxes', 'incident-report.tmLanguage.json');
const HOST_PATH = join(ROOT, 'test', 'fixtures', 'grammar', 'markdown.tmLanguage.json');

export const INJECTION_SCOPE: string = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')).scopeName;

let grammar: Promise<IGrammar> | undefined;

async function load(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = scopeName === 'text.html.markdown' ? HOST_PATH : scopeName === INJECTION_SCOPE ? INJECTION_PATH : undefined;
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  if (!loaded) throw new Error('the host Markdown grammar did not load');
  return loaded;
}

/** One token: its text and its scopes, outermost first. */
export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes lines of Markdown in order, carrying the state from line to line. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammar ??= load();
  const g = await grammar;
  let state: StateStack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Tokens of a single line. */
export async function tokenizeLine(line: string): Promise<Token[]> {
  return (await tokenize(line))[0];
}

/**
 * The pieces of a line that carry an `.incident-scribe` scope, merged where neighbouring tokens
 * share the outermost such scope: `[['16:39', 'constant.numeric.timestamp.time.incident-scribe'], …]`.
 */
export function marked(tokens: Token[]): [string, string][] {
  const out: [string, string][] = [];
  let last: string | undefined;
  for (const t of tokens) {
    const scope = t.scopes.find((s) => s.endsWith('.incident-scribe'));
    if (scope && scope === last) out[out.length - 1][0] += t.text;
    else if (scope) out.push([t.text, scope]);
    last = scope;
  }
  return out;
}

/** The innermost scope of the token that holds `text` (searching from `from`). */
export function scopesAt(tokens: Token[], text: string): string[] {
  const line = tokens.map((t) => t.text).join('');
  const at = line.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in "${line}"`);
  let offset = 0;
  for (const t of tokens) {
    if (at >= offset && at < offset + t.text.length) return t.scopes;
    offset += t.text.length;
  }
  throw new Error('unreachable');
}
