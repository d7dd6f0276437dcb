import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OwnersList, ownersFormatOf, readOwnersSource, type OwnersSource } from '../../server/src/core/owners/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'owners');
const TODAY = '2026-01-15';

function source(name: string): OwnersSource {
  return readOwnersSource(name, readFileSync(join(DIR, name), 'utf8'), ownersFormatOf(name.replace(/\.(gitlab|broken)$/, '')), TODAY);
}

const names = (s: { owners: { name: string }[] } | undefined) => s?.owners.map((o) => o.name);

test('formats are told apart by file name', () => {
  assert.equal(ownersFormatOf('.github/CODEOWNERS'), 'codeowners');
  assert.equal(ownersFormatOf('owners/maintainers.yaml'), 'maintainers');
  assert.equal(ownersFormatOf('maintainers.json'), 'maintainers');
  assert.equal(ownersFormatOf('Developers-Maintainers.wiki'), 'wikitext');
});

test('CODEOWNERS: the last matching pattern wins, and a pattern without owners leaves paths unowned', () => {
  const list = new OwnersList([source('CODEOWNERS')]);
  assert.deepEqual(source('CODEOWNERS').problems, []);
  assert.deepEqual(names(list.ownersOfPath('includes/filerepo/LocalRepo.php')), ['acme/media-storage', 'rkowalski']);
  assert.deepEqual(names(list.ownersOfPath('includes/Setup.php')), ['acme/platform']);
  assert.deepEqual(names(list.ownersOfPath('docs/keys.md')), ['docs@acme.example']);
  const legacy = list.ownersOfPath('extensions/LegacyUpload/Upload.php');
  assert.ok(legacy, 'the pattern is known');
  assert.deepEqual(legacy.owners, [], 'but it names nobody');
  assert.equal(legacy.entry.line, 7);
  assert.deepEqual(names(list.ownersOfPath('tools/cron jobs/purge.sh')), ['tmorales'], 'escaped spaces are part of the pattern');
  assert.equal(list.find('@acme/media-storage')?.kind, 'team');
  assert.equal(list.find('media-storage')?.name, 'acme/media-storage', 'a team may be written without its organisation');
  assert.equal(list.find('RKowalski')?.kind, 'person');
});

test('CODEOWNERS: GitLab sections give their default owners to patterns without owners', () => {
  const list = new OwnersList([source('CODEOWNERS.gitlab')]);
  assert.deepEqual(names(list.ownersOfPath('includes/search/Index.php')), ['acme/search-team']);
  assert.deepEqual(names(list.ownersOfPath('includes/search/Ranking.php')), ['pnakamura']);
  assert.deepEqual(names(list.ownersOfPath('docs/intro.md')), ['acme/writers']);
  assert.equal(list.ownersOfPath('includes/api/Main.php'), undefined);
});

test('CODEOWNERS: a malformed line is a problem with its place, and the rest is still read', () => {
  const broken = source('CODEOWNERS.broken');
  assert.deepEqual(
    broken.problems.map((p) => [p.range.start.line, p.range.start.character, p.message.split(':')[0]]),
    [
      [0, 34, '"not-an-owner" is not an owner'],
      [1, 0, 'Negated patterns ("!…") are not supported in CODEOWNERS; the line is ignored.'],
    ],
  );
  const list = new OwnersList([broken]);
  assert.deepEqual(names(list.ownersOfPath('includes/session/Store.php')), ['acme/auth']);
  assert.deepEqual(names(list.ownersOfPath('includes/api/Main.php')), ['acme/api']);
});

test('maintainers YAML: components, teams, people, and who is no longer active', () => {
  const yaml = source('maintainers.yaml');
  assert.deepEqual(yaml.problems, []);
  const list = new OwnersList([yaml]);
  assert.deepEqual(names(list.ownersOfComponent('filerepo')), ['media-storage', 'rkowalski', 'lbaptiste']);
  assert.deepEqual(names(list.ownersOfPath('includes/filerepo/file/File.php')), ['media-storage', 'rkowalski', 'lbaptiste']);
  assert.equal(list.find('media-storage')?.kind, 'team');
  assert.equal(list.find('lbaptiste')?.status, 'inactive', 'until has passed');
  assert.equal(list.find('lbaptiste')?.until, '2023-06-30');
  assert.equal(list.find('rkowalski')?.status, 'active');
  assert.equal(list.find('Ahmed S')?.name, 'ahmed.s', 'dots, spaces and case do not matter');
  assert.deepEqual(list.ownersOfComponent('LegacyUpload')?.owners, []);
  assert.deepEqual(list.all().slice(0, 2).map((o) => o.kind), ['team', 'team'], 'teams first');
  assert.deepEqual(list.find('rkowalski')?.owns, ['FileRepo']);
});

