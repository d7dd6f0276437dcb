import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALERTING_ACTIONABLE, detectionSignals } from '../../server/src/core/report/detection.js';

function byPeopleOnly(text: string): boolean {
  const s = detectionSignals(text);
  return s.human.length > 0 && s.automated.length === 0;
}

test('people finding the incident', () => {
  for (const text of [
    'A user report on Phabricator.',
    'It was reported by an editor on IRC.',
    'Readers on the help desk complained about missing images.',
    'Someone noticed it while testing.',
    'The first sign was a thread on the village pump.',
    'We found it manually during a review.',
    'No alert fired.',
    'No Icinga alert was raised at any point.',
    'The alerts did not fire.',
  ]) {
    assert.equal(byPeopleOnly(text), true, text);
  }
});

test('the systems finding the incident, or nothing said', () => {
  for (const text of [
    'Alertmanager paged the on-call engineer.',
    'An Icinga alert fired at 14:05; a user also reported it.',
    'PagerDuty woke up the SRE on duty.',
    'The alarms start going off and the failing nodes are noticed.',
    'Monitoring showed the error rate climb, and users noticed soon after.',
    'Automated checks caught the regression.',
    'It was found during a routine deploy.',
    '',
  ]) {
    assert.equal(byPeopleOnly(text), false, text);
  }
});

test('what might have happened does not count', () => {
  assert.equal(byPeopleOnly('A user reported it. Monitoring of 404 rates would have caught it.'), true);
  assert.equal(byPeopleOnly('Had we looked, users may have noticed earlier.'), false);
});

test('actionables about alerting or monitoring', () => {
  for (const text of ['Alert on 404 rates', 'Add a dashboard for uploads', 'Define an SLO for thumbnails', 'Page the on-call on replication lag', 'Detect mixed-version deploys', 'Add a probe for cross-wiki files', 'Add a check for key scope', 'Monitor cache churn']) {
    assert.match(text, ALERTING_ACTIONABLE);
  }
  for (const text of ['Make the key global', 'Document who maintains FileRepo', 'Pause the train less often']) {
    assert.doesNotMatch(text, ALERTING_ACTIONABLE);
  }
});
