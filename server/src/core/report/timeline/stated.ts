/**
 * Times and durations a report states in prose, outside its timeline: "Impact started at 14:02
 * UTC", "time to detection: 5 minutes", "TTR 2h", "detected after 20 minutes", "from the first
 * report to resolution took 4 hours", "the outage lasted about nine hours", and the window of the
 * impact: "down from 15:30 to 18:10 UTC", "between 09:10 and 09:50", "(10:45 - 16:11 UTC)", whose
 * first time is the impact start and whose last is when the impact stopped; and the milestone
 * fields of a header table or definition list: "| Detected | 2021-03-05 23:27 |", "Resolved: …";
 * and the change a sentence names as the cause ("the new release caused …", "triggered by the
 * deployment of …"), which the timeline's entry of that change may start. Reading is a pure
 * function of one paragraph ({@link readStatements}); which statement the report settles on is
 * decided over the whole document, with the timeline (`select.ts`).
 */
import type { Milestone } from '../types.js';
import { leadingDuration, type StatedDuration } from '../duration.js';
import { MILESTONE_LABEL_NOUNS as NOUN, milestoneWords } from './lexicon.js';
import { APPROX_WORDS, readLeadingToken, hasDate, hasTime, type TimeToken } from './tokens.js';

/** A statement found in one text; offsets are into that text. */
export type Statement =
  | { kind: 'time'; milestone: Milestone; token: TimeToken; start: number; end: number; window?: true; told?: true }
  | { kind: 'metric'; milestone: Exclude<Milestone, 'start'>; from: Milestone; minutes: number; start: number; end: number }
  | { kind: 'duration'; minutes: number; start: number; end: number }
  | { kind: 'cause'; changes: string[]; start: number; end: number };

/**
 * Kinds of change a report can name as the cause of an incident, and the words of each; an entry
 * of the timeline names the same kind of change with the same words ("Security rules updated").
 */
export const CHANGE_KINDS: Readonly<Record<string, RegExp>> = {
  release: /\b(?:re-?)?releas(?:e|es|ed|ing)\b|\bnew\s+version\b/i,
  deploy: /\b(?:deploy(?:s|ed|ing|ments?)?|merg(?:e|es|ed|ing)|branch)\b/i,
  update: /\b(?:updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing))\b/i,
  rules: /\b(?:rules?|config(?:uration)?s?|settings?|polic(?:y|ies))\s+(?:were\s+|was\s+)?(?:change[sd]?|updat\w*|applied|modifi\w*)\b|\b(?:changed?|updated|modified|applied)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:rules?|config(?:uration)?|settings?|polic(?:y|ies))\b/i,
  migration: /\bmigrat(?:e|es|ed|ing|ion)\b/i,
  rollout: /\broll(?:s|ed)?[\s-]?outs?\b/i,
};

/** Words that make a sentence name the cause of the incident. */
const CAUSED = /\b(?:caus(?:e|es|ed|ing)|triggered|due\s+to|because\s+of|result(?:s|ed)?\s+(?:in|from)|led\s+to|impacted|broke|introduced|repercussions?)\b/i;

/** The kinds of change a sentence names as the cause of the incident, if it names one. */
function causeOf(sentence: string): string[] {
  if (!CAUSED.test(sentence)) return [];
  return Object.keys(CHANGE_KINDS).filter((kind) => CHANGE_KINDS[kind].test(sentence));
}

const APPROX = String.raw`(?:(?:about|approximately|approx\.?|roughly|around|nearly|almost|just|over|under|more\s+than|less\s+than|some|only)\s+|[~\u2248]\s*)*`;

const SUBJECT = String.raw`(?:the\s+)?(?:user\s+|customer\s+)?(?:impact|outage|incident|problem|issue|disruption|degradation|errors?|downtime)`;

/**
 * "Impact started at 14:02 UTC", "the outage ended at 15:10", "detected at 14:20"; the third
 * member marks a field of the header, whose value may be a day alone.
 */
