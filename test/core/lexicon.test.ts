/**
 * The milestone words of the lexicon, one clause at a time: each reading with a clause where it
 * must name the milestone and one of the same shape where it must not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { milestoneWords } from '../../server/src/core/report/timeline/lexicon.js';
import type { Milestone } from '../../server/src/core/report/types.js';

const named = (clause: string): Milestone[] => milestoneWords(clause).map((w) => w.milestone);
const says = (milestone: Milestone, clauses: string[]): void => {
  for (const c of clauses) assert.ok(named(c).includes(milestone), `"${c}" should name ${milestone} (got ${named(c).join(', ') || 'nothing'})`);
};
const doesNotSay = (milestone: Milestone, clauses: string[]): void => {
  for (const c of clauses) assert.ok(!named(c).includes(milestone), `"${c}" should not name ${milestone}`);
};

test('impact start: the system stops, stalls or goes hard down', () => {
  says('start', ['The ledger stalled at block 5521', 'The replica halts for the schema change', 'Log shipping has stopped working', 'Shop is hard down, on-call starts looking', 'the build farm froze']);
  doesNotSay('start', ['The release manager halted the rollout', 'We paused the deploy', 'Engineer stalled the migration to check the backups']);
});

test('impact start: a change said to cause the failure, or to go out with the bug', () => {
  says('start', [
    'The 2.3 upgrade caused the cache pods to crash loop',
    'Agent 7.1 deployed to production with a backwards compatibility issue',
    'Version 12 released with a pagination regression',
    'A config change that breaks login for SSO users',
  ]);
  doesNotSay('start', ['The 2.3 upgrade caused no visible change', 'Agent 7.1 deployed to production', 'The config change was reviewed by two people']);
});

test('impact start: a good measure falls to zero or begins to drop; a bad one dropping is recovery', () => {
  says('start', ['Upload success rate reaches 0%', 'Traffic to the EU mirror begins to drop', 'Checkout throughput falls to zero']);
  doesNotSay('start', ['Error rate begins to drop', 'Latency starts to decrease after the failover', 'Queue backlog starts falling']);
  says('mitigated', ['Error rate begins to drop']);
});

test('detection: a ticket or issue opened, responders answering the alarms', () => {
  says('detected', ['Ticket https://desk.example.org/t/881 is opened about slow logins', 'issues/412 is opened, reporting failed uploads', 'Operators respond to the alarms']);
  doesNotSay('detected', ['We will open a ticket with the vendor', 'The runbook tells how to respond', 'Five validators were reported to be jailed']);
});

test('mitigation: the problem goes away, things work again, a successful restart', () => {
  says('mitigated', [
    'We removed the stale quota object and the issue goes away',
    'launch success went back to 100%',
    'New blocks are being created again',
    'Worker pool successfully restarted',
    'Owner declares the hub online',
    'Cache manually downgraded, which solved the issue',
    'the site begins to recover',
  ]);
  doesNotSay('mitigated', ['The team is back up after a few hours of sleep', 'We tried to restart the pool', 'The node appears to have recovered']);
});

test('resolution: finishing the incident; a channel or file closed is not one; background is not', () => {
  says('resolved', ['Engineer finishes resolving the incident in the pager tool', 'Incident closed', 'Ticket marked as resolved']);
  doesNotSay('resolved', ['The team confirms the old channel has been closed', 'The first occurrence resolved itself without a diagnosis', 'It was previously resolved by a restart']);
});
