/**
 * Writing an output file without ever losing data: the content goes to a temporary file in the
 * target's folder (same file system, so the final step is atomic), is flushed to disk, and only
 * then takes the target's name. An interrupted write leaves the old file (or none), never half a
 * file. Without `overwrite`, an existing target is never replaced, even when it appears between
 * the check and the write.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Thrown when the target exists and replacing it was not allowed. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

export interface WriteFileOptions {
  /** Replace an existing file. Default false. */
  overwrite?: boolean;
}

/** Writes `data` to `path` atomically; see the module comment. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  if (options.overwrite) {
    // Keep the permissions of the file being replaced.
    mode = await stat(path).then(
      (s) => (s.isFile() ? s.mode & 0o7777 : undefined),
      () => undefined,
    );
  } else if (await exists(path)) {
    throw new FileExistsError(path);
  }
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
  let placed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temp, path);
      placed = true;
    } else {
      placed = await linkNoReplace(temp, path);
    }
  } finally {
    // After a rename the temporary name is gone; after a link it is a second name to remove.
    if (!placed || !options.overwrite) await unlink(temp).catch(() => undefined);
  }
}

/**
 * Gives `temp` the name `path` unless `path` exists. A hard link fails atomically with EEXIST;
 * where hard links are not supported, fall back to check-then-rename.
 */
async function linkNoReplace(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (await exists(path)) throw new FileExistsError(path);
    await rename(temp, path);
    return true;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}