const TIMES: readonly [Milestone, RegExp, boolean?][] = [
  ['start', new RegExp(String.raw`\b${SUBJECT}\s+(?:started|began|starts|begins|first\s+appeared|was\s+first\s+seen)\s+(?:at|on|around|about|approximately)\s+(?:around\s+|about\s+)?`, 'gi')],
  // A field of the report's header: "Date of incident: Wednesday 20th September 2023, 14:32 UTC".
  ['start', /\b(?:date|time|start)\s+of\s+(?:the\s+)?(?:incident|outage|impact)\s*:\s*/gi],
  ['detected', new RegExp(String.raw`\b(?:was\s+|were\s+|first\s+)?(?:detected|noticed|reported|alerted)\s+(?:at|on|around)\s+(?:around\s+|about\s+)?`, 'gi')],
  ['mitigated', new RegExp(String.raw`\b(?:${SUBJECT}\s+(?:ended|ends|stopped|stops)|(?:was\s+|were\s+)?mitigated)\s+(?:at|on|around)\s+(?:around\s+|about\s+)?`, 'gi')],
  ['resolved', new RegExp(String.raw`\b(?:was\s+|were\s+|fully\s+)?resolved\s+(?:at|on|around)\s+(?:around\s+|about\s+)?`, 'gi')],
  // A field of a header table or definition list: "| Detected | 2021-03-05 23:27 |",
  // "Reported on: 2022-10-27 12:00", "Start of impact: …", "Resolved: …".
  ['start', fieldLabel(String.raw`(?:start(?:ed)?|${NOUN.start}|began)`), true],
  ['detected', fieldLabel(String.raw`(?:detected(?:\s+(?:at|on))?|${NOUN.detected}|(?:first\s+)?reported(?:\s+on)?(?:\s+[\w{}]+)?|discover(?:y|ed)(?:\s+(?:date|time|on))?|date\s+(?:of\s+)?discovery|date\s+discovered)`), true],
  ['mitigated', fieldLabel(String.raw`(?:mitigated(?:\s+(?:at|on))?|${NOUN.mitigated})`), true],
  ['resolved', fieldLabel(String.raw`(?:resolved(?:\s+(?:at|on))?|${NOUN.resolved}|ended|end\s+of\s+(?:the\s+)?(?:impact|outage|incident)|solution\s+completed|closed(?:\s+(?:at|on))?)`), true],
];

/** Where a field's match begins on its own line: after the line break the label's pattern starts with. */
const fieldStart = (m: RegExpExecArray): number => m.index + (m[0].startsWith('\n') ? 1 : 0);

/** A label standing as a field: first cell of a table row, or a line that opens with "Label:". */
function fieldLabel(label: string): RegExp {
  return new RegExp(String.raw`(?:^|\n)[ \t]*(?:\|[ \t]*${label}[ \t]*\||${label}[ \t]*:)[ \t]*`, 'gi');
}

