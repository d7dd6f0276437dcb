import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateReport } from '../../bench/report-generator.js';
import { random } from '../../bench/random.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { entryAt, entryCount } from '../../server/src/node/entry-table.js';
import { ReportEngine } from '../../server/src/node/report-engine.js';
import type { ReportSnapshot } from '../../server/src/node/report-snapshot.js';

/** What a snapshot says about the timeline entries, read back the way the server reads it. */
function entriesOf(snapshot: ReportSnapshot) {
  const { entries, markers } = snapshot.timeline;
  return {
    json: Buffer.from(entries.json).toString('utf8'),
    ends: [...entries.ends],
    bounds: [...entries.bounds],
    markers: [...markers],
    withMilestones: entries.withMilestones,
    read: Array.from({ length: entryCount(entries) }, (_, i) => entryAt(entries, i)),
  };
}

// The table of a document's next version copies the entries before and after the edited ones
// from the last table: it must equal the table of the same text analysed from scratch.
test('entry tables built from the last version equal tables built from scratch, edit after edit', () => {
  const config = defaultConfig();
  const engine = new ReportEngine();
  const rnd = random(7);
  let text = generateReport(60 * 1024);
  const timeline = text.indexOf('## Timeline');
  let checked = 0;
  for (let step = 0; step < 24; step++) {
    const at = timeline + Math.floor(rnd() * (text.length - timeline));
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const r = rnd();
    // Typing (same lines), a line added or removed (later entries move), a block removed.
    if (r < 0.4) text = text.slice(0, at) + 'x' + text.slice(at);
    else if (r < 0.6) text = text.slice(0, lineStart) + '- **23:59** a line typed in\n' + text.slice(lineStart);
    else if (r < 0.8) text = text.slice(0, lineStart) + text.slice(text.indexOf('\n', lineStart) + 1);
    else text = text.slice(0, lineStart) + text.slice(Math.min(text.length, lineStart + 2000));
    const incremental = engine.analyse({ key: 'doc', file: 'doc.md', text, config });
    const fresh = new ReportEngine().analyse({ key: 'doc', file: 'doc.md', text, config });
    assert.deepEqual(entriesOf(incremental), entriesOf(fresh), `step ${step}`);
    checked += entryCount(fresh.timeline.entries);
  }
  assert.ok(checked > 1000, `only ${checked} entries compared`);
});
