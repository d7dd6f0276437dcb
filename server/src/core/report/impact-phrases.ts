/**
 * What an impact statement says, read from its plain text: how many were affected, for how long,
 * and whether data was lost. The vocabularies are documented in docs/rules/impact/*.md; keep the
 * two in step.
 */

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens';

/** A count of time units: `40`, `1.5`, `3+`, `an`, `two`, `a few`, `mere`, `half an`. */
const AMOUNT = `(?:\\d+(?:[.,]\\d+)?\\+?|an?|${NUMBER_WORDS}|a few|a couple of|several|many|mere|a matter of|half an?|an? half)`;
const UNIT = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)';
const TIME = '(?:\\d{1,2}:\\d{2}(?::\\d{2})?)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH_DAY = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?!\\d)';
/** A point in time a span can start or end at. */
const INSTANT = `(?:\\d{4}-\\d{2}-\\d{2}(?:[ T]${TIME})?|${TIME}|\\d{1,2}\\s?(?:am|pm)\\b|${WEEKDAY}|${MONTH_DAY}|noon|midnight)`;

const DURATION_PATTERNS: RegExp[] = [
  // `40 minutes`, `an hour`, `90-minute`, `several hours`, `half an hour`
  new RegExp(`\\b${AMOUNT}[\\s-]*${UNIT}\\b`, 'i'),
  // `2h`, `1.5 h`, `40m`, `2h30m`, `4 h 10 min`, `30 sec`
  /\b\d+(?:\.\d+)?\s?(?:h|hrs?|min|mins|sec|secs)\b|\b\d+m\b|\b\d+h\d+m?\b/i,
  // `between 14:00 and 15:10`, `from Monday to Wednesday`, `from 09:12 until 10:40`, `starting
  // February 3 around 11:37PM until February 6 13:06` (a soft line break inside is the same line)
  new RegExp(`\\b(?:between|from|starting|beginning)\\b(?:[^.;\\n]|\\n(?=\\S)){0,50}?${INSTANT}(?:[^.;\\n]|\\n(?=\\S)){0,50}?(?:\\band\\b|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|[-–—])(?:[^.;\\n]|\\n(?=\\S)){0,50}?${INSTANT}`, 'i'),
  // `14:00–15:10`
  new RegExp(`${TIME}\\s*(?:[-–—]|to)\\s*${TIME}`, 'i'),
  // `between the hours of 1900 and 2100 UTC`: hours written without a colon, said to be hours.
  /\bhours\s+of\s+(?:[01]?\d|2[0-3]):?[0-5]\d\b[^.;\n]{0,20}?(?:\band\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—])\s*(?:[01]?\d|2[0-3]):?[0-5]\d\b/i,
  // `from the deploy until the rollback`
  /\bfrom\b[^.;\n]{1,80}?\buntil\b/i,
  /\b(?:all day|all night|overnight|all weekend|all morning|all afternoon|the whole (?:day|night|weekend|morning|afternoon))\b/i,
  // `for a full day`, `one entire week`
  /\b(?:an?|one)\s+(?:full|whole|entire)\s+(?:day|night|week|weekend|month|hour)\b/i,
];

/** True when the text says for how long: a duration, a span between two times, "overnight". */
export function hasDuration(text: string): boolean {
  return DURATION_PATTERNS.some((p) => p.test(text));
}

// Numbers that are not amounts: dates, times, task ids, versions, links, and durations (which
// `impact/no-duration` looks at; "for 40 minutes" says nothing about how many were affected).
const NOT_AMOUNTS: RegExp[] = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
  /\b\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?/g,
  /\b(?:phab:)?T\d{3,}\b/g,
  /\b[A-Z][A-Z0-9]+-\d+\b/g,
  /#\d+\b/g,
  /\b\d+(?:\.\d+){2,}(?:-[\w.]+)?/g,
  /\b[a-z]+[.-]\d+\b/gi,
  new RegExp(`\\b${AMOUNT}[\\s-]*${UNIT}\\b`, 'gi'),
  /\b\d+(?:\.\d+)?\s?(?:h|hrs?|min|mins|sec|secs)\b|\b\d+m\b|\b\d+h\d+m?\b/gi,
];

