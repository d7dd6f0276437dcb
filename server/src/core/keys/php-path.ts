/** What counts as a PHP file, for the workspace scan, the CLI walk and the editor alike. */

/** Extensions of PHP source files (lower case, with the dot). */
export const PHP_EXTENSIONS = ['.php', '.inc', '.phtml'] as const;

/** True for a file name or path with a PHP extension (any case). */
export function isPhpPath(path: string): boolean {
  const lower = path.toLowerCase();
  return PHP_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