/** Opens a window of the impact: "from 15:30 to 18:10", "between 09:10 and 09:50", "(10:45 - 16:11)". */
const WINDOW_OPEN = /\b(?:from|between)\s+|\(\s*(?=\d{1,2}:\d{2})/gi;
/** Between the two ends of a window, when the first token did not take the second in as a span. */
const WINDOW_JOIN = /^\s*(?:\([^()\n]{0,40}\)\s*)?(?:to|until|till|through|and|[-\u2013\u2014])\s+/i;
/** The second time inside a token that read a span ("15:30 to 18:10 UTC"). */
const SPAN_SECOND = /(?:\s*[-\u2013\u2014]\s*|\s+to\s+)(?=\d{1,2}:\d{2})/i;

/**
 * The two ends of a window whose first time is at `at`: "15:30 to 18:10 UTC", "08:43–10:52 UTC",
 * "May 28, 11:30 UTC - May 29, 17:30 UTC". The first end takes the second's zone when it names
 * none.
 */
function windowAt(text: string, at: number): [TimeToken, TimeToken] | undefined {
  const first = tokenAfter(text, at);
  if (!first || first.hour === undefined) return undefined;
  const written = text.slice(first.start, first.end);
  const inside = SPAN_SECOND.exec(written);
  let second: TimeToken | undefined;
  if (inside) second = tokenAfter(text, first.start + inside.index + inside[0].length);
  else {
    const join = WINDOW_JOIN.exec(text.slice(first.end, first.end + 60));
    if (join) second = tokenAfter(text, first.end + join[0].length);
  }
  if (!second || second.hour === undefined) return undefined;
  return [first.zone || !second.zone ? first : { ...first, zone: second.zone }, second];
}

/**
 * Words right before a window that say the system worked through it ("the cache was working again
 * from 16:26 to 20:04", "healthy between 09:00 and 11:00"): a window of no impact.
 */
const WORKED_THROUGH = /\b(?:work(?:s|ed|ing)|healthy|fine|normal(?:ly)?|operational|stable)(?:\s+again)?\s*$/i;

/** The windows of one sentence that speaks of the impact: the start, and when the impact stopped. */
function windows(sentence: string, base: number): Statement[] {
  const out: Statement[] = [];
  WINDOW_OPEN.lastIndex = 0;
  for (let m = WINDOW_OPEN.exec(sentence); m; m = WINDOW_OPEN.exec(sentence)) {
    if (WORKED_THROUGH.test(sentence.slice(Math.max(0, m.index - 60), m.index))) continue;
    const found = windowAt(sentence, m.index + m[0].length);
    if (!found) continue;
    const [start, end] = found;
    out.push({ kind: 'time', milestone: 'start', token: start, start: base + m.index, end: base + start.end, window: true });
    out.push({ kind: 'time', milestone: 'mitigated', token: end, start: base + m.index, end: base + end.end, window: true });
    WINDOW_OPEN.lastIndex = Math.max(WINDOW_OPEN.lastIndex, end.end);
  }
  return out;
}

/**
 * The incident's window as a field of the header: "Impact Window: 08:43–10:52 UTC", "Date: May
 * 28, 11:30 UTC - May 29, 17:30 UTC". It spans the whole incident, so its end closes the
 * incident (the resolution), where a window told in a sentence ends the impact (the mitigation).
 */
const FIELD_WINDOW = fieldLabel(String.raw`(?:(?:impact|incident|outage|downtime)\s+(?:window|period|time\s*frame)|dates?|when)`);

/** Both ends name their day, and the second comes first. */
function endsBeforeStart([start, end]: [TimeToken, TimeToken]): boolean {
  if (start.month === undefined || end.month === undefined || start.day === undefined || end.day === undefined) return false;
  const at = (t: TimeToken): number => Date.UTC(t.year ?? 2000, t.month! - 1, t.day!, t.hour ?? 0, t.minute ?? 0);
  return at(end) <= at(start);
}

function fieldWindows(text: string): Statement[] {
  const out: Statement[] = [];
  FIELD_WINDOW.lastIndex = 0;
  for (let m = FIELD_WINDOW.exec(text); m; m = FIELD_WINDOW.exec(text)) {
    const found = windowAt(text, m.index + m[0].length);
    // An end written before its start ("July 2, 9:30 AM - July 2, 12:30 AM") is a slip: neither end can be trusted.
    if (!found || endsBeforeStart(found)) continue;
    const [start, end] = found;
    out.push({ kind: 'time', milestone: 'start', token: start, start: fieldStart(m), end: start.end, window: true });
    out.push({ kind: 'time', milestone: 'resolved', token: end, start: fieldStart(m), end: end.end, window: true });
  }
  return out;
}

/**
 * A sentence, or a clause of it, that opens with its time: "At 19:55 UTC, all services became
 * unresponsive", "… by removing them and at **11:58** the server was up again", or with its day
 * and time: "On January 3, 2023 at approximately 12:30 UTC the site experienced …".
 */
const AT = /(?:^[ \t*_]*|[,;][ \t]*|\b(?:and|then)[ \t]+)(?:at|on)[ \t]+/gi;

/**
 * The milestones each clause names in words, at the time it opens with ("At around 14:30 UTC we
 * started receiving alerts that services were unreachable"): told in prose, as a timeline entry
 * would tell them. A clause runs to the next clause that opens with a time.
 */
function atTimes(sentence: string, base: number): Statement[] {
  const clauses: { at: number; token: TimeToken }[] = [];
  AT.lastIndex = 0;
  for (let m = AT.exec(sentence); m; m = AT.exec(sentence)) {
    const token = tokenAfter(sentence, m.index + m[0].length);
    if (token && hasTime(token)) clauses.push({ at: m.index, token });
  }
  return clauses.flatMap(({ at, token }, i) =>
    milestoneWords(sentence.slice(token.end, clauses[i + 1]?.at ?? sentence.length)).map((w) => ({ kind: 'time' as const, milestone: w.milestone, token, start: base + at, end: base + token.end, told: true as const })),
  );
}

/** "By 15:02 UTC ingestion was healthy again", "by November 15, 6:20 AM UTC we had fully recovered". */
const BY = /\bby\s+/gi;

/** The end of the impact or of the incident stated as "by <time>, <what was true then>". */
function byTimes(sentence: string, base: number): Statement[] {
  const out: Statement[] = [];
  BY.lastIndex = 0;
  for (let m = BY.exec(sentence); m; m = BY.exec(sentence)) {
    const token = tokenAfter(sentence, m.index + m[0].length);
    if (!token || token.hour === undefined) continue;
    // The milestone words of what follows, as the timeline reads them in an entry.
    // One milestone per statement: "fully recovered" closes the incident, "healthy again" ends the impact.
    const named = milestoneWords(sentence.slice(token.end)).map((w) => w.milestone);
    const milestone = named.includes('resolved') ? 'resolved' : named.includes('mitigated') ? 'mitigated' : undefined;
    if (milestone) out.push({ kind: 'time', milestone, token, start: base + m.index, end: base + token.end });
  }
  return out;
}

const METRIC_NAME: Record<string, Exclude<Milestone, 'start'>> = { d: 'detected', m: 'mitigated', r: 'resolved' };

/** "Time to detection: 5 minutes", "TTM was 40 min", "MTTR 2h". */
const METRIC = new RegExp(
  String.raw`\b(?:time[\s-]+to[\s-]+(detect|mitigat|resol|recover|restor|repair)\w*|m?tt([dmr]))\b[^.\n:=]{0,25}?\s*(?:[:=\-\u2013\u2014]\s*|\b(?:is|was|were|of|at)\s+)?${APPROX}`,
  'gi',
);
/** "Detected after 20 minutes", "resolved within 2 hours", "until the issue got resolved (~20 hrs)". */
const AFTER = new RegExp(String.raw`\b(detected|noticed|mitigated|resolved|fixed|recovered)(?:\s+(?:after|within|in)\s+|\s*\(\s*(?:after\s+|within\s+)?)${APPROX}`, 'gi');
/** "I was paged 1 minute after we started encountering CPU exhaustion": the length, then "after". */
const LENGTH_AFTER = new RegExp(String.raw`\b(?:paged|alerted|notified|detected|noticed)\s+${APPROX}`, 'gi');
/** "We were immediately alerted to the outage": detected as the impact began. */
const AT_ONCE = /\b(?:immediately|instantly|straight\s+away|right\s+away)\s+(?:alerted|paged|notified|noticed|detected)\b|\b(?:alerted|paged|notified|noticed|detected)\s+(?:immediately|instantly|straight\s+away|right\s+away)\b/gi;
/** "It took us 9 hours to resolve the problem", "took about an hour to recover": the length, then what it took to do. */
const TOOK = new RegExp(String.raw`\btook\s+(?:us\s+|them\s+|the\s+team\s+)?${APPROX}`, 'gi');
const TOOK_TO = /^\s+to\s+(?:fully\s+)?(resolve|fix|mitigate|recover|restore)\b/i;
/** "From (the) first report to resolution took 4 hours". */
const FROM_TO = new RegExp(
  String.raw`\bfrom\s+(?:the\s+)?(?:first\s+(?:user\s+)?report|detection|(?:the\s+)?(?:first\s+)?alert|(?:being\s+)?detected|start(?:\s+of\s+(?:the\s+)?impact)?|(?:the\s+)?impact\s+start)\s+(?:to|until|till)\s+(?:the\s+)?(resolution|mitigation|fix|recovery|resolved|mitigated)\s+(?:took|was|lasted|is)\s+${APPROX}`,
  'gi',
);
/** "Lasted about nine hours", "for about 80 minutes", "a total of 3 hours". */
const LASTED = new RegExp(String.raw`\b(?:lasted|lasting|lasts|for|spanned|spanning|totall?ing|a\s+total\s+of|duration(?:\s+of)?\s*:?)\s+${APPROX}`, 'gi');
/**
 * A length that follows "if", "unless" or "whenever" in its sentence is a condition, not what
 * happened: "page only if the queue is down for more than 15 minutes" is an alert threshold.
 */
const HYPOTHETICAL = /\b(?:if|unless|whenever)\b/i;
/** A sentence is about the impact's length only when it speaks of the impact. */
const IMPACT_WORDS = /\b(?:outage|incident|impact|impacted|affected|down|downtime|unavailable|disruption|degrad\w*|errors?|could\s+not|couldn't|(?:was|were)\s+not\s+able|unable|failed|failing|broken|users?|customers?)\b/i;

/** What may stand between a stated time's opening words and the time. */
const NEAR = new RegExp(String.raw`^[ \t]*(?:~|\u2248|${APPROX_WORDS})[ \t]*[*_\`]*$`, 'i');

/**
 * The time right at `at`. With `dayAlone`, a day without a time of day will do ("Discovery date:
 * June 10, 2025"): it says that the milestone happened, though not when to the minute.
 */
function tokenAfter(text: string, at: number, dayAlone = false): TimeToken | undefined {
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
  const t = readLeadingToken(line);
  // The time right here, or after a word that says it is near: "between approximately 21:27 and …".
  if (!t || !(hasTime(t) || (dayAlone && hasDate(t))) || (t.start > 2 && !NEAR.test(line.slice(0, t.start)))) return undefined;
  return { ...t, start: t.start + at, end: t.end + at, rest: t.rest + at };
}

function durationAfter(text: string, at: number): StatedDuration | undefined {
  const d = leadingDuration(text.slice(at, at + 80));
  return d && { minutes: d.minutes, start: d.start + at, end: d.end + at };
}

/**
 * The statements of one text (a paragraph, a list item, a table row), in order. A pure function
 * of the text: the same text always states the same.
 */
export function readStatements(text: string): Statement[] {
  if (text.length > 20_000) return [];
  const out: Statement[] = [];
  for (const [milestone, re, field] of TIMES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A field's day alone says the milestone happened. Not a start's: a start without its time
      // would stand in the way of the readings that place it from the timeline (`select.ts`).
      const token = tokenAfter(text, m.index + m[0].length, field === true && milestone !== 'start');
      if (token) out.push({ kind: 'time', milestone, token, start: field ? fieldStart(m) : m.index, end: token.end });
    }
  }
  out.push(...fieldWindows(text));
  METRIC.lastIndex = 0;
  for (let m = METRIC.exec(text); m; m = METRIC.exec(text)) {
    const d = durationAfter(text, m.index + m[0].length);
    // A time to recover or restore is when the service came back: mitigation, not the close of the incident.
    const which = m[1] ? (/^detect/i.test(m[1]) ? 'd' : /^(?:mitigat|recover|restor)/i.test(m[1]) ? 'm' : 'r') : m[2].toLowerCase();
    if (d) out.push({ kind: 'metric', milestone: METRIC_NAME[which], from: 'start', minutes: d.minutes, start: m.index, end: d.end });
  }
  AFTER.lastIndex = 0;
  for (let m = AFTER.exec(text); m; m = AFTER.exec(text)) {
    const d = durationAfter(text, m.index + m[0].length);
    const word = m[1].toLowerCase();
    const milestone = word === 'detected' || word === 'noticed' ? 'detected' : word === 'mitigated' || word === 'recovered' ? 'mitigated' : 'resolved';
    if (d) out.push({ kind: 'metric', milestone, from: 'start', minutes: d.minutes, start: m.index, end: d.end });
  }
  LENGTH_AFTER.lastIndex = 0;
  for (let m = LENGTH_AFTER.exec(text); m; m = LENGTH_AFTER.exec(text)) {
    const d = durationAfter(text, m.index + m[0].length);
    if (d && /^\s+after\b/i.test(text.slice(d.end, d.end + 10))) out.push({ kind: 'metric', milestone: 'detected', from: 'start', minutes: d.minutes, start: m.index, end: d.end });
  }
  AT_ONCE.lastIndex = 0;
  for (let m = AT_ONCE.exec(text); m; m = AT_ONCE.exec(text)) out.push({ kind: 'metric', milestone: 'detected', from: 'start', minutes: 0, start: m.index, end: m.index + m[0].length });
  TOOK.lastIndex = 0;
  for (let m = TOOK.exec(text); m; m = TOOK.exec(text)) {
    const d = durationAfter(text, m.index + m[0].length);
    const to = d && TOOK_TO.exec(text.slice(d.end, d.end + 40));
    // Fixing, resolving or restoring ends the incident; mitigating or recovering ends the impact.
    // Either way the sentence gives the impact's length too.
    if (!d || !to) continue;
    out.push({ kind: 'metric', milestone: /^(?:mitigat|recover)/i.test(to[1]) ? 'mitigated' : 'resolved', from: 'start', minutes: d.minutes, start: m.index, end: d.end });
    out.push({ kind: 'duration', minutes: d.minutes, start: m.index, end: d.end });
  }
  FROM_TO.lastIndex = 0;
  for (let m = FROM_TO.exec(text); m; m = FROM_TO.exec(text)) {
    const d = durationAfter(text, m.index + m[0].length);
    const from: Milestone = /report|detect|alert/i.test(m[0].slice(0, m[0].search(/\s(?:to|until|till)\s/i))) ? 'detected' : 'start';
    const milestone = /^mitigat/i.test(m[1]) ? 'mitigated' : 'resolved';
    if (d) out.push({ kind: 'metric', milestone, from, minutes: d.minutes, start: m.index, end: d.end });
  }
  let impactBefore = false;
  for (const sentence of sentences(text)) {
    const changes = causeOf(sentence.text);
    if (changes.length > 0) out.push({ kind: 'cause', changes, start: sentence.start, end: sentence.start + sentence.text.length });
    // An aside in brackets after a sentence about the impact speaks of it too: "… could not start. (Between 1:46pm - 5:30pm)".
    const aboutImpact: boolean = IMPACT_WORDS.test(sentence.text) || (impactBefore && /^\s*\(/.test(sentence.text));
    impactBefore = aboutImpact;
    if (aboutImpact) out.push(...windows(sentence.text, sentence.start));
    out.push(...byTimes(sentence.text, sentence.start), ...atTimes(sentence.text, sentence.start));
    if (!IMPACT_WORDS.test(sentence.text) || /\b(?:time\s+to|tt[dmr]|from\s+(?:the\s+)?first)\b/i.test(sentence.text)) continue;
    LASTED.lastIndex = 0;
    for (let m = LASTED.exec(sentence.text); m; m = LASTED.exec(sentence.text)) {
      if (HYPOTHETICAL.test(sentence.text.slice(0, m.index))) break;
      const d = durationAfter(sentence.text, m.index + m[0].length);
      if (d) {
        out.push({ kind: 'duration', minutes: d.minutes, start: sentence.start + m.index, end: sentence.start + d.end });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  // A single line break inside a paragraph is a soft break, not the end of a sentence; nor is a
  // dot inside a number or a time ("1.5 hours", "12.39UTC").
  const re = /(?:[^.!?\n]|[.!?](?!\s|$)|\n(?!\s*\n))+(?:[.!?](?=\s|$)|\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ text: m[0], start: m.index });
  }
  return out;
}