const QUANTITY = new RegExp(`\\d|%|\\bper\\s?cent\\b|\\b(?:${NUMBER_WORDS}|half|third|thirds|quarter|all|every|everyone|everybody|entire|whole|single|most|majority)\\b`, 'i');

/** The whole service out: "downtime for 3h", "a total outage", "the chain halted", "Matomo is not responding". */
const WHOLE: RegExp[] = [
  /\bdowntimes?\b|\b(?:total|complete|full|entire|service-wide|site-wide|hard)\s+(?:outage|downtime|down)\b/i,
  // Not a domain's last label: "openfoodfacts.net down" names one host, not a network.
  /(?<!\.)\b(?:chain|(?:test|main|dev)?net|network|site|website|service|platform|cluster|hub|tools|services|sites)\s+(?:was\s+|were\s+|is\s+|are\s+|went\s+|goes\s+)?(?:halted|halts|halt|stall(?:ed|s)?|down|offline|unavailable|inaccessible|unreachable|not\s+responding)\b/i,
  // A named service, whole, as the subject: "Matomo is not responding", "The Wire website was affected by an outage".
  /(?:^|[.!?]\s+)(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:\s+(?:website|site|service|api|server|registry))?\s+(?:is|was|went)\s+(?:down|offline|unreachable|unavailable|not\s+responding)\b|\b(?:website|site|service|platform)\b[^;\n]{0,40}?\b(?:affected|hit|taken\s+down)\s+by\s+(?:an|the)\s+outage\b/,
];

/**
 * Other ways to say how much: the whole service was out ("downtime for 3h", "a total outage",
 * "the chain halted", "Testnet halted", "services unreachable", "Matomo is not responding"), one named party was affected ("the employee", "a customer"), or a bare
 * plural says all of them failed ("Binder launches were failing").
 */
const WHOLE_OR_ONE: RegExp[] = [
  ...WHOLE,
  /\b(?:the|one|an?)\s+(?:affected\s+)?(?:employee|customer|user|client|tenant|account|person|individual|member|partner|developer|student|validator)(?![\w-])(?!\s+(?:experience|base|journey|interface|side)\b)/i,
  // The source may be named between: "Data updates from the loaders (i.e. posts to the API) were broken".
  /(?:^|[.!?]\s+)(?:(?!(?:Some|Several|Many|Certain|Most|Few)\b)[A-Z][\w-]*\s+)?(?:updates|writes|reads|imports|syncs|deliveries|notifications|launches|builds|logins|requests|deploys|uploads|downloads|searches|queries|payments|checkouts|jobs|pages)(?:\s+(?:from|to|of|by)\s+(?:[^.;!?]|\b(?:i\.e|e\.g)\.){1,80}?)?\s+(?:were|are)\s+(?:all\s+)?(?:failing|failed|broken|unavailable|down|rejected)\b/,
  // A feature out as a whole: "the search was unavailable", "role management stopped working",
  // "review assignments did not happen anymore"; not a part of it ("some searches were unavailable").
  /(?:^|[.!?:]\s+|^\W+)(?!(?:some|a\s+few|several|certain|many|most|parts?)\b)(?:the\s+)?(?:[\w/-]+\s+){0,10}?(?:(?:was|were|is|went)\s+(?:completely\s+|entirely\s+|fully\s+)?(?:unavailable|down|offline|unreachable)|(?:stopped|ceased)\s+working|did\s+not\s+(?:\w+\s+){0,2}?any\s?more)\b(?![^.;\n]{0,30}\b(?:for|to)\s+(?:some|a\s+few|several|certain|many)\b)/i,
  // "did not respond to any events": none of them, that is all of them.
  /\b(?:not|never|no longer|unable to|failed to)\b[^.;\n]{0,40}?\bany\b/i,
];

/**
 * A statement that there was no impact: "Impact: None.", "None because we did not deploy it", a
 * near miss, "users saw no outage". There is then no length, count or loss to ask for.
 */
