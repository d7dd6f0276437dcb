/**
 * The maintainers list: who owns which paths and components, read from `CODEOWNERS` files,
 * maintainers files in YAML or JSON, and MediaWiki-style maintainer tables in wikitext. The core
 * only parses texts it is given; finding and watching the files is the caller's job.
 */
import type { Range } from '../types.js';

/** How an owner is written: `@user`, `@org/team`, an e-mail address, or a plain name. */
export type OwnerKind = 'person' | 'team' | 'email';

/** Whether an owner still maintains anything. */
export type OwnerStatus = 'active' | 'inactive';

/** An owner as one source names it. */
export interface OwnerRef {
  /** As written, without a leading `@`: `alice`, `wikimedia/sre`, `bob@example.org`, `Jane Doe`. */
  name: string;
  kind: OwnerKind;
  status: OwnerStatus;
  /** `YYYY-MM-DD`, when the source says since when or until when. */
  since?: string;
  until?: string;
}

/** One rule of a source: the owners of some paths, or of a named component, or both. */
export interface OwnershipEntry {
  /** Path patterns in gitignore syntax (CODEOWNERS), relative to the repository root. */
  patterns: string[];
  /** Component, extension or service name (maintainers files and tables). */
  component?: string;
  owners: OwnerRef[];
  /** The source file and the 0-based line the entry starts on. */
  file: string;
  line: number;
}

/** A line of a source that could not be read. */
export interface OwnersProblem {
  file: string;
  range: Range;
  message: string;
}

/** What reading one source gives. */
export interface OwnersSource {
  file: string;
  entries: OwnershipEntry[];
  problems: OwnersProblem[];
}

/** The formats a source can be in. */
export type OwnersFormat = 'codeowners' | 'maintainers' | 'wikitext';

/** The paths where a `CODEOWNERS` file is used without any configuration, as the forges look. */
export const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', '.gitlab/CODEOWNERS', 'docs/CODEOWNERS'] as const;
