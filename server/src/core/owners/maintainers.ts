/**
 * A maintainers file in YAML or JSON (JSON is YAML too):
 *
 * ```yaml
 * components:
 *   - name: FileRepo                 # component, extension or service
 *     paths: [includes/filerepo/**]  # optional, gitignore syntax
 *     teams: [mediawiki-platform]
 *     people: [alice, { name: bob, until: 2024-05-01 }]
 * people:                            # optional: status of people across components
 *   carol: { status: inactive }
 * ```
 *
 * `components` may also be a mapping from name to the same fields. A person or team is
 * inactive with `status: inactive` or an `until` date; dates are `YYYY-MM-DD`.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { LineIndex } from '../text.js';
import { parseOwnerToken } from './names.js';
import type { OwnerKind, OwnerRef, OwnersProblem, OwnersSource, OwnershipEntry } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a maintainers text; `today` (`YYYY-MM-DD`) decides whether an `until` date has passed. */
export function parseMaintainers(file: string, text: string, today: string): OwnersSource {
  const lines = new LineIndex(text);
  const problems: OwnersProblem[] = [];
  const entries: OwnershipEntry[] = [];
  const at = (node: Node | null | undefined) => {
    const [from, to] = node?.range ?? [0, 0];
    return lines.rangeOf(from, Math.max(from, to));
  };
  const problem = (node: Node | null | undefined, message: string) => problems.push({ file, range: at(node), message });

  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const [from, to] = error.pos;
    problems.push({ file, range: lines.rangeOf(from, Math.max(from, to)), message: `Not valid YAML or JSON: ${error.message.split('\n')[0]}` });
    return { file, entries, problems };
  }
  // Aliases are refused, not expanded: a maintainers file has no use for them, and expanding
  // them is how a small file becomes a huge one.
  let alias: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = node as Node;
      return visit.BREAK;
    },
  });
  if (alias && isAlias(alias)) {
    problem(alias, 'Aliases (*name) are not supported in a maintainers file; write the names out.');
    return { file, entries, problems };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    problem(root, 'A maintainers file is a mapping with "components" (and optionally "people").');
    return { file, entries, problems };
  }

  const statusOf = (name: string, fields: Record<string, unknown>, node: Node): Omit<OwnerRef, 'name' | 'kind'> => {
    const ref: Omit<OwnerRef, 'name' | 'kind'> = { status: 'active' };
    for (const key of ['since', 'until'] as const) {
      const value = fields[key];
      if (value === undefined) continue;
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      if (DATE.test(text)) ref[key] = text;
      else problem(node, `"${key}" of ${name} is not a date (YYYY-MM-DD).`);
    }
    if (fields.status !== undefined && fields.status !== 'active' && fields.status !== 'inactive') {
      problem(node, `"status" of ${name} is "${String(fields.status)}"; use active or inactive.`);
    }
    if (fields.status === 'inactive' || (ref.until !== undefined && ref.until < today)) ref.status = 'inactive';
    return ref;
  };

  const people = new Map<string, Omit<OwnerRef, 'name' | 'kind'>>();
  const peopleNode = root.get('people', true) as Node | undefined;
  if (isMap(peopleNode)) {
    for (const pair of peopleNode.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      const fields = isMap(value) ? (value.toJSON() as Record<string, unknown>) : {};
      if (name) people.set(name, statusOf(name, fields, (value ?? pair.key) as Node));
    }
  } else if (peopleNode) problem(peopleNode, '"people" is a mapping from a name to its status, since and until.');

  const ownersOf = (node: Node | undefined, kind: OwnerKind): OwnerRef[] => {
    if (!node) return [];
    if (!isSeq(node)) {
      problem(node, 'Owners are a list.');
      return [];
    }
    const refs: OwnerRef[] = [];
    for (const item of node.items as Node[]) {
      const fields: Record<string, unknown> = isMap(item) ? (item.toJSON() as Record<string, unknown>) : { name: isScalar(item) ? item.value : undefined };
      const token = typeof fields.name === 'string' ? parseOwnerToken(fields.name) : undefined;
      if (!token) {
        problem(item, 'An owner is a name, @handle, @org/team or e-mail address.');
        continue;
      }
      const known = people.get(token.name) ?? people.get(String(fields.name));
      const own = statusOf(token.name, fields, item);
      const merged = known && own.status === 'active' && !own.until ? known : own;
      refs.push({ name: token.name, kind: kind === 'team' && token.kind === 'person' ? 'team' : token.kind, ...merged });
    }
    return refs;
  };

  const components = root.get('components', true) as Node | undefined;
  const list: { name?: string; node: Node; keyNode?: Node }[] = [];
  if (isSeq(components)) {
    for (const item of components.items as Node[]) list.push({ node: item });
  } else if (isMap(components)) {
    for (const pair of components.items) list.push({ name: isScalar(pair.key) ? String(pair.key.value) : undefined, node: pair.value as Node, keyNode: pair.key as Node });
  } else {
    problem(components ?? root, 'A maintainers file lists its "components".');
  }
  for (const { name: given, node, keyNode } of list) {
    if (!isMap(node)) {
      problem(node ?? keyNode, 'A component is a mapping with name, paths, teams and people.');
      continue;
    }
    const name = given ?? (isScalar(node.get('name', true)) ? String(node.get('name')) : undefined);
    const pathsNode = node.get('paths', true) as Node | undefined;
    const patterns = isSeq(pathsNode) ? (pathsNode.toJSON() as unknown[]).filter((p): p is string => typeof p === 'string') : [];
    if (pathsNode && !isSeq(pathsNode)) problem(pathsNode, '"paths" is a list of path patterns.');
    if (!name && patterns.length === 0) {
      problem(node, 'A component needs a name or paths.');
      continue;
    }
    const owners = [...ownersOf(node.get('teams', true) as Node | undefined, 'team'), ...ownersOf(node.get('people', true) as Node | undefined, 'person')];
    const line = at(keyNode ?? node).start.line;
    entries.push({ patterns, component: name, owners, file, line });
  }
  return { file, entries, problems };
}