const NO_IMPACT =
  /^\W*(?:none|no impact|nil|n\/a)\s*(?:[.;,!]|$|(?:because|since|as)\s)|\bnear[- ]miss\b|\bno\s+(?:\w+\s+)?(?:impact|outage|disruption)\s+(?:to|on|for)\s+(?:our\s+|the\s+|any\s+)?(?:ordinary\s+|regular\s+|end\s+)?(?:users|customers|visitors)\b|\b(?:users?|customers?|visitors?)\s+(?:saw|experienced|noticed|had)\s+no\b/i;

/**
 * A sentence, anywhere in a report, that users saw nothing: "there was no perceivable
 * outage/downtime for users", "no customer-facing impact". Strict, since it is read outside the
 * impact statement.
 */
const NO_USER_IMPACT =
  /\b(?:never|not)\s+(?:actually\s+)?(?:encountered|had|experienced|suffered|saw)\s+(?:an?\s+|any\s+)?(?:actual\s+|real\s+)?[*_]*(?:outage|downtime)\b|\b(?:service|site|api|app|platform)\s+was\s+never\s+(?:unavailable|down|unreachable|interrupted)\b|\bno\s+(?:perceivable|perceptible|noticeable|visible|user[- ]facing|customer[- ]facing|external)\s+(?:impact|outage|downtime|disruption)(?:\s*\/\s*(?:impact|outage|downtime|disruption))?(?:\s+(?:for|to|on)\s+(?:our\s+|the\s+|any\s+)?(?:users|customers|visitors))?\b|\bno\s+(?:impact|outage|downtime|disruption)(?:\s*\/\s*(?:impact|outage|downtime|disruption))?\s+(?:for|to|on)\s+(?:our\s+|the\s+|any\s+)?(?:users|customers|visitors)\b/i;

/** True when a sentence anywhere in `text` says users saw no impact at all ({@link NO_USER_IMPACT}). */
export function saysNoUserImpact(text: string): boolean {
  return NO_USER_IMPACT.test(text);
}

/** True when the impact statement says there was none ({@link NO_IMPACT}, {@link NO_USER_IMPACT}). */
export function statesNoImpact(text: string): boolean {
  return NO_IMPACT.test(text) || NO_USER_IMPACT.test(text);
}

/**
 * True when text outside the impact statement (its summary) names the whole service as out: "the
 * website was affected by an outage", "the chain halted", "a total outage". Stricter than
 * {@link hasQuantity}: a summary's numbers, "one" and "all" count other things as often as the
 * affected.
 */
export function saysWholeAffected(text: string): boolean {
  return WHOLE.some((p) => p.test(text));
}

/**
 * A length given for the impact outside the statement: a labelled field ("Duration: ~3 hours",
 * "**Impact Window:** 08:43–10:52 UTC") or the outage itself measured ("an outage of unknown
 * length bounded to at most 16 hours", "the chain halted for almost four hours"). A summary's
 * other durations tell the story (how long a fix took, how long ago a change went out) and do not
 * count.
 */
export function statesImpactLength(text: string): boolean {
  for (const line of text.split('\n')) {
    const field = IMPACT_LENGTH_FIELD.exec(line);
    if (field && hasDuration(line.slice(field[0].length))) return true;
  }
  // A sentence may be wrapped across lines.
  for (const m of text.replace(/\s+/g, ' ').matchAll(OUTAGE_MEASURED)) if (hasDuration(m[0])) return true;
  return false;
}

const IMPACT_LENGTH_FIELD = /^\W*(?:(?:impact|outage|incident|downtime)\s+)?(?:duration|window|length|downtime)\W*:/i;
const OUTAGE_MEASURED = /\b(?:outage|downtime|disruption)\b[^.;]{0,60}|\b(?:halted|stalled|down|offline|unavailable|unreachable|unresponsive|degraded)\s+for\s+[^.;]{0,40}/gi;

/**
 * True when the text says how much or how many: a number (not a date, time, task id, version or
 * duration), a percentage, a number word, a fraction, or a word for the whole ("all", "every",
 * "entire") or most of it ("most", "majority").
 */
