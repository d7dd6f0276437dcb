/**
 * The milestone words of the lexicon, one clause at a time: each reading with a clause where it
 * must name the milestone and one of the same shape where it must not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impactBegunEarlier, impactGoesOn, problemTimeInEntry } from '../../server/src/core/report/timeline/impact-course.js';
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
  doesNotSay('start', ['The release manager halted the rollout', 'We paused the deploy', 'Engineer stalled the migration to check the backups', 'Validators signal they have applied the halt height']);
});

test('impact start: a named service that experienced an outage, degraded service or a spike in errors', () => {
  says('start', ['Hachyderm experienced a spike in response times', 'OP Mainnet experienced degraded service following a surge', 'The Example API experienced a partial outage']);
  doesNotSay('start', ['Examplewiki experienced a spike in sign-ups', 'The Team experienced issues reproducing it', 'we have experienced engineers on call']);
});

test('impact start: server errors caused, or counted as the whole of an entry', () => {
  says('start', ['The proxy was OOM-killed and caused many 503 errors for users', 'The change caused a spike of 502 errors', '2.5K 503 errors', '~300 5xx responses']);
  doesNotSay('start', ['0 503 errors', 'We caused no 503 errors', 'This could cause 503 errors in future', '2.5K 503 errors were retried and none was lost before the fix']);
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

test('impact start: what the system hands out is wrong; a wrong input caught is not', () => {
  says('start', ['wrong block generated at 8171899', 'An invalid state root was produced by the new nodes', 'corrupted records written to the archive']);
  doesNotSay('start', ['a bad request was rejected by the gateway', 'the wrong block was identified by the team', 'we generated a new block template']);
});

test('mitigation: a recovery still going on is not one', () => {
  says('mitigated', ['The node recovered after the restart', 'announced the recovery of the mainnet on discord']);
  doesNotSay('mitigated', ['announced that the recovery of the mainnet is on going on discord', 'Recovery in progress for the replicas', 'recovery work starts on the primary']);
});

test('mitigation: a measure back to its baseline; a setting restored to a value is the fix, not the end of the impact', () => {
  says('mitigated', ['Packet loss normalized to baseline levels following the routing fix', 'Latency back to baseline', 'Checkout restored for all users']);
  doesNotSay('mitigated', ['We normalized the data before the import', '`max_connections` restored to 16000, controller restarted']);
});

test('impact start: a system that started to experience trouble', () => {
  says('start', ['The system started to experience increased traffic on certain routes', 'The API began experiencing timeouts']);
  doesNotSay('start', ['The team started to have a look at the logs']);
});

test('impact start: an error tracker that starts to track errors', () => {
  says('start', ['Errbit starts to track errors in the mailer job']);
  doesNotSay('start', ['We start to track the error budget weekly']);
});

test('detection: a log line that opens with "notified that"', () => {
  says('detected', ['notified that block generation was halted by the partner', 'We were notified about failing logins']);
  doesNotSay('detected', ['The partner was notified that we fixed it', 'Users will be notified of the change']);
});

test('mitigation: back to acceptable levels, a server up again', () => {
  says('mitigated', ['The application performance went back to acceptable levels', 'the server was up again']);
  doesNotSay('mitigated', ['the team was up again at six', 'Latency is not yet back to acceptable levels']);
});

test('detection: the first alert named as a noun; an alert rule is not one', () => {
  says('detected', ['First alert on Slack coming from Grafana, during the holidays', 'Initial PagerDuty alert to the on-call']);
  doesNotSay('detected', ['First alert rule for the queue is reviewed', 'The first page of the report was blank']);
});

test('mitigation: tracking again, a backlog beginning to shrink', () => {
  says('mitigated', ['Grafana starts tracking emails again', 'The number of pending jobs in the mailers queue starts to decrease']);
  doesNotSay('mitigated', ['The queue starts to grow', 'Grafana starts tracking a new panel']);
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

test('resolution: an audience told of the fixed state is not the moment it was fixed', () => {
  says('resolved', ['The login issue is fixed', 'Fixed the broken route and confirmed it']);
  doesNotSay('resolved', ['The dev mailing list is notified of the outage, fixed status and impact', 'Customers were informed about the resolved incident by email']);
});

test('impact start: a first wave begins, serving machines are killed, a vulnerability is published', () => {
  says('start', ['First wave of junk uploads begins', 'Healthy workers all get killed by the scaler', 'The parser vulnerability was published']);
  doesNotSay('start', ['The second wave of the rollout went fine', 'Stale workers killed to free memory', 'The advisory will be published next week']);
});

test('detection: a long-winded alarm that fires, a warning from a provider, a report of an error by anyone', () => {
  says('detected', [
    'Queue depth alarms, set up last spring so that the batch team hears of a backlog, fire',
    'Automated warning from the storage provider about the quota',
    'qa-bot.example.net reports error log in the release channel',
    'several mirrors started reporting the same checksum mismatch',
    'As the team was preparing the patch, the predicted bug surfaced in production',
    'Realization that the nightly export is empty',
  ]);
  doesNotSay('detected', ['No alarms, even the one meant to warn about exactly this, fired', 'We sent an email to the vendor', 'We will not be reporting errors for the test suite']);
});

test('impact start: a problem that appears begins; one that "appears to" be anything is a hedge', () => {
  says('start', ['Errors appeared in the logs', 'The issue appears again on the second node']);
  doesNotSay('start', ['All nodes restarted. Incident appears to be resolved.', 'The problem appears to have cleared']);
});

test('a test stage coming back is a rehearsal, not the service recovering', () => {
  doesNotSay('mitigated', ['Consensus was reached, and the testnet chain was successfully restarted', 'The staging cluster is back to normal']);
  doesNotSay('resolved', ['Fix deployed to the staging environment']);
  says('mitigated', ['Consensus was reached, and the main chain was successfully restarted']);
});

test('what something is designed or meant to do has not happened yet', () => {
  doesNotSay('mitigated', ['A new contract, designed to recover the lost amount, is deployed', 'A script meant to restore the index is written', 'We scale up in order to recover faster']);
  says('mitigated', ['The new contract is deployed and the lost amount recovered']);
});

test('detection: realising trouble is noticing it, realising anything else is not', () => {
  says('detected', [
    'We realised that the old log drains still existed',
    'Realized the backups were missing',
    'The team realizes the job had not run',
    'Checks in between meetings only to find that the pods are in an unknown state',
    'Identifies that the cache is targeting an unknown host',
    'The error tracker begins reporting that the upstream returns invalid addresses',
    'Checkout fails; malformed block identified from an outside validator',
    'Consensus failure confirmed; triage begins',
  ]);
  doesNotSay('detected', ['We realized that a colleague had obtained the certificates in advance', 'She realised the meeting room was booked', 'She found that the report was ready', 'We started reporting weekly figures to the board next quarter', 'The node starts reporting "no space left on device"', 'We confirmed the failure domain of each rack']);
});

test('mitigation: someone restarts the service, the daemon or the database that failed', () => {
  says('mitigated', ['SW restarts the listener systemd service', 'Around 17:55 I restarted mongodb', 'She reboots all the worker nodes']);
  doesNotSay('mitigated', ['We tried restarting the service', 'The service restarts every night at 02:00 by itself', 'Restart the proxy if the queue grows']);
});

test('mitigation: the system doing its work again, as the author sees it now', () => {
  says('mitigated', ['Most validators are signing again', 'The chain starts moving again', 'Hypha confirms that all validators appear to be signing again']);
  doesNotSay('mitigated', ['Nodes are failing again', 'The validators appear to have recovered', 'Validators might be signing again by noon']);
});

test('detection: the team receiving an alert or a page', () => {
  says('detected', ['Hypha receives alert for validator downtime', 'We got a PagerDuty alert about disk space', 'The on-call received 3 alerts']);
  doesNotSay('detected', ['We get alert rules reviewed every quarter', 'The team will receive alerts for this from now on', 'Every customer gets a blank page']);
});

test('detection: the people who run the service are notified', () => {
  says('detected', ['Infrastructure staff is notified in the chat', 'The admins were notified by a student', 'On-call gets notified']);
  doesNotSay('detected', ['Staff will be notified of the new policy', 'We notified the users of the fix']);
});

test('detection: the state of a monitor fires, as the alert names it', () => {
  says('detected', ['`watch-cache` CRITICAL fires on node two', 'Nagios WARNING fired for disk usage']);
  doesNotSay('detected', ['A critical bug fixed in the client', 'Zero "database is locked" errors confirmed after the restart']);
});

test('resolution: the work toward it beginning is not the resolution', () => {
  says('resolved', ['Resolution reached at 14:00', 'Outage ended']);
  doesNotSay('resolved', ['Resolution start: the node is cordoned', 'Resolution steps begin with a restart', 'Resolution work in progress']);
});

test('detection: someone reporting a success is not a detection', () => {
  says('detected', ['First validator reports an apphash on 22.0.1', 'Ana reports the deploy failed']);
  doesNotSay('detected', ['Hypha reports the state swap test passes', 'Ana reports the upgrade succeeded on the testnet']);
});

test('mitigation: processing as normal, a service switched back on, a rollback named as the event', () => {
  says('mitigated', ['The bot is once again merging at its usual rate', 'Sends the message by hand, triggering downstream processing as normal', 'Reenabled service', 'Uploads are re-enabled for every wiki', 'renderer rollback {2.0.17}', 'Rollback to v1.4', 'Revert of the bad deploy']);
  doesNotSay('mitigated', ['Fees on the vault were re-enabled', 'Rollback to v1.4 started', 'Rollback plan discussed', 'revert PR opened', 'We discuss a rollback to v1.4', 'The build is failing again']);
});

test('mitigation: running smoothly, the fixed build out, containment; a hedge of belief does not count', () => {
  says('mitigated', [
    'The class confirms the lab is running smoothly',
    'Things seem to return to normal',
    'Emergency patch deployment completed as release 3.1.4',
    'Both signing keys are now revoked',
    'released fixed binary to the operators',
    'The shop runs without any issues',
  ]);
  doesNotSay('mitigated', ['The lead believes that https://example.org/pull/77 fixed it', 'The node appears to have recovered', 'The hotfix rollout will be completed tomorrow']);
});

test('resolution: a release that includes the fix, a problem solved, nothing further to do', () => {
  says('resolved', ['Version 5.0.2 was released that included the bug fixes', 'We confirmed that the problem was solved', 'No further action was required']);
  doesNotSay('resolved', ['Version 5.0.2 was released', 'We do not know whether the problem was solved', 'Further action is required']);
});

test('the impact goes on: a fix that did not help, a service that stays down, a problem that persists', () => {
  const goesOn = (c: string): boolean => impactGoesOn(c) !== undefined;
  for (const c of ['The revert did not solve the problem', 'Portals remain inaccessible', 'Some users still get stuck at login', 'The engineer reports the issue still persists', 'restarts are not having the intended effect', 'Continued Degradation', 'ongoing instability on two validators']) {
    assert.ok(goesOn(c), `"${c}" should say the impact goes on`);
  }
  for (const c of ['The revert solved the problem', 'Portals remain up during the migration', 'We are still investigating', 'Degradation ended']) assert.ok(!goesOn(c), `"${c}" should not say the impact goes on`);
});

test('mitigation: a backlog that empties, what ran out given back, the service starting again', () => {
  says('mitigated', ['The mempool is empty again', 'Job queue is back to zero', 'Worker killed, releasing file watches', 'Reach quorum and chain starts', 'The ledger restarted successfully']);
  doesNotSay('mitigated', ['Scale the pool down to free up addresses', 'The queue is not empty yet', 'The chain starts to stall', 'The service starts returning errors']);
});

test('the impact goes on: the next wave of an attack begins', () => {
  for (const c of ['Second wave of spam transactions begin', 'Final and largest wave of the flood begins']) assert.ok(impactGoesOn(c), `"${c}" should say the impact goes on`);
  assert.ok(!impactGoesOn('The second wave of the rollout is cancelled'));
});

test('mitigation: traffic reaches the service again', () => {
  says('mitigated', ['The balancer marks the new hosts as healthy, allowing traffic', 'Traffic resumed through the second region']);
  doesNotSay('mitigated', ['We are not allowing traffic until the checks pass', 'Traffic will be restored tomorrow']);
});

test('a decision to act is not the act; an entry can say the problem began well before it', () => {
  doesNotSay('mitigated', ['More reports come in and the decision was made to roll back all recent changes']);
  assert.ok(impactBegunEarlier('They had first become aware of this issue a week prior'));
  assert.ok(impactBegunEarlier('Errors have been there since yesterday'));
  assert.ok(!impactBegunEarlier('A customer reports the error an hour after the deploy'));
  // A month named alone; a day of it is a date the timeline reads instead.
  assert.ok(impactBegunEarlier('A maintainer sees a post in chat about a page without snapshots since December'));
  assert.ok(!impactBegunEarlier('Snapshots missing since December 12, 18:00'));
  assert.ok(!impactBegunEarlier('Since we may lose data, the import is stopped'));
});

test('a clock time an entry says the problem was under way at', () => {
  assert.equal(problemTimeInEntry('Many pending pods, peaking around 07:15.')?.minutes, 7 * 60 + 15);
  assert.equal(problemTimeInEntry('first errors at 6:02 pm in the gateway')?.minutes, 18 * 60 + 2);
  assert.equal(problemTimeInEntry('We look at the logs from 09:00 onwards'), undefined);
});

test('impact start: an onset, a measure shown falling, a system that stops doing its work', () => {
  says('start', [
    'Outage onset (per monitoring)',
    'Onset of the errors on the login page',
    'The uptime dashboard shows a sharp drop in availability',
    'The availability metric shows a significant drop of 40%',
    'The scheduler stops spinning up new runners',
    'After this time no new builds were started on the farm',
    'no new jobs got scheduled onto the pool',
  ]);
  doesNotSay('start', [
    'The error graph shows a drop in errors',
    'The dashboard shows a decrease in latency',
    'We stopped scheduling jobs to drain the queue',
    'No new errors were seen',
    'The scheduler was restarted',
  ]);
});

test('detection: users asking for help, someone telling someone, a detection in the present tense', () => {
  says('detected', [
    'Two customers raised support requests about failing uploads',
    'A user files a ticket about slow pages',
    'The release manager pings the on-call about builds not starting',
    'Sheriffs detect an infra issue and close the trees',
    'the on-call notices errors in the proxy logs',
  ]);
  doesNotSay('detected', ['We raised the limit for customers', 'The customers were moved to the new cluster', 'Nobody notices errors in the proxy logs']);
  // Telling the users is no detection; a user telling the team is one.
  doesNotSay('detected', ['We email the customer about the fix', 'Support messaged all affected users about the maintenance window', 'The team contacts the token holders about the refund']);
  says('detected', ['A merchant emails the on-call about failed payouts']);
  // Someone telling the team what they saw, in any tense.
  says('detected', ['Someone alerts us on chat that the price site is down', 'A maintainer informed the on-call about failing builds']);
  doesNotSay('detected', ['We will tell the team once the fix is out', 'The on-call informs the customers that the fix is live']);
  says('mitigated', ['The error rates as observed on the two dashboards subsequently drop back to zero']);
  doesNotSay('mitigated', ['The error rates as observed on the two dashboards climb again']);
  // The closing words of a repair, and the fix told as what the deployed code does.
  says('resolved', ['Database resized, table repacked, all good!', '@ana deploys code to restore the intended behaviour for phase three', 'Issue with the relay demotion logic patched and deployed']);
  doesNotSay('resolved', ['The relay demotion logic is patched; the deploy waits for review']);
  doesNotSay('resolved', ['All good so far, watching the queue', 'Not all good: the replica still lags', '@ana deploys code to collect more logs']);
  // Said in a chat or on a tracker by someone, or reported by a handle.
  says('detected', [
    'A client developer posts in the #dev channel of the project chat that their node has stopped at block 12',
    '@lena reports on Slack that something is wrong with the merge bot',
    '@ops-bot flags the failing backups',
  ]);
  doesNotSay('detected', [
    'We posted on the status page that the service is down',
    'A maintainer posts in the #dev channel that the new release is out',
    '@lena reviews the failing backups',
  ]);
  // Finding secrets where they must not be is a detection.
  says('detected', ['Goes through the new logs and finds that some include credentials']);
  doesNotSay('detected', ['Goes through the new logs and finds that some include request ids']);
  // A datum others report is no detection; trouble reported by someone is.
  doesNotSay('detected', ['The binary is checked against the value independently reported by other validators', 'The version reported by the node is the old one']);
  says('detected', ['Errors reported by users in the forum', 'The outage is reported on the tracker by a maintainer']);
});

test('mitigation and resolution: work resumes, a verdict, not a message or a name lookup', () => {
  says('mitigated', ['The manager has spun up 20 runners', 'the pool has now provisioned all missing nodes']);
  doesNotSay('mitigated', ['The manager spins up runners every minute']);
  says('resolved', ['Issue considered resolved', 'The incident was deemed closed', 'The issue was resolve by draining the node', 'The fix was deploy to production']);
  doesNotSay('resolved', [
    'The fix was deploy to staging first',
    'We plan to deploy to production tomorrow',
    'Resolution message posted to the status page',
    'Resolution of all internal hostnames failed',
    'DNS resolution times out for the API',
    'Account identity resolution issues spotted by a partner',
    'A regression in module resolution is logged',
    'The fix might be considered later',
  ]);
});

test('security incidents: malicious code runs or secrets leave (start), a report submitted by someone (detection)', () => {
  says('start', ['The proof-of-concept payload had already executed via a pull request', 'exfiltrating the deploy keys from the runner', 'The malicious script ran on every build agent']);
  doesNotSay('start', ['The payload was never executed', 'We ran the test payload in a sandbox']);
  says('detected', ['Bounty report #4411 submitted by an outside researcher', 'A disclosure was received by the security team from a student']);
  doesNotSay('detected', ['The report will be submitted by the end of the week']);
});

test('security incidents: the first remediation mitigates, all hardening merged resolves', () => {
  says('mitigated', ['First remediation commit: the unsafe expression is replaced', 'The remediation patch was deployed to every runner']);
  doesNotSay('mitigated', ['A remediation plan is drafted']);
  says('resolved', ['All hardening changes consolidated and merged via one pull request', 'all remaining security fixes deployed']);
  doesNotSay('resolved', ['All hardening changes will be merged next week', 'Hardening changes reviewed']);
});
