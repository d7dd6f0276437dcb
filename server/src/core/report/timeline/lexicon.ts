/**
 * The milestone lexicon: everything the project says about the four milestones of an incident,
 * in one place. Every consumer (the timeline reader, the rules, the metrics, the hovers, code
 * lenses, outline, completion and quick fixes, the exports and the CLI) takes names, markers,
 * front matter fields and words from here.
 *
 * The words are what authors write in a timeline entry when they do not use markers. Each
 * milestone has a short list of patterns, tried on one clause of an entry at a time (clauses end
 * at `.`, `;`, `!`, `?` and a dash between spaces):
 *
 * - **impact start**: the problem is said to begin: "Problem starts", "errors begin", "the site
 *   goes down", "the site is hard down", "the chain stalled", "logs have stopped working",
 *   "requests start failing", "first errors", "latency spikes", "launch success reaches 0%",
 *   "traffic begins to drop", "outage onset", "the uptime metric shows a drop in availability",
 *   "the manager stops spinning up new instances", "no new scans were scheduled"; or the change that caused it goes out: "the upgrade caused the DNS
 *   pods to crash", "version 2 deployed with a compatibility issue", "a release that breaks login",
 *   "a version was mis-released"; or a system does what it must not, told with a failure verb on
 *   the system as subject: "the listener service fails", "the pipeline terminated with exit 1",
 *   "the endpoint returns HTTP 502", "the strategy reports a 4.9 million loss" (a system's own
 *   figures; a person reporting a loss is a detection), "the exploit transaction takes place",
 *   "the payload had already executed", "exfiltrating the secrets";
 * - **detected**: someone or something notices: "alert fires", "Grafana alert fired", "paged",
 *   "team alerted", "a customer reports …", "user reports", "noticed", "detected", "first report",
 *   "ticket <link> is opened", "a researcher submits a disclosure report", "two customers raised
 *   support requests", "X pings Y about …", "sheriffs detect an infra issue", "report #12
 *   submitted by a researcher", "engineers respond to the alarms", "the bot sends an @channel
 *   alert", "war room is established", "BM sends an email observing that …";
 * - **mitigated**: the impact is said to stop: "rolled back the deploy", "reverted",
 *   "errors drop to zero", "back to normal", "recovered", "restored", "failed over", "mitigated",
 *   "the issue goes away", "blocks are created again", "successfully restarted", "which solved the
 *   issue", "back to 100%", "the manager has spun up 20 workers", "first remediation commit", "block
 *   production resumes";
 * - **resolved**: the incident is closed: "resolved", "Incident closed", "ticket marked as
 *   resolved", "Service operational", "all clear", "fix deployed", "finishes resolving", "issue
 *   considered resolved", "all hardening changes merged", "all services restored", "smoke tests
 *   pass"; a message posted about the resolution and a name "resolution" are not.
 *
 * An entry can also say that the impact **goes on** after something was tried ("the revert did not
 * solve it", "the issue persists"), or that it had begun well before the entry: those words are
 * in `impact-course.ts`. A mitigation word before such an entry was not the mitigation.
 *
 * A plan is not the act: "outlines a recovery plan" and "opens a PR to roll back" are no mitigation.
 *
 * A clause that negates, hedges, plans or tells of an earlier occurrence ("no alert fired",
 * "tried to roll back", "will revert", "appears to have recovered", "the first occurrence
 * resolved itself") says nothing happened now and is skipped. People coming "back up" and a
 * channel "closed" are not the service.
 */
import type { Metrics, Milestone } from '../types.js';

/** The milestones in the order an incident goes through them. */
export const MILESTONES: readonly Milestone[] = ['start', 'detected', 'mitigated', 'resolved'];

/** How the project names, marks and measures one milestone. */
export interface MilestoneInfo {
  /** In a sentence: "No impact start in the timeline". */
  name: string;
  /** As a title: the outline, the hover. */
  title: string;
  /** The explicit marker an entry can carry. */
  marker: string;
  /** A sentence that marks it in plain words, for messages. */
  phrase: string;
  /** Front matter fields that give it, the canonical one first. */
  fields: readonly string[];
  /** The metric measured up to it from the impact start. */
  metric?: keyof Pick<Metrics, 'timeToDetectMinutes' | 'timeToMitigateMinutes' | 'timeToResolveMinutes'>;
  /** The metric's label: "Time to detect". */
  metricLabel?: string;
  /** Lower-case past participle for short texts: "detected 16:39". */
  verb: string;
}

export const MILESTONE_INFO: Readonly<Record<Milestone, MilestoneInfo>> = {
  start: { name: 'impact start', title: 'Impact start', marker: '[start]', phrase: 'Impact starts.', fields: ['start', 'started', 'start_time'], verb: 'impact start' },
  detected: {
    name: 'detection',
    title: 'Detected',
    marker: '[detected]',
    phrase: 'Detected.',
    fields: ['detected', 'detected_at'],
    metric: 'timeToDetectMinutes',
    metricLabel: 'Time to detect',
    verb: 'detected',
  },
  mitigated: {
    name: 'mitigation',
    title: 'Mitigated',
    marker: '[mitigated]',
    phrase: 'Mitigated.',
    fields: ['mitigated', 'mitigated_at'],
    metric: 'timeToMitigateMinutes',
    metricLabel: 'Time to mitigate',
    verb: 'mitigated',
  },
  resolved: {
    name: 'resolution',
    title: 'Resolved',
    marker: '[resolved]',
    phrase: 'Resolved.',
    fields: ['end', 'ended', 'end_time', 'resolved'],
    metric: 'timeToResolveMinutes',
    metricLabel: 'Time to resolve',
    verb: 'resolved',
  },
};

