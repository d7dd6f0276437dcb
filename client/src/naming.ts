/**
 * Names for new incident reports: `incidents/YYYY-MM-DD-<slug>.md`, never the name of a file that
 * is already there. Pure functions; the extension passes in how to ask whether a file exists.
 */

/** Longest slug kept, so that file names stay readable in a tree view and a URL. */
export const MAX_SLUG_LENGTH = 60;

/** How many numbered alternatives are tried before giving up and asking the user. */
export const MAX_ALTERNATIVES = 99;

/**
 * A lower-case, hyphen-separated slug of a title: accents dropped, anything that is not a letter
 * or digit becomes a hyphen, cut at a word boundary. An empty result becomes `incident`.
 */
export function slugify(title: string): string {
  const plain = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let slug = plain;
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const cut = slug.lastIndexOf('-');
    slug = cut > MAX_SLUG_LENGTH / 2 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
    slug = slug.replace(/-+$/, '');
  }
  return slug || 'incident';
}

/** `YYYY-MM-DD` of an instant, in UTC: incident reports date things in UTC. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The preferred file name of a report: `YYYY-MM-DD-<slug>.md`. */
export function reportFileName(title: string, now: Date): string {
  return `${utcDate(now)}-${slugify(title)}.md`;
}

/**
 * The candidates for a report's file name, in order: the name itself, then `-2`, `-3`, … before
 * the extension.
 */
export function* candidateNames(fileName: string, max = MAX_ALTERNATIVES): Generator<string> {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  yield fileName;
  for (let n = 2; n <= max + 1; n++) yield `${stem}-${n}${ext}`;
}

/**
 * The first candidate name for which `exists` says no, or undefined when every candidate is taken
 * (the caller then asks the user). `exists` is asked about each name in turn, never in parallel,
 * so a slow file system is not flooded.
 */
export async function firstFreeName(fileName: string, exists: (name: string) => boolean | Promise<boolean>, max = MAX_ALTERNATIVES): Promise<string | undefined> {
  for (const name of candidateNames(fileName, max)) {
    if (!(await exists(name))) return name;
  }
  return undefined;
}
