/**
 * The persistent PHP key index of the language server: kept in the storage folder the client
 * passes (`initializationOptions.storagePath`), so that a second start on an unchanged workspace
 * reads no file, and a file changed in between is read again. A damaged index is a warning.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TestClient, waitFor } from '../helpers/lsp-client.js';

const KEYED = (cls: string, group: string, builder = 'makeKey') =>
  `<?php\nclass ${cls} {\n\tprivate WANObjectCache $cache;\n\tpublic function k( $n ) {\n\t\treturn $this->cache->${builder}( '${group}', $n );\n\t}\n}\n`;

const folder = mkdtempSync(join(tmpdir(), 'incident-scribe-php-index-'));
const storage = mkdtempSync(join(tmpdir(), 'incident-scribe-storage-'));
after(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(storage, { recursive: true, force: true });
});
writeFileSync(join(folder, 'Local.php'), KEYED('LocalRepo', 'meta'));
writeFileSync(join(folder, 'Global.php'), KEYED('SharedRepo', 'other', 'makeGlobalKey'));
writeFileSync(join(folder, 'Plain.php'), '<?php\nclass Plain {\n\tpublic function text() { return "hello"; }\n}\n');
// Older than the scan, so that their modification times are trusted.
const past = new Date(Date.now() - 60_000);
for (const name of ['Local.php', 'Global.php', 'Plain.php']) utimesSync(join(folder, name), past, past);

/** Starts a server, waits for the end of its first scan, and returns the scan's log line. */
async function scanOnce(): Promise<{ line: string; client: TestClient }> {
  const client = await TestClient.spawn({ folder, initializationOptions: { storagePath: storage } });
  const line = await waitFor('the end of the PHP scan', () => client.logs.find((l) => l.includes('indexed cache keys')));
  return { line, client };
}

test('a second start on an unchanged workspace reads no file; a changed file is read again', async () => {
  const first = await scanOnce();
  await first.client.stop();
  assert.match(first.line, /indexed cache keys of 3 PHP files .*3 read, 2 parsed, 0 unchanged since the last scan/);
  assert.equal(readdirSync(storage).filter((f) => f.startsWith('keys-')).length, 1, 'the index is stored in the storage folder');

  const second = await scanOnce();
  await second.client.stop();
  assert.match(second.line, /indexed cache keys of 3 PHP files \(2 with keys or constants; 0 read, 0 parsed, 3 unchanged since the last scan\)/);

  // Local.php now builds the same group as Global.php, the other way: mixed scope, seen after a restart.
  writeFileSync(join(folder, 'Local.php'), KEYED('LocalRepo', 'other'));
  // Changed, but old enough again to be trusted by the scans of the next test.
  const later = new Date(Date.now() - 30_000);
  utimesSync(join(folder, 'Local.php'), later, later);
  const third = await scanOnce();
  try {
    assert.match(third.line, /1 read, 1 parsed, 2 unchanged since the last scan/);
    await third.client.open(third.client.uri('Local.php'), KEYED('LocalRepo', 'other'), 'php');
    const diagnostics = await third.client.pull(third.client.uri('Local.php'));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['keys/mixed-scope'],
    );
  } finally {
    await third.client.stop();
  }
});

test('a damaged index is reported in the log and rebuilt; the scan goes on', async () => {
  const first = await scanOnce();
  await first.client.stop();
  const file = readdirSync(storage).find((f) => f.startsWith('keys-') && f.endsWith('.json'))!;
  writeFileSync(join(storage, file), '{"format":"incident-scribe-key-index", "files": ');
  const second = await scanOnce();
  try {
    assert.ok(second.client.logs.some((l) => /the key index .* is damaged \(not JSON\); it is rebuilt/.test(l)), second.client.logs.join('\n'));
    assert.match(second.line, /3 read/);
  } finally {
    await second.client.stop();
  }
  const third = await scanOnce();
  await third.client.stop();
  assert.match(third.line, /0 read, 0 parsed, 3 unchanged/);
});