export function hasQuantity(text: string): boolean {
  let rest = text;
  for (const p of NOT_AMOUNTS) rest = rest.replace(p, ' ');
  return QUANTITY.test(rest) || WHOLE_OR_ONE.some((p) => p.test(text));
}

/** What a ledger or chain keeps for its users in place of "data": funds, balances. */
const LEDGER = '(?:funds|assets|balances?|deposits?|tokens?|coins)';

/** A system's state, which "remained consistent" or "was not lost". */
const STATE = '(?:(?:on-?chain|chain|ledger|application|database|cluster)\\s+)?state';

const DATA_LOSS = [
  /\b(?:loss|lose|loses|losing|corrupt|corrupted|corruption|intact|unrecoverable|irrecoverable|destroyed)\b/i,
  /\blost\b(?!\s+(?:access|connection|connectivity|the ability|their sessions?|sessions?|track)\b)/i,
  /\bdata\b[^.;\n]{0,40}\b(?:safe|preserved|restored|recovered|deleted|kept|retained|unaffected|not\s+affected|not\s+impacted)\b/i,
  // "No impact on data or connections", "without any effect on user data".
  /\b(?:no|without(?:\s+any)?)\s+(?:impact|effect)\s+on\s+(?:the\s+|any\s+)?(?:\w+\s+)?data\b/i,
  // What a ledger keeps, in its own words: "the on-chain state remained consistent", "all funds are safe", "funds were never at risk".
  new RegExp(String.raw`\b${LEDGER}\b[^.;\n]{0,60}?\b(?:safe|secure|consistent|intact|preserved|restored|recovered|returned|unaffected|untouched|made\s+whole|(?:not|never)\s+(?:\w+\s+)?(?:affected|impacted|at\s+risk|drained|lost|touched|compromised))\b`, 'i'),
  new RegExp(String.raw`\b(?:neither|no)\b[^.;\n]{0,40}?\b${LEDGER}\b[^.;\n]{0,30}?\b(?:at\s+risk|lost|affected|drained|stolen)\b`, 'i'),
  new RegExp(String.raw`\b${STATE}\b[^.;\n]{0,40}?\b(?:consistent|intact|preserved|unaffected|untouched|(?:not|never)\s+(?:\w+\s+)?(?:affected|lost|corrupted|at\s+risk))\b`, 'i'),
  new RegExp(String.raw`\b(?:recover(?:ed|ing)?|return(?:ed|ing)?|refund(?:ed|ing)?|reimburs(?:ed|ing))\s+(?:\S+\s+){0,5}?${LEDGER}\b|\bmade\s+whole\b`, 'i'),
  // The affected paid back: "all affected users have been refunded", "depositors were reimbursed".
  /\b(?:users?|customers?|clients?|depositors?|holders?|traders?|proposers?|validators?|everyone|everybody)\b[^.;\n]{0,40}?\b(?:have|has|were|was|been|got|are)\s+(?:all\s+|fully\s+)?(?:refunded|reimbursed|compensated)\b/i,
  // "Otherwise nothing was affected": whatever else the report lists is all there was.
  /\bnothing\s+(?:else\s+)?(?:was|were|has\s+been|got)\s+(?:\w+ly\s+)?(?:affected|impacted|lost|touched|compromised|damaged)\b/i,
  // "with the outage itself being the only impact": what the report names is all there was.
  /\b(?:was|being|is)\s+the\s+only\s+(?:impact|effect|consequence)\b|\bthe\s+only\s+(?:impact|effect|consequence)\s+(?:was|is)\b/i,
];

/**
 * Plain sentences that settle data loss wherever a report writes them ("No data were lost." under
 * Resolution, "no data loss" in the lessons). Stricter than {@link statesDataLoss}, which reads
 * only the impact statement and the summary: elsewhere "lost" and "loss" often mean something else.
 */
