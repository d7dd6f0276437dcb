/**
 * A file's key facts as plain data, for worker messages and the persistent index: the same
 * object as {@link FileKeys} with its suppressions written out.
 */
import { Suppressions, type NamedRule, type SuppressionData } from '../suppress.js';
import type { FileKeys } from './types.js';

/** {@link FileKeys} as plain data (structured-clone and JSON safe). */
export type FileKeysData = Omit<FileKeys, 'suppressions'> & {
  suppressions: SuppressionData[];
  /** The rule ids the directives name, for `suppression/unknown-rule`; absent in older indexes. */
  suppressionNames?: NamedRule[];
};

/** To plain data. */
export function keysToData(keys: FileKeys): FileKeysData {
  return { ...keys, suppressions: keys.suppressions.toData(), suppressionNames: [...keys.suppressions.named] };
}

/** Back from plain data. */
export function keysFromData(data: FileKeysData): FileKeys {
  const { suppressionNames, ...rest } = data;
  return { ...rest, suppressions: Suppressions.fromData(data.suppressions, suppressionNames) };
}
