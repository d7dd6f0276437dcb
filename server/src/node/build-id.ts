/**
 * Which build of the tool is running, for the persistent key index: facts extracted by another
 * build may differ, so they are only reused by the same one. A bundle gets the id at build time
 * (scripts/build.mjs hashes the core sources and the version); run from sources, the same hash is
 * computed on first use.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __INCIDENT_SCRIBE_BUILD_ID__: string | undefined;

let computed: string | undefined;

/** A short id of the running build. */
export function buildId(): string {
  if (typeof __INCIDENT_SCRIBE_BUILD_ID__ === 'string') return __INCIDENT_SCRIBE_BUILD_ID__;
  computed ??= hashSources(join(dirname(fileURLToPath(import.meta.url)), '..'));
  return computed;
}

/**
 * Hashes every file under `<server src>/core` and the package version, in a stable order
 * (scripts/build.mjs computes the bundle's id the same way).
 */
export function hashSources(serverSrc: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(join(serverSrc, 'core'));
  hash.update(JSON.parse(readFileSync(join(serverSrc, '..', '..', 'package.json'), 'utf8')).version);
  return hash.digest('base64url').slice(0, 16);
}
