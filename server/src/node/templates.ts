/**
 * The report templates (`templates/<profile>.md`), read from disk once per server. They ship
 * next to the bundle (`dist/../templates`) and sit at the repository root in development.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROFILE } from '../core/config/profiles.js';

/** Finds the templates folder above this module; undefined when it is not installed. */
export function findTemplatesDir(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, `${DEFAULT_PROFILE}.md`))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads templates on first use and keeps them. */
export class Templates {
  private readonly loaded = new Map<string, string | undefined>();
  private dir: string | undefined | null = null;

  /** The template of `profile`, falling back to the default profile's; undefined when none is installed. */
  get(profile: string): string | undefined {
    return this.read(profile) ?? this.read(DEFAULT_PROFILE);
  }

  private read(profile: string): string | undefined {
    if (!/^[\w.-]+$/.test(profile)) return undefined;
    if (this.loaded.has(profile)) return this.loaded.get(profile);
    if (this.dir === null) this.dir = findTemplatesDir();
    let text: string | undefined;
    if (this.dir) {
      try {
        text = readFileSync(join(this.dir, `${profile}.md`), 'utf8');
      } catch {
        text = undefined;
      }
    }
    this.loaded.set(profile, text);
    return text;
  }
}