/** The explicit markers, `[start]` … `[resolved]`, in milestone order. */
export const MILESTONE_MARKERS: readonly string[] = MILESTONES.map((m) => MILESTONE_INFO[m].marker);

/**
 * The nouns a field's label names a milestone by, in a report's header ("Time of Detection: …")
 * and in a timeline written as labelled fields ("Incident start: …", "Natural resolution: …")
 * alike. Regular expression sources.
 */
export const MILESTONE_LABEL_NOUNS: Readonly<Record<Milestone, string>> = {
  start: String.raw`(?:impact|incident|outage)\s+start(?:ed)?|start\s+of\s+(?:the\s+)?(?:impact|outage|incident)`,
  detected: String.raw`(?:time\s+of\s+)?detection(?:\s+time)?`,
  mitigated: String.raw`mitigation(?:\s+time)?`,
  resolved: String.raw`(?:(?:full|final|natural)\s+)?resolution(?:\s+time)?`,
};

/** Matches any explicit marker; group 1 is the milestone. */
export const MARKER_PATTERN = /\[(start|detected|mitigated|resolved)\]/gi;

/**
 * Containment: "both cards are now locked", "the leaked key is now revoked". It stops the harm,
 * but says nothing about the service being back, so it never stands for the resolution.
 */
export const CONTAINMENT = /\b(?:is|are|was|were)\s+now\s+(?:locked|revoked|blocked|disabled|frozen|contained|isolated)\b/i;

const PROBLEM = String.raw`(?:problems?|issues?|outage|incident|impact|user\s+impact|degradation|disruption|errors?|failures?|5xx(?:\s+errors)?|timeouts?|latency|crash(?:es|ing)?|downtime)`;
const SYSTEM = String.raw`(?:site|service|api|app|website|page|cluster|database|db|server|servers|nodes?|pods?|deploy(?:ment)?|it|everything|\w+)`;

/**
 * A report that arrives, the words of a detection that tell nothing of what was seen: "a
 * researcher submits a disclosure report", "bounty report #4411 submitted by an outside
 * researcher", "Immunefi Report (13 August)". Regex sources, shared by the detection words and
 * {@link tellsOnlyDetection}.
 */
const REPORT_ARRIVES = [
  String.raw`\b(?:submits?|submitted|files?|filed|sends?|sent|receives?|received)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:report|disclosure)\b`,
  String.raw`\b(?:report|disclosure|ticket)\b[^.;]{0,40}?\b(?:submitted|filed|received|sent|raised)\s+by\b`,
] as const;
/** A report named as an entry's headline: "Immunefi Report (13 August)"; capitals only, as written. */
const REPORT_HEADLINE = String.raw`^\W*(?:[A-Z][\w-]*\s+){1,2}(?:Report|Disclosure)\W*(?:$|\()`;

/** "Errors start", "latency spikes": a problem word with a verb of beginning. */
const PROBLEM_BEGINS = new RegExp(String.raw`\b${PROBLEM}\s+(?:starts?|started|begins?|began|appears?|appeared|rises?|rose|spikes?|spiked|increases?|increased|climbs?|climbed)\b(?!\s+to\s+(?:fade|clear|subside|recover|drop|decrease))`, 'i');

/** A system doing what it must not, told with a failure verb on the system as subject (see its entry below). */
const SYSTEM_FAILS = new RegExp(
  String.raw`(?<!\b(?:restart(?:ing)?|rollback|revert|fix|attempt|retry|workaround|patch|mitigation|upgrade|deploy(?:ment)?|migration|rollover|checks?|probes?|monitors?)\s+(?:(?:of|on|for|against)\s+)?(?:the\s+)?(?:[\w.-]+\s+){0,2})\b(?!(?:restart|rollback|revert|fix|attempt|retry|workaround|patch|mitigation|tests?|checks?|probes?|we|I|they|he|she|team|and|or)\b)${SYSTEM}\s+(?:(?:has|had)\s+)?(?:(?:fails|failed|crashes|crashed|dies|died|aborts|aborted)(?=\s*(?:$|[.,;:!)]|(?:due|because|with|after|when|while|on|at|in|and|again|repeatedly|completely|silently|since|during|unexpectedly|overnight)\b))|(?:terminates|terminated|exits|exited)\s+(?:with|unexpectedly|abnormally))\b`,
  'i',
);

