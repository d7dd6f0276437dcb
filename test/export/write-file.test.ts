import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FileExistsError, writeFileAtomic } from '../../server/src/node/write-file.js';

const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('writes a new file and leaves no temporary file behind', async () => {
  const path = join(dir, 'new.html');
  await writeFileAtomic(path, '<p>one</p>\n');
  assert.equal(readFileSync(path, 'utf8'), '<p>one</p>\n');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('never replaces an existing file without overwrite', async () => {
  const path = join(dir, 'kept.wiki');
  writeFileSync(path, 'precious');
  await assert.rejects(writeFileAtomic(path, 'replacement'), (error) => error instanceof FileExistsError && error.path === path);
  assert.equal(readFileSync(path, 'utf8'), 'precious');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('replaces an existing file with overwrite, keeping its permissions', async () => {
  const path = join(dir, 'replaced.json');
  writeFileSync(path, 'old');
  chmodSync(path, 0o640);
  await writeFileAtomic(path, 'new', { overwrite: true });
  assert.equal(readFileSync(path, 'utf8'), 'new');
  assert.equal(statSync(path).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('of two writers racing for a new name, exactly one wins and the file is whole', async () => {
  const path = join(dir, 'race.txt');
  const a = 'A'.repeat(200_000);
  const b = 'B'.repeat(200_000);
  const results = await Promise.allSettled([writeFileAtomic(path, a), writeFileAtomic(path, b)]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok(results.some((r) => r.status === 'rejected' && r.reason instanceof FileExistsError));
  const content = readFileSync(path, 'utf8');
  assert.ok(content === a || content === b, 'one complete version, never a mix');
});

test('a folder that does not exist is an error, not a crash, and creates nothing', async () => {
  await assert.rejects(writeFileAtomic(join(dir, 'missing', 'x.html'), 'x'), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
});
