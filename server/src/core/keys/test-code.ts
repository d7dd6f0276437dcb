/**
 * Which PHP files are test code (`keys.testFiles`): the key rules stay off there, since tests
 * write keys by hand on purpose (the literal output of `makeGlobalKey`, a fake cache's keys).
 */
import picomatch from 'picomatch';

const compiled = new WeakMap<string[], (path: string) => boolean>();

/** True when `file` (a path or a `file:` URI) matches one of the test globs. */
export function isTestFile(file: string, patterns: string[]): boolean {
  if (patterns.length === 0) return false;
  let match = compiled.get(patterns);
  if (!match) compiled.set(patterns, (match = picomatch(patterns, { dot: true })));
  return match(file.replace(/\\/g, '/').replace(/^file:\/\//, ''));
}