/** The words of each milestone (see the module comment). Each pattern is tried on one clause. */
export const MILESTONE_WORDS: Readonly<Record<Milestone, readonly RegExp[]>> = {
  start: [
    PROBLEM_BEGINS,
    /\b(?:start|beginning)\s+of\s+(?:the\s+)?(?:impact|outage|incident|problem|issue|errors?)\b/i,
    /\bimpact\s+start\b/i,
    // "Outage onset (per monitoring)", "onset of the errors".
    /\b(?:outage|incident|impact|problem|issue|failures?|errors?|degradation|disruption)\s+onset\b|\bonset\s+of\s+(?:the\s+)?(?:outage|incident|impact|problem|issue|errors?|failures?|degradation)\b/i,
    // A measure shown falling: "the uptime metric shows a significant drop in availability"; not a drop in errors.
    /\b(?:metrics?|graphs?|dashboards?|charts?|monitoring|uptime|availability)\b[^.;]{0,60}?\b(?:shows?|showed|showing|indicates?|indicated|records?|recorded)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:drop|dip|fall|decline|decrease|loss)\b(?![^.;]{0,25}\b(?:errors?|latency|failures?|timeouts?|load|queue|backlog|5xxs?)\b)/i,
    // The system stops doing its work: "the manager stops spinning up new instances", "no new jobs were scheduled".
    /\b(?:stops?|stopped|ceases?|ceased)(?<!\b(?:we|I|they|team|engineers?|someone|somebody|he|she|operators?|on-?call)\s+(?:\w+\s+)?\w+)\s+(?:spinning\s+up|creating|scheduling|launching|provisioning|processing|serving|accepting|responding|sending|receiving|delivering|building|publishing|producing|starting|handling|syncing)\b|\bno\s+(?:new|more|further)\s+[\w-]+\s+(?:\w+\s+)?(?:scheduled|created|started|launched|provisioned|processed|served|delivered|accepted|built|published|produced)\b/i,
    /\b(?:first|initial)\s+(?:errors?|failures?|timeouts?|5xxs?|symptoms?|impact)\b/i,
    new RegExp(String.raw`\b${SYSTEM}\s+(?:goes|went|is|was|are|were)\s+(?:hard\s+|completely\s+|fully\s+|totally\s+)?(?:down|offline|unavailable|unreachable|unresponsive)\b`, 'i'),
    // "The chain stalled at height 9", "the queue halts", "logs have stopped working"; not "halted the deploy".
    new RegExp(String.raw`\b${SYSTEM}\s+(?:(?:has|have|had)\s+)?(?:stall(?:s|ed)?|halt(?:s|ed)?|freezes|froze|hangs|hung|(?:stops?|stopped)\s+working)\b(?!\s+(?:the|a|an|all|our|its|their|this|that|his|her)\b)`, 'i'),
    // "the upgrade caused the DNS pods to crash loop".
    /\bcaus(?:e|es|ed|ing)\s+(?:[\w.-]+\s+){0,5}?to\s+(?:crash|fail|stop\s+working|break|hang|stall|time\s+out|go\s+down|become\s+unavailable|return\s+errors)/i,
    // The bad change going out: "version 2 deployed with a compatibility bug", "a release that breaks login".
    /\b(?:deploy(?:s|ed)?|releas(?:e|es|ed)|shipped|rolled\s+out|goes\s+out|went\s+out|merged)\b.{0,60}?\bwith\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:bug|regression|defect|flaw|(?:compatibility|breaking)\s+(?:issue|problem|change))s?\b/i,
    /\b(?:deploy(?:ment)?|release|change|upgrade|update|migration|version|rollout)\b(?:\s+[\w.-]+){0,6}?\s+(?:that\s+|which\s+)?(?:breaks|broke)\b/i,
    // A success measure reaching zero: "launch success reaches 0%", "traffic drops to zero".
    /\b(?:success(?:\s+rate)?|availability|uptime|throughput|traffic|launches|builds|logins|requests\s+served)\b(?:\s+[\w%-]+){0,3}?\s+(?:reaches|reached|drops?\s+to|dropped\s+to|falls?\s+to|fell\s+to|goes\s+to|went\s+to|hits?)\s+(?:0\s*%|0\b|zero|nothing)/i,
    // A good measure beginning to fall: "traffic begins to drop"; not "errors start to drop", which is recovery.
    /(?<!\b(?:errors?|failures?|latency|timeouts?|alerts?|load|queue|backlog|5xxs?|retries)\s+(?:rates?\s+|counts?\s+)?)\b(?:starts?|started|begins?|began)\s+(?:to\s+)?(?:drop(?:ping)?|fall(?:ing)?|declin(?:e|ing)|decreas(?:e|ing))\b/i,
    /\b(?:start(?:s|ed)?|began|begins?)\s+(?:experiencing|seeing|showing|having|reporting)\b/i,
    // The first of several waves: "first wave of bad requests begins", "initial burst of traffic arrives".
    /\b(?:first|initial)\s+(?:wave|burst|surge|flood|spike|storm)\b(?:\s+[\w-]+){0,4}?\s+(?:begins?|began|starts?|started|arrives?|arrived|hits?)\b/i,
    // The machines that serve users are killed: "healthy nodes all get killed", "all pods were evicted".
    /\b(?:nodes|pods|servers|instances|hosts|machines|containers|workers|replicas)\s+(?:all\s+)?(?:gets?|got|are|were)\s+(?:all\s+)?(?:killed|terminated|evicted|deleted|wiped)\b/i,
    // A vulnerability made public starts the exposure: "the CVE was published".
    /\b(?:vulnerability|vulnerabilities|cve|exploit|zero-day)\b(?:\s+[\w-]+){0,2}?\s+(?:is\s+|was\s+|were\s+)?(?:published|disclosed|announced|made\s+public)\b/i,
    /\b(?:start(?:s|ed)?|began|begins?)\s+(?:to\s+)?(?:fail(?:ing)?|error(?:ing)?|return(?:ing)?\s+(?:errors|5\d\d)|tim(?:e|ing)\s+out|crash(?:ing)?|drop(?:ping)?\s+(?:requests|traffic|connections))\b/i,
    // A system doing what it must not: "the listener service fails due to a DNS glitch", "the
    // pipeline terminated with exit 1"; not an action that failed ("the restart fails"), a person
    // ("we failed over") or a transitive use ("terminated the job").
    SYSTEM_FAILS,
    /\breturn(?:s|ed|ing)\s+(?:an?\s+)?(?:http\s+)?(?:5\d\d|errors?\b)/i,
    // A system's own figures going wrong: "the strategy reports a 4.9 million loss", "harvested,
    // reporting an artificial loss". A person reporting a loss is a report (detection), not this.
    /(?<!\b(?:users?|customers?|people|someone|somebody|community|members?|depositors?|holders?|clients?|partners?)\b[^.;]*)\b(?:reports?|reported|reporting)\s+(?:an?\s+)?(?:[\w.,$%-]+\s+){0,5}?(?:loss(?:es)?|profits?|gains?)\b/i,
    // An attack happening: "the exploit transaction takes place", "attacker drains the pool".
    /\b(?:exploit|attack|hack|breach|intrusion|theft)s?\b(?:\s+[\w-]+){0,3}?\s+(?:takes?\s+place|took\s+place|occurs?|occurred|happens?|happened|(?:is|was)\s+(?:executed|carried\s+out|launched))\b/i,
    /\b(?:attackers?|exploiters?|hackers?)\b(?:\s+[\w-]+){0,2}?\s+(?:exploits?|exploited|drains?|drained|steals?|stole|attacks?|attacked)\b/i,
    // Malicious code running, or secrets leaving: "the proof-of-concept payload had already executed", "exfiltrating the secrets".
    /\b(?:payloads?|exploits?|malicious\s+(?:code|scripts?|requests?)|backdoors?|malware)\b(?:\s+[\w-]+){0,3}?\s+(?:executed|executes|ran|runs|fired)\b|\bexfiltrat(?:es|ed|ing)\b/i,
    // A change that went out wrong: "a version was mis-released", "a bad config was pushed".
    /\b(?:mis-?(?:releas(?:ed|es|ing)|deploy(?:ed|s|ing)|configur(?:ed|es|ing)|publish(?:ed|es|ing))|(?:wrongly|erroneously|accidentally|inadvertently|mistakenly|incorrectly)\s+(?:\w+\s+){0,2}?(?:released|deployed|published|pushed|merged|configured|changed|deleted|removed)|(?:bad|broken|faulty|wrong|incorrect|buggy)\s+(?:version|release|build|deploy(?:ment)?|config(?:uration)?|image|change)\s+(?:is\s+|was\s+|gets?\s+|got\s+)?(?:released|deployed|published|pushed|rolled\s+out|merged|applied))\b/i,
  ],
  detected: [
    /\b(?:alerts?|alarms?|pages?|monitors?|checks?|pagerduty|opsgenie|alertmanager)\b(?:\s+[\w-]+){0,3}?\s+(?:fires?|fired|firing|triggers?|triggered|triggering|goes\s+off|went\s+off|trips|tripped)\b/i,
    /\b(?:fires?|fired|triggers?|triggered|raises?|raised|sends?|sent|emits?|emitted|posts?|posted)\s+(?:an?\s+|the\s+)?(?:[@\w-]+\s+){0,2}(?:alerts?|alarms?|pages?)\b/i,
    // The responders gather: "war room is established", "a war room is created".
    /\bwar[\s-]?room\b(?:\s+[\w-]+){0,2}?\s+(?:is\s+|was\s+)?(?:started|established|opened|created|set\s+up|convened|assembled)\b|\b(?:starts?|started|opens?|opened|establish(?:es|ed)?|creates?|created|convenes?|convened)\s+(?:a\s+|the\s+)?war[\s-]?room\b/i,
    // A person telling the others what they saw: "BM sends an email to the team observing that messages expire".
    /\b(?:sends?|sent|writes?|wrote|posts?|posted)\s+(?:an?\s+)?(?:e-?mail|message|note)\b[^.;]{0,60}?\b(?:observing|reporting|noting|saying)\b/i,
    /\b(?:paged|alerted)\b/i,
    /\b(?:team|on-?call|sre|engineers?|responders?)\s+(?:is\s+|was\s+|were\s+|are\s+|gets?\s+|got\s+)?notified\b/i,
    /\b(?:pages?|paging)\s+(?:the\s+)?(?:on-?call|sre|team|engineers?)\b/i,
    /\b(?:customers?|users?|editors?|someone|somebody|people|a\s+thread|support|partners?|clients?|community|colleagues?|engineers?|developers?|staff|students?|teachers?|assistants?|members?|operators?|validators?|visitors?|admins?|(?!The\b|This\b|That\b|It\b|We\b|Our\b)[A-Z][a-z]+|[A-Z]{2,3})\b(?:\s+[\w'-]+){0,5}?\s+(?<!\b(?:is|are|was|were|been|be)\s+)(?:reports?|reported|notices?|noticed|complains?|complained|spots?|spotted|flags?|flagged)\b(?!(?:\s+[\w.,$%-]+){0,6}?\s+(?:loss(?:es)?|profits?|gains?)\b)/,
    /\b(?:user|customer|bug|first|initial)\s+reports?\b/i,
    /\b(?:reported|noticed|spotted|discovered|detected|identified)\s+(?:by|in|on|via)\b/i,
    /\b(?:detected|noticed|spotted|discovered)\b/i,
    // "Sheriffs detect an infra issue", "the on-call notices errors in the logs".
    /\b(?:detects?|notices?|spots?|discovers?)\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:issues?|problems?|errors?|outage|failures?|incident|bugs?|breakage)\b/i,
    /\b(?:becomes?|became)\s+aware\b/i,
    /\bincident\s+(?:is\s+|was\s+)?(?:declared|opened|raised|created|started|called)\b/i,
    /\b(?:declares?|declared|opens?|opened|raises?|raised)\s+(?:an?\s+|the\s+)?incident\b/i,
    // "Ticket <link> is opened about slow starts", "an issue is opened, reporting failures".
    /\b(?:support\s+)?(?:tickets?|issues?|bug\s+reports?)\S*(?:\s+\S+){0,3}?\s+(?:is\s+|was\s+)?(?:opened|filed|raised|created|submitted)\b/i,
    /\brespond(?:s|ed|ing)?\s+to\s+(?:the\s+|an?\s+)?(?:alarms?|alerts?|pages?)\b/i,
    // Users asking for help: "two customers raised support requests", "a user files a ticket".
    /\b(?:customers?|users?|clients?|partners?|members?|tenants?)\b(?:\s+[\w'-]+){0,3}?\s+(?:raises?|raised|opens?|opened|files?|filed|submits?|submitted|logs?|logged|creates?|created)\s+(?:an?\s+|the\s+|\w+\s+)?(?:support\s+)?(?:requests?|tickets?|cases?|issues?|bug\s+reports?)\b/i,
    // Someone telling someone else: "the sheriff pings the on-call about tasks not starting".
    /\b(?:pings?|pinged|messages?|messaged|emails?|e-mails?|emailed|contacts?|contacted|warns?|warned)\s+(?:the\s+)?(?:@?[\w.-]+\s+){1,3}?about\b/i,
    // An alarm described at length before its verb: "alarms on the build queue, meant to warn the team, fire".
    /\b(?:alerts?|alarms?)\b[^.;!?]{20,160}?,\s*(?:fires?|fired|triggers?|triggered|goes\s+off|went\s+off)\b/i,
    // A warning that arrives: "automated warning from the cloud provider", "email from the vendor about errors".
    /\b(?:automated\s+|automatic\s+)?(?:warning|notification|alert|e-?mail)s?\s+(?:from|by)\s+(?!us\b|the\s+team\b)\w+/i,
    /\b(?:automated|automatic)\s+(?:message|warning|notification|alert|e-?mail|report)s?\b/i,
    // A report that arrives (see REPORT_ARRIVES).
    ...REPORT_ARRIVES.map((source) => new RegExp(source, 'i')),
    new RegExp(REPORT_HEADLINE),
    /\b(?:realiz|realis)(?:es|ed|ing|ation)\b/i,
    // Whoever it is: "<someone> reported app hash mismatch", "validators started reporting the same issue".
    /\b(?:reports?|reported|reporting)\s+(?:an?\s+|the\s+)?(?:same\s+)?(?:[\w-]+\s+){0,2}?(?:errors?|issues?|problems?|bugs?|outages?|failures?|mismatch(?:es)?|crash(?:es)?)\b/i,
    /\b(?:issue|problem|bug|error|fault)s?\s+(?:surfaced|surfaces|showed\s+up|shows\s+up)\b/i,
  ],
  mitigated: [
    /\b(?:roll(?:s|ed)?\s+back|rolled\s+back|rollback\s+(?:complete[ds]?|finishe[sd]|done|deployed)|revert(?:s|ed)|failed\s+over|fails\s+over|failover\s+(?:complete[ds]?|done))\b/i,
    new RegExp(String.raw`\b${PROBLEM}\s+(?:rates?\s+)?(?:drops?|dropped|stops?|stopped|subsides?|subsided|decreases?|decreased|disappears?|disappeared|clears?|cleared|ends?|ended|falls?|fell|recedes?|receded|returns?\s+to\s+normal|go(?:es)?\s+away|went\s+away|(?:is|are)\s+gone)\b`, 'i'),
    /\b(?:back\s+to\s+normal|returns?\s+to\s+normal|returned\s+to\s+normal|(?<!\b(?:team|we|I|engineers?|everyone|people|they|responders?)\s+(?:is|are|was|were|came|come|comes)\s+)back\s+(?:up|online)|recover(?:s|ed|y|ing)?(?!\s+(?:plans?|strateg\w*|options?|procedures?|process|steps?|runbooks?)\b)|restored|stabili[sz](?:es|ed)|healthy\s+again|working\s+again|no\s+(?:more|further)\s+errors|mitigated|mitigation\s+(?:in\s+place|deployed|applied))\b/i,
    /\b(?:workarounds?|hotfix(?:es)?|fix(?:es)?|patch(?:es)?)\b(?:\s+[\w-]+){0,4}?\s+(?:(?:is|are|was|were|gets?|got)\s+)?(?:deployed|applied|in\s+place|live|rolled\s+out)\b/i,
    /\b(?:working|works?|available|visible|reachable|online|responding|running|flowing|succeed(?:s|ing)?|created|produced|processed|served|show(?:s|ing)?\s+up|load(?:s|ing)?)\s+again\b/i,
    /\b(?:back|returns?|returned)\s+to\s+100\s*%/i,
    new RegExp(String.raw`\b${PROBLEM}\s+(?:rates?\s+|counts?\s+)?(?:starts?|started|begins?|began)\s+to\s+(?:drop|fall|decrease|subside|clear|fade)\b`, 'i'),
    /\bsuccessfully\s+(?:restart|redeploy|re-deploy|revert|roll(?:s|ed)?\s+back|fail(?:s|ed)?\s+over|migrat)\w*/i,
    /\bdeclar(?:es|ed)\s+(?:[\w'-]+\s+){0,3}?(?:online|healthy|operational)\b/i,
    /\b(?:which|this|that)\s+(?:solved|fixed)\s+(?:the\s+)?(?:issue|problem|outage|incident)\b/i,
    // Users' work going well again: "the workshop is running smoothly", "everything works as expected".
    /\b(?:is|are|was|were|been|runs?|running|goes|going|went|works?|worked|working)\s+(?:smoothly|as\s+expected|without\s+(?:any\s+)?(?:issues|problems|errors))\b/i,
    // The fixed build reaching production: "hotfix rollout completed", "the patch release deployment completed".
    /\b(?:hotfix|fix|patch|workaround)\b(?:\s+[\w.-]+){0,6}?\s+(?:deployment|rollout|release|upgrade)\s+(?:is\s+|was\s+)?(?:completed?|finished|done)\b/i,
    CONTAINMENT,
    // A backlog that empties: "the mempool is empty", "queue is back to zero", "backlog drained".
    /\b(?:mempool|queue|backlog|buffer|lag)\s+(?:is|was|has\s+been)?\s*(?:empty|emptied|drained|cleared|back\s+to\s+zero)\b/i,
    // What ran out is given back: "pod killed, releasing file watches", "freed disk space".
    /\b(?:releasing|released|freeing|freed)\s+(?:up\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:memory|disk|space|capacity|file\s+watches|watches|addresses|connections|resources|locks?|slots?)\b/i,
    // The service starting again: "chain starts", "the site is back", "service restarted successfully".
    /\b(?:chain|service|site|network|cluster|hub|app|api|ledger)\s+(?:starts|started|restarts|restarted|comes\s+back|came\s+back)\s*(?:$|[.,;!]|\s+(?:again|up|producing|successfully|normally)\b)/i,
    // The work the incident stopped starts again: "block production resumes", "deliveries resumed".
    /\b(?:production|processing|syncing|sync|replication|deliver(?:y|ies)|builds|jobs|uploads|payments|deposits|withdrawals|trading|indexing|ingestion|writes|reads|requests|operations)\s+(?:resumes?|resumed|has\s+resumed|have\s+resumed)\b/i,
    // The same, verb first: "the network resumes block production", "resumed processing".
    /\b(?:resumes|resumed)\s+(?:block\s+production|producing|processing|serving|syncing|normal\s+operations?)\b/i,
    // Traffic reaching the service again: "the balancer marks the new nodes as healthy, allowing traffic".
    /\b(?:as\s+healthy|allowing\s+traffic|traffic\s+(?:flows?|flowing|resumes?|resumed|is\s+restored|was\s+restored))\b/i,
    // The first change that closes a hole: "First remediation commit: …", "remediation patch deployed".
    /\bremediation\s+(?:commit|patch|pr|pull\s+request|change)\b|\bremediation\b(?:\s+[\w-]+){0,3}?\s+(?:deployed|applied|merged|landed|in\s+place)\b/i,
    // The system doing its work again: "the manager has spun up 20 workers".
    /\b(?:has|have|had)\s+(?:now\s+)?(?:spun\s+up|launched|provisioned|scheduled)\s+(?:\d+|all|the\s+(?:new|missing|pending))\b/i,
    // "Released the fixed binary", "deployed a patched image".
    /\b(?:released|deployed|shipped|rolled\s+out)\s+(?:an?\s+|the\s+)?(?:fixed|patched)\s+(?:binary|binaries|build|version|release|image|package)\b/i,
  ],
  resolved: [
    /\b(?:incident|issue|ticket|problem|outage|status\s+page|statuspage)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:is|was|marked|set|moved)\s+(?:as\s+|to\s+)?)?(?:resolved|closed|fixed)\b/i,
    // "Fixed" as an adjective ("a fixed strategy is deployed") names the new build, not the incident's end.
    /\b(?:resolved|all[\s-]+clear|fully\s+(?:recovered|restored|operational)|operational|(?<!\b(?:a|an|the|new|this|that|its|our|their)\s+)fixed)\b/i,
    /\bfinish(?:es|ed)?\s+resolving\b/i,
    // The check that closes the work passing: "technical check-out passes", "smoke tests succeeded".
    /\b(?:check-?outs?|smoke\s+tests?|health\s*checks?|verification|validation|acceptance\s+tests?)\s+(?:pass(?:es|ed)?|succeed(?:s|ed)?|(?:is|was|are|were)\s+successful)\b/i,
    // Everything back, said of the whole: "all services restored", "all systems are operational again".
    /\ball\s+(?:the\s+)?(?:services|systems|instances|nodes|sites|functionality)\s+(?:are\s+|were\s+|have\s+been\s+)?(?:fully\s+)?(?:restored|recovered|back\s+(?:up|online|to\s+normal))\b/i,
    /\b(?:resolution|incident\s+ends?|incident\s+over|impact\s+(?:ends|ended|is\s+over))\b/i,
    /\b(?:fix(?:es)?|patch(?:es)?)\b(?:\s+[\w-]+){0,4}?\s+(?:(?:is|are|was|were|gets?|got)\s+)?(?:deployed|merged\s+and\s+deployed|rolled\s+out|released)\b/i,
    // "Version 4.2 was released that included the bug fixes", "a release containing the fix".
    /\b(?:released|deployed|rolled\s+out|shipped)\b(?:\s+[\w.,-]+){0,3}?\s+(?:that\s+|which\s+)?(?:included|includes|including|contain(?:s|ed|ing)?|with)\s+(?:the\s+|all\s+the\s+)?(?:bug\s+)?(?:fix|fixes|patch|patches)\b/i,
    /\b(?:issue|problem|outage|incident)\s+(?:is\s+|was\s+|has\s+been\s+)?solved\b/i,
    // "The issue was resolve by draining the node": the verb misspelt, the meaning plain.
    /\b(?:issue|problem|outage|incident)\s+(?:is|was|were)\s+resolve\s+by\b/i,
    /\bno\s+(?:further|more)\s+action\s+(?:is\s+|was\s+)?(?:required|needed)\b/i,
    // The last of the work: "all hardening changes consolidated and merged".
    /\ball\s+(?:the\s+)?(?:remaining\s+)?(?:hardening|remediation|security|fix)\s+(?:changes|work|fixes|patches)\b[^.;]{0,40}?\b(?:merged|deployed|completed|landed|released|shipped)\b/i,
  ],
};

/**
 * Cheap tests for the costliest patterns, whose subject can be any word (each is tried at every
 * word of every clause): a clause without the verb they need cannot match them.
 */
const NEEDS: ReadonlyMap<RegExp, RegExp> = new Map([
  [PROBLEM_BEGINS, /start|begin|began|appear|rise|rose|spike|increas|climb/i],
  [SYSTEM_FAILS, /fail|crash|die[sd]|abort|terminat|exit/i],
]);

/** Words that say something did not happen, might happen, or only was tried. */
const NOT_HAPPENED =
  /\b(?:no|not|never|none|nobody|without|nor|cannot|unable|(?:pr|pull\s+request|merge\s+request|cl)\s+to|fail(?:s|ed)?\s+to|tr(?:y|ies|ied|ying)\s+to|attempt(?:s|ed|ing)?(?:\s+to)?|previous(?:ly)?|first\s+occurrence|last\s+time|appears?\s+to|will|would|could|might|may|should|plan(?:s|ned)?\s+to|decide[sd]?\s+to|decision\s+(?:is\s+|was\s+)?(?:made\s+)?to|prepar(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|consider(?:s|ed|ing)?|think|thought|believes?|believed|suspects?|suspected|whether|if|until|partially|still|yet|seems?\s+to|hope)\b|n't\b/i;
/** Negative words that belong to a positive statement: "no more errors". */
const POSITIVE_NO = /\b(?:no\s+(?:more|further|new)\s+(?:errors?|failures?|alerts?|impact|timeouts?|action)|without\s+(?:any\s+)?(?:issues|problems|errors))\b/gi;
/**
 * "Things seem to return to normal": an author reporting what they see now, not a guess about
 * what happened ("appears to have recovered" stays a hedge).
 */
const SEEN_NOW = /\bseems?\s+to\s+(?=(?:return|be\s+back|be\s+working|work|recover)\b)/gi;
/** "Issue considered resolved", "deemed fixed": the author's verdict, not a doubt. */
const DEEMED = /\b(?:considered|deemed)\s+(?=(?:resolved|fixed|mitigated|over|closed|stable)\b)/gi;
/** "No new scans were scheduled": the negation is what the impact start says. */
const NOTHING_NEW = /\bno\s+(?:new|more|further)\s+(?=[\w-]+\s+(?:\w+\s+)?(?:scheduled|created|started|launched|provisioned|processed|served|delivered|accepted|built|published|produced)\b)/gi;
/** The positive uses of negative or hedging words, for each milestone. */
const NOT_A_DOUBT: Readonly<Record<Milestone, RegExp>> = { start: NOTHING_NEW, detected: /$^/, mitigated: SEEN_NOW, resolved: DEEMED };

/** How far before the words a negation still applies to them. */
const NEGATION_REACH = 40;

/** Resolution words that mean something else: "resolved the DNS name", "closed the connection". */
const FALSE_RESOLUTION = /\b(?:resolution\s+(?:message|notice|update|post|e-?mail|announcement)|(?:dns|name|host(?:name)?|identity|identifier|resource|did|address|domain|dependency|module|path|url)\s+resolution|resolution\s+(?:issues?|errors?|failures?|problems?|regressions?|bugs?)|resolution\s+of\s+(?:all\s+|the\s+|our\s+)?(?:[\w.-]+\s+){0,2}?(?:hostnames?|names?|dns|addresses|records|domains?)|resolved\s+(?:the\s+)?(?:dns|name|hostname|address|ip|dependency|dependencies|conflict|merge)|closed\s+(?:the\s+)?(?:connection|port|socket|file|pr|pull\s+request)|operational\s+(?:issue|problem|load|data))\b/i;

const blank = (p: string): string => ' '.repeat(p.length);

/**
 * The text a negation or hedge must not appear in: a few words before the match and the match
 * itself; of a long match ("alarms on the build queue, meant to warn us if …, fire") only its
 * opening and closing words, so that a clause inside it does not count.
 */
function negationWindow(text: string, at: number, length: number): string {
  // A link counts as one word; a comma ends what a negation before it reaches ("As we were
  // preparing the patch, the issue surfaced").
  const wide = text.slice(Math.max(0, at - 400), at).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, 'link');
  const before = wide.slice(Math.max(0, wide.length - NEGATION_REACH)).replace(/^[^]*,\s/, '');
  if (length <= 60) return before + text.slice(at, at + length);
  return `${before}${text.slice(at, at + 30)} ${text.slice(at + length - 25, at + length)}`;
}

/** The words of an entry that name a milestone, and which one. */
export interface MilestoneWords {
  milestone: Milestone;
  /** The words as written, whitespace collapsed: `alert fires`. */
  words: string;
}

/**
 * Per milestone, all its words as one pattern (or two: those that ignore case, and those that do
 * not). An alternation matches where one of its alternatives does, so a clause that neither
 * matches holds none of the milestone's words; most clauses name no milestone, and one scan for
 * all the words costs a fraction of one scan per pattern.
 */
const ANY_WORDS: Readonly<Record<Milestone, readonly RegExp[]>> = Object.fromEntries(
  MILESTONES.map((m) => {
    const union = (list: readonly RegExp[], flags: string): RegExp[] => (list.length > 0 ? [new RegExp(list.map((re) => `(?:${re.source})`).join('|'), flags)] : []);
    const words = MILESTONE_WORDS[m];
    return [m, [...union(words.filter((re) => re.flags.includes('i')), 'i'), ...union(words.filter((re) => !re.flags.includes('i')), '')]];
  }),
) as Record<Milestone, RegExp[]>;

/**
 * The milestones one clause of an entry names in plain words (see the module comment). Words
 * negated, hedged or planned (within a few words before them, or inside them) do not count.
 */
export function milestoneWords(clause: string): MilestoneWords[] {
  if (clause.length > 400) return [];
  const text = clause;
  const found: MilestoneWords[] = [];
  for (const milestone of MILESTONES) {
    if (!ANY_WORDS[milestone].some((re) => re.test(text))) continue;
    for (const re of MILESTONE_WORDS[milestone]) {
      if (NEEDS.get(re)?.test(text) === false) continue;
      const m = re.exec(text);
      if (!m) continue;
      const around = negationWindow(text, m.index, m[0].length)
        .replace(POSITIVE_NO, blank)
        .replace(NOT_A_DOUBT[milestone], blank);
      if (NOT_HAPPENED.test(around)) continue;
      if (milestone === 'resolved' && FALSE_RESOLUTION.test(text)) continue;
      found.push({ milestone, words: clause.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' ').trim() });
      break;
    }
  }
  return found;
}

/**
 * "The issue was detected by our engineers", "wire.com being down was noticed by the team",
 * "reported issue in the chat", "a researcher submits a disclosure report": the entry tells only
 * that the problem was found or a report arrived, not what was seen then, so it says nothing of
 * when the impact began.
 */
const ONLY_DETECTION = new RegExp(
  [
    String.raw`\b(?:is|was|were|been|being)\s+(?:first\s+)?(?:detected|noticed|discovered|spotted|identified)\b`,
    String.raw`(?:^\W*|(?<=[\d)*_\]:]\s*)|\s[-\u2013\u2014]\s)(?:(?:someone|somebody|a\s+user|users?)\s+)?(?:reports?|reported|detected|noticed|flagged)\s+(?:an?\s+|the\s+)?(?:issue|problem|bug|incident)\b`,
    ...REPORT_ARRIVES,
    REPORT_HEADLINE,
  ].join('|'),
  'i',
);

/** The words of an entry that tell only that the problem was found (see {@link ONLY_DETECTION}). */
export function tellsOnlyDetection(text: string): string | undefined {
  if (text.length > 2000) return undefined;
  const m = ONLY_DETECTION.exec(text);
  return m ? m[0].trim() : undefined;
}

/**
 * Mitigation words that tell of something people did ("rolled back", "fix deployed", "failed
 * over"), not of the impact stopping by itself ("the cluster self-heals and returns to normal"):
 * nobody acts on a problem before it is detected, while a problem can heal before anyone notices.
 */
export const MITIGATION_ACTION = /\b(?:roll(?:s|ed)?\s+back|rollback|revert(?:s|ed)?|fail(?:s|ed)?\s+over|failover|deploy(?:s|ed)?|releas(?:es|ed)|shipped|rolled\s+out|hotfix|fix(?:es)?\b|patch(?:es|ed)?|workaround|restart(?:s|ed)?|redeploy(?:s|ed)?)/i;
