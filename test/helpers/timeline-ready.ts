/**
 * Whether the core reads timelines yet. Timeline reading is built in parallel with the language
 * server; until it is on this branch, the tests that need timeline entries are skipped with this
 * reason instead of failing.
 */
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';

const SAMPLE = '# T\n\n## Timeline\n\nAll times in UTC.\n\n- 2026-03-04 09:12 [start] It began.\n';

export const TIMELINE_SKIP: string | false =
  buildReport('sample.md', SAMPLE, new MarkdownParser(), defaultConfig()).timeline.entries.length > 0 ? false : 'timeline reading is not on this branch yet';
