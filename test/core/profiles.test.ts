import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeTitle } from '../../server/src/core/config/profiles.js';

test('section titles are compared without case, emphasis, numbering, trailing punctuation or a note', () => {
  assert.equal(normalizeTitle('**What went well?**'), 'what went well');
  assert.equal(normalizeTitle('Timeline (all times UTC)'), 'timeline');
  assert.equal(normalizeTitle('3. Action Items:'), 'action items');
  assert.equal(normalizeTitle('Where did we get lucky'), 'where did we get lucky');
});
