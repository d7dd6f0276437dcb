/**
 * The columns of an actionables table: which one holds the words of an item, its task, owner,
 * tags and status, read from the header names.
 */

/** Which column of an actionables table holds what; `undefined` when no header says so. */
export interface Columns {
  text?: number;
  task?: number;
  owner?: number;
  tags?: number;
  status?: number;
}

const HEADER_ROLES: [keyof Columns, RegExp][] = [
  ['owner', /\b(?:owners?|assignees?|assigned(?: to)?|responsible|dri|who|teams?)\b/],
  ['status', /\b(?:status|state|done|progress|outcome|resolution)\b/],
  ['tags', /\b(?:tags?|projects?|labels?)\b/],
  ['text', /\b(?:actions?|actionables?|action items?|items?|descriptions?|what|summary|title|follow-?ups?|remediation|details?|work|steps?)\b/],
  ['task', /\b(?:tasks?|tickets?|issues?|bugs?|phab|phabricator|jira|tracking|tracker|links?|refs?|references?)\b/],
];

/** Columns that never hold the words of an item. */
const OTHER_HEADER = /^(?:#|no\.?|n°|id|priority|prio|severity|sev|due|due date|date|deadline|eta|when|estimate|effort|size|type|category|area|notes?|comments?)$/;

/**
 * Finds the columns by their header names. The text of a row is its description column, or else
 * the first column that has no other role, or else the task column (which then holds the words).
 */
export function tableColumns(headers: string[]): Columns {
  const columns: Columns = {};
  const taken = new Set<number>();
  headers.forEach((raw, i) => {
    const header = raw.toLowerCase().replace(/[*_`:]/g, ' ').trim();
    if (OTHER_HEADER.test(header)) taken.add(i);
    const role = HEADER_ROLES.find(([, pattern]) => pattern.test(header))?.[0];
    if (role && columns[role] === undefined) {
      columns[role] = i;
      taken.add(i);
    }
  });
  if (columns.text === undefined) {
    const free = headers.findIndex((_, i) => !taken.has(i));
    columns.text = free >= 0 ? free : columns.task;
  }
  return columns;
}