test('maintainers JSON: components as a mapping; an inactive person stays inactive', () => {
  const list = new OwnersList([source('maintainers.json')]);
  assert.deepEqual(names(list.ownersOfComponent('Notifications')), ['growth', 'mfischer']);
  assert.equal(list.find('oldtimer')?.status, 'inactive');
  assert.deepEqual(names(list.ownersOfPath('includes/search/Ranking.php')), ['oldtimer']);
});

test('maintainers: malformed fields are problems with their lines, not a crash', () => {
  const broken = source('maintainers.broken.yaml');
  assert.deepEqual(
    broken.problems.map((p) => [p.range.start.line, p.message]).sort(),
    [
      [2, 'An owner is a name, @handle, @org/team or e-mail address.'],
      [3, '"paths" is a list of path patterns.'],
      [4, 'A component needs a name or paths.'],
      [6, '"status" of ghost is "retired"; use active or inactive.'],
      [6, '"until" of ghost is not a date (YYYY-MM-DD).'],
    ],
  );
  assert.equal(broken.problems.length, 5);
  assert.deepEqual(new Set(broken.problems.map((p) => p.range.start.line)), new Set([2, 3, 4, 6]));
  assert.deepEqual(names(new OwnersList([broken]).ownersOfComponent('Thumbnails')), ['ok-person']);
  const invalid = readOwnersSource('m.yaml', 'components: [\n', 'maintainers', TODAY);
  assert.equal(invalid.problems.length, 1);
  assert.match(invalid.problems[0].message, /^Not valid YAML or JSON/);
  const bomb = readOwnersSource('m.yaml', 'a: &a [x, x]\nb: &b [*a, *a]\ncomponents: [*b]\n', 'maintainers', TODAY);
  assert.deepEqual(bomb.problems.map((p) => [p.range.start.line, p.message]), [[1, 'Aliases (*name) are not supported in a maintainers file; write the names out.']]);
  assert.deepEqual(bomb.entries, [], 'aliases are refused, not expanded');
});

test('wikitext table: columns by header, links and user templates, nobody', () => {
  const wiki = source('maintainers.wiki');
  assert.deepEqual(wiki.problems, []);
  const list = new OwnersList([wiki]);
  assert.deepEqual(names(list.ownersOfComponent('UploadWizard')), ['structured-data', 'jdoe', 'KSato']);
  assert.equal(list.find('structured-data')?.kind, 'team');
  assert.deepEqual(names(list.ownersOfComponent('FileRepo')), ['media-storage']);
  assert.deepEqual(list.ownersOfComponent('PoolCounter')?.owners, [], 'a dash and a question mark mean nobody');
  assert.equal(list.ownersOfComponent('PoolCounter')?.entry.line, 11);
  const none = readOwnersSource('page.wiki', 'Just prose.\n', 'wikitext', TODAY);
  assert.deepEqual(none.problems.map((p) => p.message), ['No wikitext table ("{|" … "|}") in this file.']);
  const open = readOwnersSource('page.wiki', '{|\n! Component !! Team\n|-\n| Search || search-team\n', 'wikitext', TODAY);
  assert.deepEqual(open.problems.map((p) => p.message), ['A table is not closed with "|}".']);
  assert.deepEqual(names(new OwnersList([open]).ownersOfComponent('search')), ['search-team']);
});

test('several sources: the first that knows a path or component wins', () => {
  const list = new OwnersList([source('maintainers.yaml'), source('CODEOWNERS')]);
  assert.deepEqual(names(list.ownersOfPath('includes/filerepo/LocalRepo.php')), ['media-storage', 'rkowalski', 'lbaptiste']);
  assert.deepEqual(names(list.ownersOfPath('includes/objectcache/Bag.php')), ['acme/performance']);
});

test('closest names: plausible typos only, nearest first', () => {
  const list = new OwnersList([source('maintainers.yaml'), source('CODEOWNERS')]);
  assert.deepEqual(list.closest('rkowalsky'), ['rkowalski']);
  assert.deepEqual(list.closest('media-storge'), ['acme/media-storage', 'media-storage'], 'a team is also matched without its organisation');
  assert.deepEqual(list.closest('zzzz'), []);
});
