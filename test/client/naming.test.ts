import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateNames, firstFreeName, MAX_SLUG_LENGTH, reportFileName, slugify, utcDate } from '../../client/src/naming.js';

test('slugify lower-cases and joins words with single hyphens', () => {
  assert.equal(slugify('Thumbnails missing on  Commons!'), 'thumbnails-missing-on-commons');
  assert.equal(slugify('  --Outage: search / API (EU)--  '), 'outage-search-api-eu');
});

test('slugify drops accents and apostrophes, keeps other scripts', () => {
  assert.equal(slugify('Café’s cache ÉCHEC'), 'cafes-cache-echec');
  assert.equal(slugify("Don't page"), 'dont-page');
  assert.equal(slugify('Пожар в ДЦ'), 'пожар-в-дц');
});

test('slugify never returns an empty slug', () => {
  assert.equal(slugify(''), 'incident');
  assert.equal(slugify('!!! ???'), 'incident');
});

test('slugify cuts long titles at a word boundary', () => {
  const slug = slugify('Memcached key distribution change split the thumbnail metadata cache between Commons and Wikipedia');
  assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
  assert.ok(!slug.endsWith('-'));
  assert.match(slug, /^memcached-key-distribution-change-split-the-thumbnail(-[a-z]+)*$/);
  assert.equal(slugify('x'.repeat(100)).length, MAX_SLUG_LENGTH);
});

test('report file names use the UTC date, not the local one', () => {
  const lateEvening = new Date('2020-05-21T23:30:00-05:00'); // already the 22nd in UTC
  assert.equal(utcDate(lateEvening), '2020-05-22');
  assert.equal(reportFileName('Split brain', lateEvening), '2020-05-22-split-brain.md');
});

test('candidate names number the stem, not the extension', () => {
  assert.deepEqual([...candidateNames('2020-05-22-x.md', 3)], ['2020-05-22-x.md', '2020-05-22-x-2.md', '2020-05-22-x-3.md', '2020-05-22-x-4.md']);
  assert.deepEqual([...candidateNames('README', 1)], ['README', 'README-2']);
});

test('firstFreeName never returns a name that exists', async () => {
  const taken = new Set(['a.md', 'a-2.md', 'a-3.md']);
  assert.equal(await firstFreeName('a.md', (n) => taken.has(n)), 'a-4.md');
  assert.equal(await firstFreeName('b.md', (n) => taken.has(n)), 'b.md');
  assert.equal(await firstFreeName('a.md', async (n) => taken.has(n)), 'a-4.md');
});

test('firstFreeName gives up (so the user is asked) when every candidate is taken', async () => {
  const asked: string[] = [];
  const result = await firstFreeName('a.md', (n) => (asked.push(n), true), 5);
  assert.equal(result, undefined);
  assert.equal(asked.length, 6);
  assert.equal(new Set(asked).size, 6);
});