const NO_DATA_LOSS = /\b(?:no|without(?:\s+any)?)\s+(?:\w+\s+)?(?:data|state|funds)\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:lost|loss|corrupted)\b|\bdata\s+(?:was|were)\s+(?:not|never)\s+(?:lost|corrupted)\b|\b(?:no|without(?:\s+any)?)\s+(?:impact|effect)\s+on\s+(?:the\s+|any\s+)?(?:\w+\s+)?data\b/i;

/**
 * What was missed being filled in to its end: "The backfilling process finishes", "the backfill
 * completed". Told in the timeline as often as in the impact.
 */
const BACKFILLED = /\bbackfill(?:s|ed|ing)?\b(?:\s+\w+){0,3}?\s+(?:finish(?:es|ed)?|complete[sd]?|is\s+done|was\s+done)\b/i;

/** True when a sentence anywhere in `text` says plainly that no data was lost, or that what was missed was backfilled. */
export function saysNoDataLost(text: string): boolean {
  return NO_DATA_LOSS.test(text) || BACKFILLED.test(text);
}

/** Things a system stores or carries for its users, whose fate a report may tell. */
const STORED =
  '(?:data|records?|rows?|entries|messages?|events?|files?|documents?|uploads?|writes?|edits?|transactions?|orders?|payments?|sequences?|samples?|genomes?|objects?|submissions?|backups?)';

/** What became of them, in other words than "lost": "were not ingested", "were queued and replayed", "published again". */
const FATE =
  '(?:(?:were|was|are|is|got|been|have\\s+been|has\\s+been)\\s+(?:not\\s+|never\\s+|all\\s+|then\\s+|later\\s+)?(?:(?:wrongly|incorrectly|successfully)\\s+)?(?:ingested|processed|saved|stored|written|recorded|delivered|published|imported|queued|buffered|replayed|reprocessed|re-?published|re-?ingested|backfilled|re-?submitted|retried|removed|deleted|dropped|overwritten|discarded|expired|duplicated|updated|unpublished)|expired|published\\s+again|(?:queued|buffered)\\s+and\\s+(?:replayed|retried|processed))';

/** The same told in the active voice: "published 30 sequences downstream", "processed 375 samples". */
const DONE_TO =
  '(?:published|processed|ingested|imported|deleted|removed|dropped|discarded|overwrote|updated|replayed|reprocessed|re-?published|unpublished|restored|recovered|backfilled|re-?submitted)';

const DATA_FATE = new RegExp(`\\b${STORED}\\b[^.;\\n]{0,60}?\\b${FATE}\\b|\\b${DONE_TO}\\s+(?:[\\w,-]+\\s+){0,3}?${STORED}\\b`, 'i');

/**
 * True when the text says whether data was lost ("No data was lost.", "data loss", "corrupted"), or
 * what became of it in other words ("141 samples expired and were not ingested", "all writes were
 * queued and replayed").
 */
export function statesDataLoss(text: string): boolean {
  return DATA_LOSS.some((p) => p.test(text)) || DATA_FATE.test(text);
}

/**
 * Money changing hands, and data moving in or out of a store: words that put data at stake in
 * both tests below (a write path, and what an unreachable service still risks).
 */
const MONEY_AND_MOVES = String.raw`transactions?|payments?|orders?|purchas\w*|checkouts?|deposit\w*|withdraw\w*|ingest\w*|import\w*|sync\w*|backups?|databases?`;

/** Words of a write path: saving, sending, storing or changing something, or the stored things themselves. */
const WRITE_PATH = new RegExp(
  String.raw`\b(?:sav(?:e|es|ed|ing)|writ(?:e|es|ing|ten)|wrote|upload\w*|submi\w*|edit(?:s|ed|ing|or|ors)?|creat(?:e|es|ed|ing)|updat(?:e|es|ed|ing)|delet\w*|stor(?:e|es|ed|ing|age)|publish\w*|send\w*|sent|post(?:s|ed|ing)|process(?:ed|ing)|queue[sd]?|records?|data|messages?|emails?|commit\w*|funds|balances?|profiles?|accounts?|files?|logs?|${MONEY_AND_MOVES})\b`,
  'i',
);

