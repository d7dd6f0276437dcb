/**
 * The words of the four milestones, as authors write them in a timeline entry when they do not
 * use markers. Each milestone has a short list of patterns, tried on one clause of an entry at a
 * time by `lexicon.ts` (clauses end at `.`, `;`, `!`, `?` and a dash between spaces):
 *
 * - **impact start**: the problem is said to begin: "Problem starts", "errors begin", "the site
 *   goes down", "the site is hard down", "the chain stalled", "logs have stopped working",
 *   "requests start failing", "starts throwing more timeouts than usual", "first errors",
 *   "latency spikes", "launch success reaches 0%", "traffic begins to drop", "outage onset",
 *   "the uptime metric shows a drop in availability", "the manager stops spinning up new
 *   instances", "no new scans were scheduled"; or the change that caused it goes out: "the
 *   upgrade caused the DNS pods to crash", "version 2 deployed with a compatibility issue", "a
 *   release that breaks login", "a version was mis-released"; or a system does what it must
 *   not, told with a failure verb on the system as subject: "the listener service fails", "the
 *   pipeline terminated with exit 1", "the endpoint returns HTTP 502", "the strategy reports a
 *   4.9 million loss" (a system's own figures; a person reporting a loss is a detection), "the
 *   exploit transaction takes place", "the payload had already executed", "exfiltrating the
 *   secrets";
 * - **detected**: someone or something notices: "alert fires", "Grafana alert fired", "paged",
 *   "team alerted", "a customer reports …", "user reports", "noticed", "detected", "first
 *   report", "ticket <link> is opened", "a researcher submits a disclosure report", "two
 *   customers raised support requests", "X pings Y about …", "sheriffs detect an infra issue",
 *   "report #12 submitted by a researcher", "engineers respond to the alarms", "the bot sends
 *   an @channel alert", "the error tracker begins sending alerts", "@ana posts an issue
 *   describing …", "war room is established", "BM sends an email observing that …";
 * - **mitigated**: the impact is said to stop: "rolled back the deploy", "reverted", "errors
 *   drop to zero", "back to normal", "recovered", "restored", "failed over", "mitigated", "the
 *   issue goes away", "blocks are created again", "successfully restarted", "which solved the
 *   issue", "back to 100%", "the manager has spun up 20 workers", "first remediation commit",
 *   "block production resumes", "the chain resumes", "uploads are no longer bottlenecked",
 *   "saving pages at the usual rate again";
 * - **resolved**: the incident is closed: "resolved", "Incident closed", "ticket marked as
 *   resolved", "Service operational", "all clear", "fix deployed", "finishes resolving", "issue
 *   considered resolved", "all hardening changes merged", "all services restored", "smoke tests
 *   pass", "released a hot-fix", "the backfill finishes", "confirms the queues are healthy",
 *   "outage ends"; a message posted about the resolution and a name "resolution" are not.
 */
import type { Milestone } from '../types.js';

/**
 * Containment: "both cards are now locked", "the leaked key is now revoked". It stops the harm,
 * but says nothing about the service being back, so it never stands for the resolution.
 */
export const CONTAINMENT = /\b(?:is|are|was|were)\s+now\s+(?:locked|revoked|blocked|disabled|frozen|contained|isolated)\b/i;

/**
 * The trouble said to be over: "no longer bottlenecked", "no longer failing". A regex source,
 * shared by the mitigation words and the negations that are none (`lexicon.ts`).
 */
export const NO_LONGER = String.raw`no\s+longer\s+(?:bottlenecked|failing|erroring|down|degraded|timing\s+out|blocked|stuck|throttled|crashing|overloaded)`;

/**
 * A stage that users do not see: "the testnet chain was restarted", "fix deployed to staging",
 * "released the patch to QA". What comes back or goes out there is a rehearsal: no mitigation
 * and no resolution (`lexicon.ts`).
 */
export const TEST_STAGE = /\b(?:test-?net|staging|devnet|dev(?:elopment)?\s+environment|test(?:ing)?\s+environment|sandbox)\b|\b(?:to|on|in)\s+(?:the\s+)?(?:test(?:ing)?|dev(?:elopment)?|qa)\b/i;

/** Trouble named later in the same sentence: a lookahead, for words that are a detection only then. */
const TROUBLE_FOLLOWS = String.raw`(?=[^.;]*?\b(?:issues?|problems?|errors?|fail\w*|broke\w*|wrong|down|outages?|incident|bugs?|not|no|never|missing|stuck|slow\w*|leak\w*|mistakes?|affect\w*|impact\w*|unavailable|unknown|crash\w*|lost|bad|incorrect|invalid|expired|empty|still|stopped|halted|died|dead|credentials?|secrets?|passwords?)\b|[^.;]*?n't\b)`;

/**
 * Someone restarting what failed: "SW restarts the foel_prod systemd service", "restarted
 * mongodb". A mitigation word; a restart that did not help is caught by the words that say the
 * impact went on, and one followed minutes later by the service back is the act, not the effect
 * (`select.ts`).
 */
