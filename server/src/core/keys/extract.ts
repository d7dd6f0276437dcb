/**
 * Finds every key construction of one parsed PHP file, and the class constants the workspace
 * needs to resolve key groups. Extraction is a list of small steps over one query pass
 * ({@link scanFile}): each step reads the scan and adds sites; a new fact is a new step.
 */
import type { Tree } from 'web-tree-sitter';
import type { KeysConfig } from '../config/config.js';
import { parseSuppressions } from '../suppress.js';
import { throwIfCancelled, type CancellationToken } from '../types.js';
import { builderSite, type Builders } from './builder-sites.js';
import { isCache } from './cache-kind.js';
import { scanFile, type FileScan } from './file-scan.js';
import { KeyFlow } from './key-flow.js';
import type { PhpParser } from './parser.js';
import { CACHE_METHODS, KEY_METHOD } from './queries.js';
import { exemptClasses, SiteSink } from './sites.js';
import { constructorParam } from './wiring.js';
import { argumentsOf, argumentValue, parentClassName, trailingName, unwrap } from './syntax.js';
import type { ClassDef, FileKeys } from './types.js';

/** The builder names extraction needs from the configuration. */
export type BuilderNames = Pick<KeysConfig, 'localBuilders' | 'globalBuilders'>;

const CACHE_METHOD_SET = new Set<string>(CACHE_METHODS);
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What every step gets: the scan, where sites go, and how keys are followed. */
interface StepContext {
  scan: FileScan;
  sink: SiteSink;
  flow: KeyFlow;
  builders: Builders;
  lines: () => string[];
  token?: CancellationToken;
}

type Step = (ctx: StepContext) => void;

/** Builder, helper and `makeKeyInternal` calls. */
const builderCalls: Step = ({ scan, sink, builders, lines, token }) => {
  for (const m of scan.calls) {
    throwIfCancelled(token);
    builderSite(scan, m, builders, lines, sink);
  }
};

/** The first argument of a cache operation on a receiver that is a cache, followed to its key. */
const cacheOperations: Step = ({ scan, flow, token }) => {
  for (const m of scan.calls) {
    if (!m.method || !m.recv || !CACHE_METHOD_SET.has(m.method.text)) continue;
    throwIfCancelled(token);
    const kind = scan.facts.receiverKind(m.recv);
    // In-process caches hold nothing another request or wiki could meet.
    if (kind === 'in-process' || !isCache(kind, trailingName(unwrap(m.recv)) ?? m.recv.text)) continue;
    const first = argumentsOf(m.args)[0];
    const key = first && argumentValue(first);
    if (key) flow.reachFrom(key, kind, constructorParam(scan, m.recv));
  }
};

/**
 * What a method named for a cache key (`getSharedCacheKey`, `getMemcKey`) returns, when its file
 * never calls it: its callers are elsewhere and its name is the only hint. When the file calls it,
 * the calls that reach a cache were followed by {@link cacheOperations}; the others (an array
 * index, an in-process cache, a lock name) are no cache keys.
 */
const keyMethodReturns: Step = ({ scan, flow }) => {
  for (const { value, fn } of scan.returns) {
    const name = fn.name ?? '';
    if (KEY_METHOD.test(name) && !scan.keyMethodCalls.has(name)) flow.reach(value, 'unknown');
  }
};

/** The steps, in order: builder sites first, so that a builder call is never read as a joined key. */
const STEPS: Step[] = [builderCalls, cacheOperations, keyMethodReturns];

/** Extracts the key sites, constants and classes of a parsed file. */
export function extractKeys(parser: PhpParser, tree: Tree, text: string, file: string, builders: BuilderNames, token?: CancellationToken): FileKeys {
  const local = new Set(builders.localBuilders.filter((b) => VALID_NAME.test(b)));
  const global = new Set(builders.globalBuilders.filter((b) => VALID_NAME.test(b)));
  const names = { local, global, globalBuilder: [...global][0] ?? 'makeGlobalKey' };
  const scan = scanFile(parser, tree, [...local, ...global]);
  throwIfCancelled(token);
  const sink = new SiteSink(file, scan, exemptClasses(scan, [...local, ...global]));
  let lines: string[] | undefined;
  const ctx: StepContext = { scan, sink, flow: new KeyFlow(scan, sink, text, names.globalBuilder), builders: names, lines: () => (lines ??= text.split(/\r?\n/)), token };
  for (const step of STEPS) step(ctx);

  const classes: ClassDef[] = scan.classNodes.map(({ node, name }) => {
    const def: ClassDef = { name, parent: parentClassName(node) };
    const property = scan.facts.classCacheProperty(node.startIndex);
    return property ? { ...def, cacheProperty: property } : def;
  });
  const keys: FileKeys = { file, sites: sink.sorted(), constants: scan.constants, classes, suppressions: parseSuppressions(text, 'php') };
  if (scan.constructions.length > 0) keys.constructions = scan.constructions;
  return keys;
}
