/**
 * Words of an entry about the course of the impact rather than a milestone, read beside the
 * milestone words of `lexicon.ts`: the impact **goes on** after something was tried ("the revert
 * did not solve it", "hubs remain inaccessible", "users still get errors", "the issue persists"),
 * so a mitigation word before that entry was not the mitigation; or the problem had **begun
 * earlier** than the entry ("a week prior", "errors since 09:40"), so the entry is not where the
 * impact starts.
 */
import { MONTH_NAME } from './date-tokens.js';

const STILL_BAD = String.raw`(?:inaccessible|unavailable|down|unreachable|unresponsive|broken|stuck|failing|fails|hangs?|hanging|slow|crash\w*|erroring|errors?|5\d\d|timeouts?|timing\s+out|service\s+unavailable)`;

/** Words that say the impact goes on (see the module comment); each is tried on one clause. */
const GOES_ON: readonly RegExp[] = [
  /\b(?:did\s+not|didn't|does\s+not|doesn't|do\s+not|don't|failed\s+to)\s+(?:solve|fix|resolve|help|mitigate|work|change\s+anything)\b/i,
  /\bnot\s+having\s+the\s+(?:intended|desired|expected)\s+effect\b|\bhad\s+no\s+effect\b/i,
  new RegExp(String.raw`\b(?:still|remains?|remained|continues?\s+to\s+be|continued\s+to\s+be)\s+(?:\w+\s+){0,2}?${STILL_BAD}\b`, 'i'),
  /\b(?:issue|problem|errors?|outage|impact|symptoms?)\s+(?:still\s+)?(?:persists?|persisted|continues?|continued|recurs?|recurred|returns?|returned|comes?\s+back|came\s+back|reappears?|reappeared)\b/i,
  // A field label that says the trouble goes on: "Continued Degradation: 00:35-02:43 UTC".
  /\b(?:continued|continuing|ongoing|persistent|renewed)\s+(?:degradation|disruption|instability|outage|errors?|impact|failures?)\b/i,
  // The next wave of an attack or a load: "second wave of transactions begins".
  /\b(?:second|third|fourth|next|final|another|new|largest|last)\b(?:\s+[\w-]+){0,3}?\s+(?:wave|burst|surge|round)s?\b(?:\s+[\w-]+){0,5}?\s+(?:begins?|began|starts?|started|arrives?|arrived|hits?)\b/i,
];

/**
 * The words of a clause that say the impact goes on, if any: "did not solve", "remain
 * inaccessible", "still get stuck", "the issue persists".
 */
export function impactGoesOn(clause: string): string | undefined {
  if (clause.length > 400) return undefined;
  for (const re of GOES_ON) {
    const m = re.exec(clause);
    if (m) return m[0].replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * "They had first noticed it a week prior", "the errors had started two days earlier", "a page
 * without snapshots since December" (a month named alone: a day of it would be a time to read).
 */
const BEGUN_EARLIER = new RegExp(
  String.raw`\b(?:an?|one|two|three|four|five|six|seven|several|a\s+few|\d+)\s+(?:hours?|days?|weeks?|months?)\s+(?:prior|before|earlier|ago)\b|\bsince\s+(?:last\s+(?:week|month|night)|yesterday|the\s+day\s+before|(?:early\s+|mid-?|late\s+)?${MONTH_NAME}\b(?!\.?\s*\d))`,
  'i',
);

/**
 * The words of an entry that say the problem had begun well before it ("they had first become
 * aware of this a week prior"): the entry is then not where the impact starts.
 */
export function impactBegunEarlier(text: string): string | undefined {
  if (text.length > 2000) return undefined;
  const m = BEGUN_EARLIER.exec(text);
  return m ? m[0] : undefined;
}

/** "Pending pods peaking around 07:15", "errors since 09:40", "first errors at 6:02 am". */
const EARLIER_TIME = /\b(?:peak(?:s|ed|ing)?|began|begun|started|starting|since|first\s+(?:seen|errors?|failures?|reports?))\s+(?:at\s+|around\s+|about\s+|by\s+)?(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?(?![\d:])/i;

/**
 * A clock time an entry says the problem was already under way at ("peaking around 07:15"), as
 * minutes of the day; undefined when it names none.
 */
export function problemTimeInEntry(text: string): { minutes: number; words: string } | undefined {
  if (text.length > 2000) return undefined;
  const m = EARLIER_TIME.exec(text);
  if (!m) return undefined;
  let hour = +m[1];
  const minute = +m[2];
  if (hour > 23 || minute > 59) return undefined;
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  }
  return { minutes: hour * 60 + minute, words: m[0] };
}