export const RESTART = /\b(?:restarts|restarted|relaunch(?:es|ed)|reboots|rebooted|bounces|bounced)\s+(?:the\s+|all\s+(?:the\s+)?|its\s+|our\s+|their\s+)?(?:(?:[\w`.-]+\s+){0,3}?(?:services?|containers?|daemons?|process(?:es)?|pods?|servers?|nodes?|instances?|workers?|prox(?:y|ies)|vms?|hosts?|machines?|databases?|listeners?|apps?|applications?)\b|(?:mongo(?:db|d)?|mysql|mariadb|postgres(?:ql)?|redis|nginx|apache|haproxy|memcached|elasticsearch|rabbitmq|kafka)\b)/i;

/** What users get switched back on: a service, its traffic, one of its functions. */
const SWITCHED = String.raw`(?:service|site|website|api|app|traffic|access|endpoints?|logins?|uploads?|writes|signups?|payments?)`;

const PROBLEM = String.raw`(?:problems?|issues?|outage|incident|impact|user\s+impact|degradation|disruption|errors?|failures?|5xx(?:\s+errors)?|timeouts?|latency|crash(?:es|ing)?|downtime)`;
const SYSTEM = String.raw`(?:site|service|api|app|website|page|cluster|database|db|server|servers|nodes?|pods?|deploy(?:ment)?|it|everything|\w+)`;

/**
 * A report that arrives, the words of a detection that tell nothing of what was seen: "a
 * researcher submits a disclosure report", "bounty report #4411 submitted by an outside
 * researcher", "Immunefi Report (13 August)". Regex sources, shared by the detection words and
 * `tellsOnlyDetection` (`lexicon.ts`).
 */
export const REPORT_ARRIVES = [
  String.raw`\b(?:submits?|submitted|files?|filed|sends?|sent|receives?|received)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:report|disclosure)\b`,
  String.raw`\b(?:report|disclosure|ticket)\b[^.;]{0,40}?\b(?:submitted|filed|received|sent|raised)\s+by\b`,
] as const;
/** A report named as an entry's headline: "Immunefi Report (13 August)"; capitals only, as written. */
export const REPORT_HEADLINE = String.raw`^\W*(?:[A-Z][\w-]*\s+){1,2}(?:Report|Disclosure)\W*(?:$|\()`;

/**
 * "Errors start", "latency spikes": a problem word with a verb of beginning; not the object of
 * what began ("investigations into the outage began").
 */
const PROBLEM_BEGINS = new RegExp(String.raw`(?<!\b(?:into|of|on|about|for|regarding)\s+(?:the\s+|this\s+|that\s+)?)\b${PROBLEM}\s+(?:starts?|started|begins?|began|appears?|appeared|rises?|rose|spikes?|spiked|increases?|increased|climbs?|climbed)\b(?!\s+to\s+(?:fade|clear|subside|recover|drop|decrease))(?!(?<=appears?|appeared)\s+to\b)`, 'i');

/** A service, named with a capital, that ran into trouble (see its entry below); gated in `WORD_NEEDS`. */
const SERVICE_EXPERIENCED =
  /\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+(?:(?:started|began)\s+)?experienc(?:ed|es|ing)\s+(?:an?\s+|some\s+)?(?:(?:[\w-]+\s+){0,2}?(?:outages?|downtime|disruptions?|degradation)\b|(?:severe\s+|significant\s+|sudden\s+)?(?:spikes?|surges?|increases?)\s+in\s+(?:errors|latency|response\s+times|load|timeouts|5xx)|degraded\s+(?:service|performance|availability)|(?:partial\s+|full\s+|complete\s+|total\s+)?(?:unavailability|outage))/;

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
    new RegExp(String.raw`\b${SYSTEM}\s+(?:goes|went|is|was|are|were|became|becomes)\s+(?:hard\s+|completely\s+|fully\s+|totally\s+)?(?:down|offline|unavailable|unreachable|unresponsive)\b`, 'i'),
    // Those who use it run into the trouble: "we started experiencing networking issues", "users
    // experienced a momentary outage".
    /\b(?:we|users?|customers?|clients?|visitors?|members?)\s+(?:(?:started|began|start|begin)\s+)?experienc(?:e|ed|es|ing)\s+(?:an?\s+|some\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:outages?|issues|errors|problems|downtime|failures|latency|degradation|disruptions?)\b/i,
    // The service named as the one that ran into it: "Hachyderm experienced a spike in response
    // times", "OP Mainnet experienced degraded service".
    SERVICE_EXPERIENCED,
    // "The chain stalled at height 9", "the queue halts", "logs have stopped working"; not "halted
    // the deploy", nor a noun after an article ("applied the halt height").
    new RegExp(String.raw`\b(?!(?:the|a|an|its|their|our|this|that|his|her|my|your)\s)${SYSTEM}\s+(?:(?:has|have|had)\s+)?(?:stall(?:s|ed)?|halt(?:s|ed)?|freezes|froze|hangs|hung|(?:stops?|stopped)\s+working)\b(?!\s+(?:the|a|an|all|our|its|their|this|that|his|her)\b)`, 'i'),
    // "the upgrade caused the DNS pods to crash loop".
    /\bcaus(?:e|es|ed|ing)\s+(?:[\w.-]+\s+){0,5}?to\s+(?:crash|fail|stop\s+working|break|hang|stall|time\s+out|go\s+down|become\s+unavailable|return\s+errors)/i,
    // A count of server errors as the whole of what an entry says: "2.5K 503 errors".
    /^\W*~?(?:[1-9][\d.,]*|0[.,]\d+)\s*[kKmM]?\+?\s+(?:5\d\d|5xx)\s+(?:errors?|responses?)\W*$/i,
    // "the proxy was OOM-killed and caused many 503 errors": errors that users get, caused.
    /\bcaus(?:e|es|ed|ing)\s+(?:many|numerous|lots\s+of|widespread|intermittent|a\s+(?:spike|flood|wave|burst)\s+(?:of|in))?\s*(?:5\d\d|5xx|http\s+5\d\d)\s+(?:errors?|responses?)\b/i,
    // The bad change going out: "version 2 deployed with a compatibility bug", "a release that breaks login".
    /\b(?:deploy(?:s|ed)?|releas(?:e|es|ed)|shipped|rolled\s+out|goes\s+out|went\s+out|merged)\b.{0,60}?\bwith\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:bug|regression|defect|flaw|(?:compatibility|breaking)\s+(?:issue|problem|change))s?\b/i,
    /\b(?:deploy(?:ment)?|release|change|upgrade|update|migration|version|rollout)\b(?:\s+[\w.-]+){0,6}?\s+(?:that\s+|which\s+)?(?:breaks|broke)\b/i,
    // A success measure reaching zero: "launch success reaches 0%", "traffic drops to zero".
    /\b(?:success(?:\s+rate)?|availability|uptime|throughput|traffic|launches|builds|logins|requests\s+served)\b(?:\s+[\w%-]+){0,3}?\s+(?:reaches|reached|drops?\s+to|dropped\s+to|falls?\s+to|fell\s+to|goes\s+to|went\s+to|hits?)\s+(?:0\s*%|0\b|zero|nothing)/i,
    // A good measure beginning to fall: "traffic begins to drop"; not "errors start to drop", which is recovery.
    /(?<!\b(?:errors?|failures?|latency|timeouts?|alerts?|load|queue|backlog|5xxs?|retries)\s+(?:rates?\s+|counts?\s+)?)\b(?:starts?|started|begins?|began)\s+(?:to\s+)?(?:drop(?:ping)?|fall(?:ing)?|declin(?:e|ing)|decreas(?:e|ing))\b/i,
    /\b(?:start(?:s|ed)?|began|begins?)\s+(?:experiencing|seeing|showing|having|reporting|to\s+(?:experience|see|show|have)\b(?!\s+(?:a\s+)?(?:look|meeting|call|chat)\b))\b/i,
    // The first of several waves: "first wave of bad requests begins", "initial burst of traffic arrives".
    /\b(?:first|initial)\s+(?:wave|burst|surge|flood|spike|storm)\b(?:\s+[\w-]+){0,4}?\s+(?:begins?|began|starts?|started|arrives?|arrived|hits?)\b/i,
    // The machines that serve users are killed: "healthy nodes all get killed", "all pods were evicted".
    /\b(?:nodes|pods|servers|instances|hosts|machines|containers|workers|replicas)\s+(?:all\s+)?(?:gets?|got|are|were)\s+(?:all\s+)?(?:killed|terminated|evicted|deleted|wiped)\b/i,
    // A vulnerability made public starts the exposure: "the CVE was published".
    /\b(?:vulnerability|vulnerabilities|cve|exploit|zero-day)\b(?:\s+[\w-]+){0,2}?\s+(?:is\s+|was\s+|were\s+)?(?:published|disclosed|announced|made\s+public)\b/i,
    /\b(?:start(?:s|ed)?|began|begins?)\s+(?:to\s+)?(?:fail(?:ing)?|error(?:ing)?|return(?:ing)?\s+(?:errors|5\d\d)|tim(?:e|ing)\s+out|crash(?:ing)?|drop(?:ping)?\s+(?:requests|traffic|connections))\b/i,
    // "The scraper starts throwing a few more timeouts than usual".
    /\b(?:start(?:s|ed)?|began|begins?)\s+(?:to\s+)?(?:rais|throw|emit|log|produc|generat|track|record|register)(?:e|es|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:errors?|exceptions?|timeouts?|failures?)\b(?!\s+budgets?\b)/i,
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
    // What the system hands out is wrong: "wrong block generated at 8171899", "invalid state root
    // produced"; not a wrong input caught ("a bad request was rejected").
    /\b(?:wrong|bad|invalid|incorrect|corrupt(?:ed)?|malformed|faulty)\s+(?:[\w-]+\s+){0,2}?(?:blocks?|data|state(?:\s+roots?)?|records?|results?|responses?|values?|hash(?:es)?|payloads?|transactions?)\s+(?:(?:is|was|were|are|gets?|got|being)\s+)?(?:generated|produced|created|written|returned|served|proposed|mined|committed|emitted)\b/i,
    // A change that went out wrong: "a version was mis-released", "a bad config was pushed".
    /\b(?:mis-?(?:releas(?:ed|es|ing)|deploy(?:ed|s|ing)|configur(?:ed|es|ing)|publish(?:ed|es|ing))|(?:wrongly|erroneously|accidentally|inadvertently|mistakenly|incorrectly)\s+(?:\w+\s+){0,2}?(?:released|deployed|published|pushed|merged|configured|changed|deleted|removed)|(?:bad|broken|faulty|wrong|incorrect|buggy)\s+(?:version|release|build|deploy(?:ment)?|config(?:uration)?|image|change)\s+(?:is\s+|was\s+|gets?\s+|got\s+)?(?:released|deployed|published|pushed|rolled\s+out|merged|applied))\b/i,
  ],
  detected: [
    // A monitor's state as its alert names it: "`disk-space` CRITICAL fires".
    /\b(?:alerts?|alarms?|pages?|monitors?|checks?|pagerduty|opsgenie|alertmanager|critical|warning)\b(?:\s+[\w-]+){0,3}?\s+(?:fires?|fired|firing|triggers?|triggered|triggering|goes\s+off|went\s+off|trips|tripped)\b/i,
    /\b(?:fires?|fired|triggers?|triggered|raises?|raised|sends?|sent|sending|emits?|emitted|posts?|posted)\s+(?:an?\s+|the\s+)?(?:[@\w-]+\s+){0,2}(?:alerts?|alarms?|pages?)\b/i,
    // The first of the alerts, as a noun: "First alert on Slack coming from Grafana"; not a rule.
    /\b(?:first|initial)\s+(?:[\w-]+\s+)?(?:alerts?|alarms?)\b(?!\s+(?:rules?|thresholds?|config\w*|settings?|was\s+added|is\s+added)\b)/i,
    // The team on the receiving end: "Hypha receives alert for validator downtime" (not a page:
    // "every customer gets a blank page").
    /\b(?:receives?|received|receiving|gets?|got)\s+(?:an?\s+|the\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?(?:alerts?|alarms?|notifications?)\b(?!\s+(?:rules?|thresholds?|config\w*|settings?)\b)/i,
    // Reports to people that start coming in: "Sentry begins reporting that the API returns invalid
    // URIs"; not a system that starts writing an error ("the node starts reporting 'disk full'").
    /\b(?:begins?|began|starts?|started)\s+(?:reporting|alerting|to\s+(?:report|alert))\s+that\b/i,
    // The responders gather: "war room is established", "a war room is created".
    /\bwar[\s-]?room\b(?:\s+[\w-]+){0,2}?\s+(?:is\s+|was\s+)?(?:started|established|opened|created|set\s+up|convened|assembled)\b|\b(?:starts?|started|opens?|opened|establish(?:es|ed)?|creates?|created|convenes?|convened)\s+(?:a\s+|the\s+)?war[\s-]?room\b/i,
    // A person telling the others what they saw: "BM sends an email to the team observing that messages expire".
    /\b(?:sends?|sent|writes?|wrote|posts?|posted)\s+(?:an?\s+)?(?:e-?mail|message|note)\b[^.;]{0,60}?\b(?:observing|reporting|noting|saying)\b/i,
    /\b(?:paged|alerted)\b/i,
    // Someone saying in a chat or on a tracker that something is wrong: "posts in the #dev channel
    // that their node has stopped", "says on IRC that the mirror is down"; not the team's own
    // notices ("we posted on the status page that …").
    new RegExp(String.raw`(?<!\b(?:we|I|our\s+team)\s+(?:\w+\s+)?)\b(?:posts?|posted|says?|said|writes?|wrote|mentions?|mentioned|shares?|shared|reports?|reported|messages?|messaged)\s+(?:in|on|to|via)\s+(?!(?:the\s+|our\s+)?(?:status\s*page|statuspage|blog|twitter|newsletter|mailing\s+list)\b)(?:the\s+)?(?:[#@\w&.-]+\s+){1,8}?(?:that|about)\b${TROUBLE_FOLLOWS}`, 'i'),
    // Someone warning the team of what they saw: "someone alerts us on chat that the site is down",
    // "a maintainer informed the on-call about failing builds". Not "tells us", which as often
    // brings news of another matter that leads to the incident.
    /\b(?:alerts?|warns?|warned|informs?|informed|notifies|notified)\s+(?:us|the\s+(?:team|on-?call|ops|sre|admins?|maintainers?|infra(?:structure)?\s+team))\b(?=[^.;]*?\b(?:that|about)\b)/i,
    /\b(?:team|on-?call|sre|engineers?|responders?|staff|admins?|administrators?|operators?|maintainers?)\s+(?:is\s+|was\s+|were\s+|are\s+|gets?\s+|got\s+)?notified\b/i,
    // The log's own subject left out: "notified that block generation was halted by a partner".
    /^[\W_]*(?:(?:we|the\s+team)\s+(?:were|was|are|is|got|get)\s+)?notified\s+(?:that|about|of)\b/i,
    /\b(?:pages?|paging)\s+(?:the\s+)?(?:on-?call|sre|team|engineers?)\b/i,
    // The one who reports may be named by a handle: "@ana reports on chat that merges are stuck";
    // not a report of success ("Hypha reports the state swap test passes").
    /(?:\b(?:customers?|users?|editors?|someone|somebody|people|a\s+thread|support|partners?|clients?|community|colleagues?|engineers?|developers?|staff|students?|teachers?|assistants?|members?|operators?|validators?|visitors?|admins?|(?!The\b|This\b|That\b|It\b|We\b|Our\b)[A-Z][a-z]+|[A-Z]{2,3})\b|(?<![\w@])@[\w-]+(?:\.[\w-]+)*)(?:\s+[\w'-]+){0,5}?\s+(?<!\b(?:is|are|was|were|been|be|the|a|an|this|that|our|their|his|her|its)\s+)(?:reports?|reported|notices?|noticed|complains?|complained|spots?|spotted|flags?|flagged)\b(?!(?:\s+[\w.,$%-]+){0,6}?\s+(?:loss(?:es)?|profits?|gains?)\b)(?![^.;]*\b(?:pass(?:es|ed)?|succeeds?|succeeded|successful(?:ly)?)\b)/,
    /\b(?:user|customer|bug|first|initial)\s+reports?\b/i,
    // Not a datum that others report ("checked against the value independently reported by other validators").
    /(?<!\b(?:values?|hash(?:es)?|numbers?|versions?|heights?|figures?|commits?|results?|metrics?|stats|statistics|readings?)\s+(?:\w+\s+)?)\b(?:reported|noticed|spotted|discovered|detected|identified)\s+(?:by|in|on|via|from)\b/i,
    /\b(?:detected|noticed|spotted|discovered)\b/i,
    // "Sheriffs detect an infra issue", "the on-call notices errors in the logs".
    /\b(?:detects?|notices?|spots?|discovers?)\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:issues?|problems?|errors?|outage|failures?|incident|bugs?|breakage)\b/i,
    /\b(?:becomes?|became)\s+aware\b/i,
    /\bincident\s+(?:is\s+|was\s+)?(?:declared|opened|raised|created|started|called)\b/i,
    /\b(?:declares?|declared|opens?|opened|raises?|raised)\s+(?:an?\s+|the\s+)?incident\b/i,
    // "Ticket <link> is opened about slow starts", "an issue is opened, reporting failures".
    /\b(?:support\s+)?(?:tickets?|issues?|bug\s+reports?)\S*(?:\s+\S+){0,3}?\s+(?:is\s+|was\s+)?(?:opened|filed|raised|created|submitted)\b/i,
    /\brespond(?:s|ed|ing)?\s+to\s+(?:the\s+|an?\s+)?(?:alarms?|alerts?|pages?)\b/i,
    // Someone files what they saw, verb first: "@ana posts an issue on the scraper project describing errors".
    /\b(?:posts?|posted|files?|filed|opens?|opened|raises?|raised|submits?|submitted)\s+(?:an?\s+)?(?:issue|bug(?:\s+report)?|ticket)\b[^.;]{0,120}?\b(?:describing|reporting|noting|saying)\b/i,
    // Users asking for help: "two customers raised support requests", "a user files a ticket".
    /\b(?:customers?|users?|clients?|partners?|members?|tenants?)\b(?:\s+[\w'-]+){0,3}?\s+(?:raises?|raised|opens?|opened|files?|filed|submits?|submitted|logs?|logged|creates?|created)\s+(?:an?\s+|the\s+|\w+\s+)?(?:support\s+)?(?:requests?|tickets?|cases?|issues?|bug\s+reports?)\b/i,
    // People writing to the ones who run the service: "a customer emails support: the dashboard is
    // blank", "users write to the help desk that logins fail".
    /\b(?:customers?|users?|clients?|partners?|members?|visitors?|tenants?|someone|somebody)\b(?:\s+[\w'-]+){0,3}?\s+(?:e-?mails?|e-?mailed|writes?\s+(?:to|in)|wrote\s+(?:to|in)|messages?|messaged|contacts?|contacted)\s+(?:the\s+|our\s+)?(?:support|us|team|help\s*desk|service\s*desk|on-?call|ops|operators?)\b/i,
    // Someone telling someone else: "the sheriff pings the on-call about tasks not starting"; not
    // the ones who run the service telling those who use it ("we email the customers about the fix").
    /\b(?:pings?|pinged|messages?|messaged|emails?|e-mails?|emailed|contacts?|contacted|warns?|warned)\s+(?!(?:the\s+|our\s+|all\s+|every\s+)?(?:[\w-]+\s+){0,2}?(?:customers?|users?|clients?|subscribers?|partners?|tenants?|holders?|depositors?|community|public|everyone|stakeholders?)\b)(?:the\s+)?(?:@?[\w.-]+\s+){1,3}?about\b/i,
    // An alarm described at length before its verb: "alarms on the build queue, meant to warn the team, fire".
    /\b(?:alerts?|alarms?)\b[^.;!?]{20,160}?,\s*(?:fires?|fired|triggers?|triggered|goes\s+off|went\s+off)\b/i,
    // A warning that arrives: "automated warning from the cloud provider", "email from the vendor about errors".
    /\b(?:automated\s+|automatic\s+)?(?:warning|notification|alert|e-?mail)s?\s+(?:from|by)\s+(?!us\b|the\s+team\b)\w+/i,
    /\b(?:automated|automatic)\s+(?:message|warning|notification|alert|e-?mail|report)s?\b/i,
    // A report that arrives (see REPORT_ARRIVES).
    ...REPORT_ARRIVES.map((source) => new RegExp(source, 'i')),
    new RegExp(REPORT_HEADLINE),
    // Realising is noticing only when what is realised is trouble: "we realised the drains still
    // existed", not "we realized a colleague had already obtained the certificates"; so is finding
    // or seeing that something is so: "only to find that the pods were in an unknown state".
    new RegExp(String.raw`\b(?:(?:realiz|realis)(?:es|ed|ing|ation)|(?:finds?|found|notices?|noticed|sees|saw|identifies|identified|discovers?|discovered)\s+that)\b${TROUBLE_FOLLOWS}`, 'i'),
    // Whoever it is: "<someone> reported app hash mismatch", "validators started reporting the same issue".
    /\b(?:reports?|reported|reporting)\s+(?:an?\s+|the\s+)?(?:same\s+)?(?:[\w-]+\s+){0,2}?(?:errors?|issues?|problems?|bugs?|outages?|failures?|mismatch(?:es)?|crash(?:es)?)\b/i,
    /\b(?:issue|problem|bug|error|fault)s?\s+(?:surfaced|surfaces|showed\s+up|shows\s+up)\b/i,
    // The trouble made sure of: "consensus failure confirmed", "the outage is confirmed by a second region".
    /\b(?:failures?|outages?|issues?|problems?|bugs?|errors?|incident|breakage|regression)\s+(?:is\s+|was\s+|are\s+|were\s+|gets?\s+|got\s+)?confirmed\b/i,
  ],
  mitigated: [
    /\b(?:roll(?:s|ed)?\s+back|rolled\s+back|rollback\s+(?:complete[ds]?|finishe[sd]|done|deployed)|revert(?:s|ed)|failed\s+over|fails\s+over|failover\s+(?:complete[ds]?|done))\b/i,
    new RegExp(String.raw`\b${PROBLEM}\s+(?:rates?\s+)?(?:drops?|dropped|stops?|stopped|subsides?|subsided|decreases?|decreased|disappears?|disappeared|clears?|cleared|ends?|ended|falls?|fell|recedes?|receded|returns?\s+to\s+normal|go(?:es)?\s+away|went\s+away|(?:is|are)\s+gone)\b`, 'i'),
    /\b(?:back\s+to\s+normal|returns?\s+to\s+normal|returned\s+to\s+normal|(?<!\b(?:team|we|I|engineers?|everyone|people|they|responders?)\s+(?:is|are|was|were|came|come|comes)\s+)back\s+(?:up|online)|recover(?:s|ed|y|ing)?(?!\s+(?:plans?|strateg\w*|options?|procedures?|process|steps?|runbooks?|efforts?|work|(?:is\s+|are\s+)?(?:in\s+progress|under\s?way|on\s?-?going))\b)(?![^.;]{0,40}?\b(?:is|are)\s+(?:still\s+)?(?:in\s+progress|under\s?way|on\s?-?going)\b)|restored(?!\s+to\s+(?:\d|its\s+(?:default|previous|original)|the\s+(?:default|previous|original)\s+(?:value|setting)))|stabili[sz](?:es|ed)|normali[sz]ed(?!\s+(?:the|a|an|our|its|their|all)\b)|(?:back|returns?|returned)\s+to\s+(?:baseline|acceptable\s+(?:levels?|values?|rates?))|healthy\s+again|working\s+again|up\s+again(?<=\b(?:server|service|site|website|app|application|system|cluster|api|platform|it)\s+(?:is|was|are|were|came|comes)\s+(?:back\s+)?up\s+again)|no\s+(?:more|further)\s+errors|mitigated|mitigation\s+(?:in\s+place|deployed|applied))\b/i,
    /\b(?:workarounds?|hot-?fix(?:es)?|fix(?:es)?|patch(?:es)?)\b(?:\s+[\w-]+){0,4}?\s+(?:(?:is|are|was|were|gets?|got)\s+)?(?:deployed|applied|in\s+place|live|rolled\s+out)\b/i,
    /\b(?:working|works?|available|visible|reachable|online|responding|running|flowing|succeed(?:s|ing)?|created|produced|processed|served|show(?:s|ing)?\s+up|load(?:s|ing)?|sav(?:es|ing)|merg(?:es|ing)|build(?:s|ing)|sync(?:s|ing)|accept(?:s|ing)|send(?:s|ing)|deliver(?:s|ing)|pass(?:es|ing)?|signing|moving|producing|processing|serving|finali[sz]ing|validating|progressing|functioning|operating|publishing|indexing|mining|committing|receiving|scheduling|launching)(?:(?:\s+[\w-]+){0,2}?\s+at\s+(?:the\s+|its\s+|their\s+)?(?:usual|normal|expected|full|previous)\s+(?:rate|speed|pace|capacity|level))?\s+again\b/i,
    /\b(?:back|returns?|returned)\s+to\s+100\s*%/i,
    // The same, "again" first: "Prow is once again merging at its usual rate".
    /\b(?:once\s+)?again\s+(?:working|running|serving|merging|building|processing|syncing|accepting|sending|delivering|passing|loading|saving)\b/i,
    // The trouble said to be over: "uploads are no longer bottlenecked", "tiles are no longer failing".
    new RegExp(String.raw`\b(?:is|are|was|were)\s+${NO_LONGER}\b`, 'i'),
    new RegExp(String.raw`\b${PROBLEM}\s+(?:rates?\s+|counts?\s+)?(?:starts?|started|begins?|began)\s+to\s+(?:drop|fall|decrease|subside|clear|fade)\b`, 'i'),
    // What it handles named between: "Grafana starts tracking emails again", "delivering mail again".
    /\b(?:tracking|recording|collecting|ingesting|replicating|sending|delivering|processing)\s+(?:[\w-]+\s+){1,2}?again\b/i,
    // A backlog beginning to shrink: "the number of pending jobs in the mailers queue starts to decrease".
    /\b(?:backlog|queue|pending\s+[\w-]+|lag)\b[^.;]{0,40}?\b(?:starts?|started|begins?|began)\s+to\s+(?:decrease|drain|shrink|fall|drop|go\s+down)\b/i,
    // The same with words between: "the error rates as observed on the dashboards subsequently drop back to zero".
    new RegExp(String.raw`\b${PROBLEM}\s+(?:rates?|counts?|levels?)\b[^.;]{1,60}?\b(?:drops?|dropped|falls?|fell|returns?|returned|goes|went|gets?|got)\s+(?:back\s+)?(?:down\s+)?to\s+(?:zero|0|normal|baseline)\b`, 'i'),
    /\bsuccessfully\s+(?:restart|redeploy|re-deploy|revert|roll(?:s|ed)?\s+back|fail(?:s|ed)?\s+over|migrat)\w*/i,
    /\bdeclar(?:es|ed)\s+(?:[\w'-]+\s+){0,3}?(?:online|healthy|operational)\b/i,
    /\b(?:which|this|that)\s+(?:solved|fixed)\s+(?:the\s+)?(?:issue|problem|outage|incident)\b/i,
    // Users' work going well again: "the workshop is running smoothly", "everything works as expected".
    /\b(?:is|are|was|were|been|runs?|running|goes|going|went|works?|worked|working)\s+(?:smoothly|as\s+expected|without\s+(?:any\s+)?(?:issues|problems|errors))\b/i,
    // "Triggering downstream processing as normal", "the nodes are syncing as usual".
    /\b(?:processing|running|operating|working|functioning|serving|syncing|publishing|building|resum(?:es|ed|ing))\s+as\s+(?:normal|usual)\b/i,
    // The service switched back on: "Reenabled service", "uploads are re-enabled".
    new RegExp(String.raw`\bre-?enabl(?:es|ed)\s+(?:the\s+)?(?:[\w-]+\s+)?${SWITCHED}\b|\b${SWITCHED}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+re-?enabled\b`, 'i'),
    // A rollback named as the entry's event: "renderer rollback {1.0.2}", "Rollback to v1.4"; not
    // a rollback that only starts, is planned or fails.
    /^[\W_]*(?:[\w-]+\s+){0,2}?(?:rollback|revert)\b(?=\s*(?:$|[{(\[:]|to\s|of\s|v?\d))(?!.*\b(?:start\w*|begin\w*|began|initiat\w*|plan\w*|fail\w*|attempt\w*|discuss\w*|prepar\w*|propos\w*|consider\w*)\b)/i,
    // The fixed build reaching production: "hotfix rollout completed", "the patch release deployment completed".
    /\b(?:hotfix|fix|patch|workaround)\b(?:\s+[\w.-]+){0,6}?\s+(?:deployment|rollout|release|upgrade)\s+(?:is\s+|was\s+)?(?:completed?|finished|done)\b/i,
    CONTAINMENT,
    // A backlog that empties: "the mempool is empty", "queue is back to zero", "backlog drained".
    /\b(?:mempool|queue|backlog|buffer|lag)\s+(?:is|was|has\s+been)?\s*(?:empty|emptied|drained|cleared|back\s+to\s+zero)\b/i,
    // What ran out is given back: "pod killed, releasing file watches", "freed disk space".
    /\b(?:releasing|released|freeing|freed)\s+(?:up\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:memory|disk|space|capacity|file\s+watches|watches|addresses|connections|resources|locks?|slots?)\b/i,
    // The service starting again: "chain starts", "the site is back", "service restarted successfully".
    /\b(?:chain|service|site|network|cluster|hub|app|api|ledger)\s+(?:starts|started|restarts|restarted|resumes|resumed|comes\s+back|came\s+back)\s*(?:$|[.,;!|]|\s+(?:again|up|producing|successfully|normally)\b)/i,
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
    RESTART,
    // "Released the fixed binary", "deployed a patched image".
    /\b(?:released|deployed|shipped|rolled\s+out)\s+(?:an?\s+|the\s+)?(?:fixed|patched)\s+(?:binary|binaries|build|version|release|image|package)\b/i,
  ],
  resolved: [
    /\b(?:incident|issue|ticket|problem|outage|status\s+page|statuspage)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:is|was|marked|set|moved)\s+(?:as\s+|to\s+)?)?(?:resolved|closed|fixed)\b/i,
    // "Fixed" as an adjective ("a fixed strategy is deployed") names the new build, not the incident's end.
    /\b(?:resolved|all[\s-]+clear|fully\s+(?:recovered|restored|operational)|operational|(?<!\b(?:a|an|the|new|this|that|its|our|their)\s+)fixed)\b/i,
    /\bfinish(?:es|ed)?\s+resolving\b/i,
    // The closing words of a repair: "Database resized, table repacked, all good!"; not a check on
    // the way ("all good so far").
    /(?<!\bnot\s+)\ball\s+(?:is\s+|looks\s+)?good\b(?!\s+(?:so\s+far|for\s+now|until))/i,
    // The repair going out, told of what was broken: "Issue with the demotion logic patched and deployed".
    /\b(?:patched|fixed|hot-?fixed)\s+and\s+(?:deployed|released|rolled\s+out|shipped)\b/i,
    // The code that fixes it going out, told as what it does: "deploys code to restore the intended functionality".
    /\bdeploy(?:s|ed)\s+(?:the\s+|a\s+|new\s+)?(?:code|change|changes|build)\s+(?:to|that)\s+(?:restores?|fix(?:es)?|corrects?|repairs?)\b/i,
    // The check that closes the work passing: "technical check-out passes", "smoke tests succeeded".
    /\b(?:check-?outs?|smoke\s+tests?|health\s*checks?|verification|validation|acceptance\s+tests?)\s+(?:pass(?:es|ed)?|succeed(?:s|ed)?|(?:is|was|are|were)\s+successful)\b/i,
    // Everything back, said of the whole: "all services restored", "all systems are operational again".
    /\ball\s+(?:the\s+)?(?:services|systems|instances|nodes|sites|functionality)\s+(?:are\s+|were\s+|have\s+been\s+)?(?:fully\s+)?(?:restored|recovered|back\s+(?:up|online|to\s+normal))\b/i,
    // Not the work toward it beginning: "**Resolution start**: the node is cordoned".
    /\b(?:resolution(?!\s+(?:starts?|started|begins?|began|work|steps?|plan|attempts?|in\s+progress)\b)|(?:incident|outage)\s+(?:ends?|ended|over)|impact\s+(?:ends|ended|is\s+over))\b/i,
    // The fix going out, verb first: "released a hot-fix on the client side" (to a test stage it is
    // none: `TEST_STAGE`); not a release that comes "with a fix" (an attempt, until the errors are
    // said to stop).
    /\b(?:released|deployed|shipped|rolled\s+out|releases|deploys|ships)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:hot-?fix(?:es)?|fix(?:es)?|patch(?:es)?)\b/i,
    // The repair of what the incident left behind is done: "the backfilling job finishes".
    /\b(?:backfill(?:ing|s)?|re-?index(?:ing)?|re-?processing|replay|catch-?up|re-?sync(?:ing)?)\b(?:\s+[\w.-]+){0,5}?\s+(?:finishes|finished|completes|completed|(?:is|was)\s+(?:complete|done))\b/i,
    // Someone checks and finds all well: "confirms the queues are healthy", "is confirmed to be functional".
    /\bconfirm(?:s|ed)?\b(?:\s+(?:that\s+)?[\w.@-]+){0,5}?\s+(?:is|are)\s+(?:healthy|functional|working|operational|stable)\b|\b(?:is|are|was|were)\s+confirmed\s+(?:to\s+be\s+)?(?:healthy|functional|working|operational|stable)\b/i,
    /\b(?:fix(?:es)?|patch(?:es)?)\b(?:\s+[\w-]+){0,4}?\s+(?:(?:is|are|was|were|gets?|got)\s+)?(?:deployed|merged\s+and\s+deployed|rolled\s+out|released)\b/i,
    // "Version 4.2 was released that included the bug fixes", "a release containing the fix".
    /\b(?:released|deployed|rolled\s+out|shipped)\b(?:\s+[\w.,-]+){0,3}?\s+(?:that\s+|which\s+)?(?:included|includes|including|contain(?:s|ed|ing)?|with)\s+(?:the\s+|all\s+the\s+)?(?:bug\s+)?(?:fix|fixes|patch|patches)\b/i,
    /\b(?:issue|problem|outage|incident)\s+(?:is\s+|was\s+|has\s+been\s+)?solved\b/i,
    // "The issue was resolve by draining the node", "the fix was deploy to production": the verb
    // misspelt, the meaning plain.
    /\b(?:issue|problem|outage|incident)\s+(?:is|was|were)\s+resolve\s+by\b|\b(?:fix(?:es)?|patch(?:es)?|hot-?fix(?:es)?)\s+(?:is|was|were)\s+deploy\s+(?:to|in|on)\s+(?:the\s+)?(?:production|prod|mainnet|live)\b/i,
    /\bno\s+(?:further|more)\s+action\s+(?:is\s+|was\s+)?(?:required|needed)\b/i,
    // The last of the work: "all hardening changes consolidated and merged".
    /\ball\s+(?:the\s+)?(?:remaining\s+)?(?:hardening|remediation|security|fix)\s+(?:changes|work|fixes|patches)\b[^.;]{0,40}?\b(?:merged|deployed|completed|landed|released|shipped)\b/i,
  ],
};

/**
 * Cheap tests for the costliest patterns, whose subject can be any word (each is tried at every
 * word of every clause): a clause without the verb they need cannot match them.
 */
export const WORD_NEEDS: ReadonlyMap<RegExp, RegExp> = new Map([
  [PROBLEM_BEGINS, /start|begin|began|appear|rise|rose|spike|increas|climb/i],
  [SYSTEM_FAILS, /fail|crash|die[sd]|abort|terminat|exit/i],
  [SERVICE_EXPERIENCED, /experienc/],
]);
