/**
 * Fills a report template in. Templates (`templates/<profile>.md`) mark what a new report gets
 * with `{{title}}` and `{{date}}`; a template without `{{title}}` gets the title on its first
 * level-one heading instead, so a plain Markdown template still works.
 */

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

/**
 * The template with the title and date put in. Inside front matter a title that would not be a
 * plain YAML scalar is quoted, so a title like `Outage: search` never breaks the metadata.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const title = cleanTitle(values.title);
  const text = template.replace(/\r\n/g, '\n');
  const fm = /^---\n[\s\S]*?\n---(?:\n|$)/.exec(text);
  const fill = (part: string, inFrontMatter: boolean) =>
    part.replace(/\{\{\s*(title|date)\s*\}\}/g, (whole, key: string, offset: number) => {
      if (key === 'date') return values.date;
      if (!inFrontMatter) return title;
      // Quote only when the placeholder is the whole value of its key.
      const before = part.slice(part.lastIndexOf('\n', offset) + 1, offset);
      const after = part.slice(offset + whole.length, (part.indexOf('\n', offset) + 1 || part.length + 1) - 1);
      return /^\s*[\w-]+:\s*$/.test(before) && after.trim() === '' ? yamlScalar(title) : title;
    });
  const head = fm ? fill(fm[0], true) : '';
  let body = fill(text.slice(fm ? fm[0].length : 0), false);
  if (!/\{\{\s*title\s*\}\}/.test(text)) body = /^#[ \t]/m.test(body) ? body.replace(/^#[ \t]+.*$/m, `# ${title}`) : `# ${title}\n\n${body}`;
  return head + body;
}
