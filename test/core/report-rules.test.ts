import { REPORT_RULES } from '../../server/src/core/rules/index.js';
import { testRuleFixtures } from '../helpers/report-rules.js';

// Every report rule must have fixtures; each fixture's inline markers are the whole truth.
for (const rule of REPORT_RULES) testRuleFixtures(rule.meta.id);
