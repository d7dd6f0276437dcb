import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createProcessor } from '../../server/src/core/markdown/processor.js';
import { markdownFiles } from '../helpers/files.js';

/** Bare URLs and addresses in every place a text node can be, and look-alikes that are none. */
const autolinks = [
  'See www.example.org, ops@example.com and https://status.example.net/x?q=1). Then http://a.b/c_(d).',
  '[a link with www.inside.org](http://u.example) *https://emphasis.example/x* `www.code.example` <https://angle.example>',
  'mailto:oncall@example.com and xmpp:bot@chat.example.org/room, foo@bar.baz- and foo@bar.example_',
  'Written with references: a&#64;b.example, www&#46;ref.example, http&#58;//colon.example, and an escape a\\@b.example',
  '| when | who |\n| --- | --- |\n| www.table.example | pager@table.example |\n\n> quoted https://quote.example\n\n- [x] task www.task.example\n\n# Heading www.heading.example\n\n![alt www.image.example](u.png)',
  '[ref www.label.example][r] and x_www.joined.example, Www.Caps.Example, HTTPS://UPPER.EXAMPLE, @handle and @team.name',
  '[r]: http://definition.example\n',
];

test('the parser finds bare URLs and addresses exactly where remark-gfm does', () => {
  const ours = createProcessor();
  const library = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const sources = [...autolinks, autolinks.join('\n\n'), ...markdownFiles(join(import.meta.dirname, '..', 'fixtures')).map((f) => readFileSync(f, 'utf8'))];
  let links = 0;
  for (const source of sources) {
    const tree = ours.runSync(ours.parse(source));
    assert.deepEqual(tree, library.runSync(library.parse(source)), JSON.stringify(source.slice(0, 60)));
    links += JSON.stringify(tree).split('"type":"link"').length - 1;
  }
  // The samples do hold links the pass makes, so the comparison above is not between two empty passes.
  assert.ok(links > 20, `${links} links`);
});
