/**
 * Fills a report template in. Templates (`templates/<profile>.md`) mark what the writer must
 * supply as `<name: hint>` placeholders; a new report gets its title in `<title: …>`, its id
 * (`YYYY-MM-DD-<slug>`) in `<id: …>`, and today's date wherever a placeholder's hint spells
 * `YYYY-MM-DD`. `{{title}}` and `{{date}}` work too. A template with no title placeholder gets
 * the title on its first level-one heading, so a plain Markdown template still works.
 */
import { slugify } from './naming.js';

/** What a new report is made from. */
export interface TemplateValues {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** Keeps a title on one line and out of YAML and Markdown syntax trouble. */
export function cleanTitle(title: string): string {
  return title.replace(/[\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Quotes a value for a YAML front matter line when it needs quoting. */
function yamlScalar(value: string): string {
  return /^[\w][\w .,()/-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

/** `{{title}}`, `{{date}}`, `<title: …>`, `<id: …>`. */
const FILLED = /\{\{\s*(title|date)\s*\}\}|<(title|id)(?::[^<>\n]*)?>/g;
/** Any other `<name: hint>` placeholder, whose hint may spell the date. */
const OTHER = /<[a-z][\w -]*:[^<>\n]*>/g;

/**
 * The template with the title, id and date put in. In front matter each value is written the
 * way its spot needs: escaped inside quotes, quoted when it stands alone and would not be a plain
 * YAML scalar, so a title like `Outage: "search"` never breaks the metadata.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const title = cleanTitle(values.title);
  const text = template.replace(/\r\n/g, '\n');
  const fm = /^---\n[\s\S]*?\n---(?:\n|$)/.exec(text);
  const valueOf = (key: string) => (key === 'date' ? values.date : key === 'id' ? `${values.date}-${slugify(title)}` : title);
  const fill = (part: string, inFrontMatter: boolean) =>
    part
      .replace(FILLED, (whole, braced: string | undefined, angled: string | undefined, offset: number) => {
        const value = valueOf(braced ?? angled ?? '');
        if (!inFrontMatter) return value;
        const before = part.slice(part.lastIndexOf('\n', offset - 1) + 1, offset);
        const lineEnd = part.indexOf('\n', offset);
        const after = part.slice(offset + whole.length, lineEnd < 0 ? part.length : lineEnd);
        if (before.endsWith('"') && after.startsWith('"')) return JSON.stringify(value).slice(1, -1);
        if (before.endsWith("'") && after.startsWith("'")) return value.replace(/'/g, "''");
        return /^\s*[\w-]+:\s*$/.test(before) && after.trim() === '' ? yamlScalar(value) : value;
      })
      .replace(OTHER, (placeholder) => placeholder.replace(/YYYY-MM-DD/g, values.date));
  const head = fm ? fill(fm[0], true) : '';
  let body = fill(text.slice(fm ? fm[0].length : 0), false);
  if (!/\{\{\s*title\s*\}\}|<title(?::[^<>\n]*)?>/.test(text)) {
    body = /^#[ \t]/m.test(body) ? body.replace(/^#[ \t]+.*$/m, () => `# ${title}`) : `# ${title}\n\n${body}`;
  }
  return head + body;
}
