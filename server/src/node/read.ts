/**
 * Reads a file as text for a check. The bytes must be UTF-8 and must not look binary: a report
 * that cannot be decoded is reported and skipped, never checked as mojibake.
 */
import { readFileSync } from 'node:fs';
import { describeIoError } from './config.js';

/** The text of a file, or why it cannot be checked. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads `path`; a byte order mark is dropped by the decoder. */
export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${describeIoError(error)}); skipped` };
  }
  return decodeText(bytes);
}

/** Decodes UTF-8 bytes, refusing binary content (NUL bytes) and invalid sequences. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `binary file (NUL byte at offset ${nul}); skipped` };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (bad byte at offset ${firstInvalidByte(bytes)}); skipped, save it as UTF-8 to check it` };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}
