import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode with positionals, its errors turned into one-line usage errors
 * (`unknown option --frmat`) instead of Node's advice on `--`.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? e.message}`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(option ? `option ${option.replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value` : e.message.split('\n')[0]);
    throw new UsageError(e.message.split('\n')[0]);
  }
}