/** Things people only read or reach: a website (or its address), a page, the documentation, a marketplace listing. */
const READ_SURFACE =
  /\b(?:web\s?sites?|sites?|home\s?pages?|landing\s+pages?|pages?|docs|documentation|blog|marketplace|catalogu?e|listings?|status\s+page|wiki)\b|\bhttps?:\/\/[^\s/]+\/?(?=[\s).,;]|$)/i;

/**
 * True when an impact is about something people only read or reach (a website, a page, the
 * documentation, a marketplace listing) and its words name nothing written or stored (see
 * {@link WRITE_PATH}): "The home page was down for 40 minutes." Whether data was lost is no question
 * there.
 */
export function isReadOnlyOutage(text: string): boolean {
  return READ_SURFACE.test(text) && !WRITE_PATH.test(text);
}

/**
 * The team's own way of shipping held up, told without anyone outside it: "our deploy process was
 * blocked", "the release could not be deployed", "deploys became slow". Nothing anybody stored
 * was at stake there. Builds and CI are left out: for a team that runs CI for others, they are
 * the service.
 */
const SHIPPING_HELD_UP =
  /\b(?:deploy(?:s|ments?)?|deploy(?:ment)?\s+process|releases?|release\s+process|feature\s+development)\b[^.;\n]{0,80}?\b(?:blocked|slow(?:ed)?|delayed|stuck|broken|held\s+up|put\s+on\s+hold|could\s*(?:not|n't)\s+(?:run|be\s+deployed|deploy|ship))\b/i;
const OUTSIDE_THE_TEAM = /\b(?:users?|customers?|clients?|visitors?|members?|subscribers?|readers?|editors?|public|funds|payments?|orders?|transactions?)\b/i;

/** True when an impact tells only of the team's own shipping held up ({@link SHIPPING_HELD_UP}), with no one outside the team named. */
export function isShippingOnly(text: string): boolean {
  return SHIPPING_HELD_UP.test(text) && !OUTSIDE_THE_TEAM.test(text);
}

/**
 * A service that could not be reached or used at all: requests were refused, so nothing was
 * accepted that could then be lost. "The API was unreachable", "all services ceased to be
 * accessible", "users were not able to use the chat while the service was unavailable".
 */
const UNREACHABLE =
  /\b(?:unreachable|unavailable|inaccessible|offline|(?:was|were|went)\s+down|not\s+(?:be\s+)?(?:reachable|accessible|available|responding)|(?:cease[sd]?|stopped)\s+to\s+be\s+(?:accessible|reachable|available)|(?:could|can)\s*(?:not|n't)\s+(?:be\s+)?(?:reach(?:ed)?|access(?:ed)?|connect|load|open|use)|not\s+able\s+to\s+(?:reach|access|connect\s+to|load|open|use)|refused|did\s+not\s+answer)\b/i;

/**
 * Where an unreachable service still puts data at stake: a store or a pipeline that writes (its
 * writes in flight, its backlog), money changing hands, words of damage to what was kept, or
 * errors and timeouts (a request taken in and then failed). A bare "outage" says too little.
 */
const AT_STAKE = new RegExp(
  String.raw`\b(?:db|storage|disks?|volumes?|queues?|backlog|replicas?|replication|pipelines?|uploads?|partial\w*|half-\w+|inconsisten\w*|missing|duplicat\w*|stuck|delayed|retried|in[- ]flight|errors?|timeouts?|timed\s+out|slow\w*|5\d\d|${MONEY_AND_MOVES})\b`,
  'i',
);

/**
 * True when an impact tells a service that was unreachable or unusable ({@link UNREACHABLE}) and
 * nothing of {@link AT_STAKE}. The unreachable service may be told in a paragraph of `story`
 * instead (a summary says the site could not be reached, the impact what was affected), when
 * that paragraph names nothing at stake either (one per line: a story goes on to causes and fixes).
 */
export function isRefusedOutage(text: string, story = ''): boolean {
  if (AT_STAKE.test(text)) return false;
  return UNREACHABLE.test(text) || story.split('\n').some((paragraph) => UNREACHABLE.test(paragraph) && !AT_STAKE.test(paragraph));
}
