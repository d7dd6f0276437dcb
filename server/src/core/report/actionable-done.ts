/**
 * What says an actionable's work is already done: its own words, or the label of the group it
 * stands in.
 */
import { readsAsPlanned } from './actionable-status.js';

/**
 * Items already done: a check mark, "(done)", an opening in the past tense ("We raised the
 * limit", "Sent a notice to…", "[sam] made the pool larger"), or a closing note that says so ("…
 * _done in grafana_.").
 */
const DONE_ITEM = new RegExp(
  [
    String.raw`^(?:\[[xX]\]\s*)?(?:[\u2705\u2714\u2611]|\(?(?:done|completed?|fixed|finished)\)?[:.\s-])`,
    String.raw`\((?:done|completed|fixed|finished|merged|deployed|shipped)(?:\s+(?!(?:when|once|after|if|before|until|by\s+(?:next|the\s+end))\b)[^()]{1,60})?!?\)|\[(?:done|completed)\]|[\u2705\u2714\u2611]\uFE0F?\s*$`,
    String.raw`(?:^|[.;!]\s+)(?:already\s+)?(?:done|completed|implemented|fixed|merged|deployed)(?:\s+(?:in|on|via|with)\s+[^.;!]{1,40})?\.?\s*$`,
    // A closing sentence that says the item is done: "We already implemented that now.", "This is already in place."
    String.raw`(?:^|[.;!]\s+)(?:(?:we|they)\s+(?:have\s+)?(?:already\s+)?(?:implemented|done|fixed|deployed|shipped|merged)\s+(?:that|this|it)|(?:this|that|it)\s+(?:is|was|has\s+been)\s+(?:now\s+)?(?:already\s+)?(?:implemented|done|fixed|deployed|in\s+place))(?:\s+(?:now|already))?\.?\s*$`,
    String.raw`^(?:\[[^\]\n]{1,40}\]\s+|\([^)\n]{1,40}\)\s+)?(?:(?:as\s+a\s+first\s+step|first(?:ly)?|since\s+then|in\s+the\s+meantime|meanwhile),?\s+we\s+|we\s+)?(?:raised|added|fixed|increased|decreased|reduced|removed|deployed|updated|upgraded|migrated|moved|rolled back|reverted|disabled|enabled|created|wrote|documented|configured|restarted|replaced|patched|released|merged|implemented|changed|switched|bumped|rotated|revoked|deleted|sent|issued|notified|informed|announced|published|posted|contacted|refunded|credited|rebuilt|built|ran|paused|resumed|restored|cleaned up|shipped|made)\b`,
  ].join('|'),
  'i',
);

/** Verbs an instruction opens with ("Make sure…", "Check that…"): such an item is asked for, not told as done. */
const INSTRUCTION_VERBS = 'make|ensure|verify|check|confirm|validate|test|see|get|keep|have|please';

/** Verbs of an instruction to find something out ("Investigate why…"), whose question may hold a past tense. */
const INQUIRY_VERBS = 'investigate|understand|find|determine|review|evaluate|consider|explore|figure|look|ask|discuss|decide|document|explain';

/**
 * Items told as done when nothing in them is still planned: a present perfect passive ("Changes
 * have been made so that …", "The feed has been added to the dashboard") or a headline in the past
 * participle ("Script updated to handle pagination").
 */
const DONE_TOLD = new RegExp(
  [
    String.raw`^[^.;!?]{0,120}?(?<!\b(?:should|would|could|must|might|will|may|to)\s+)\b(?:has|have)\s+(?:now\s+|already\s+|also\s+)?been\s+(?:made|done|set\s+up|put\s+in\s+place|built|written|\w+ed)\b`,
    String.raw`^(?!(?:${INSTRUCTION_VERBS})\b)(?:the\s+)?(?:[\w.\`-]+\s+){1,3}(?:updated|added|fixed|changed|removed|replaced|upgraded|configured|enabled|disabled|deployed|rotated|patched|corrected|increased|reduced|raised|lowered|moved|migrated|pinned)\s+(?:to|so|for|in|on|with|from)\b`,
    // A simple past passive of work: "the stuck transactions were accelerated and finalized",
    // "fix was applied"; not what went wrong ("alerts were missed", "the job was delayed").
    // Work others did, told in the simple past with what they made: "Execution clients implemented
    // a fix for …", "The platform team added a dashboard of …"; not a question to look into
    // ("Investigate why the proxy added a header").
    String.raw`^(?!(?:${INSTRUCTION_VERBS}|${INQUIRY_VERBS})\b)(?:the\s+)?(?:(?!(?:why|how|whether|if|that|when|what)\b)[\w.\`-]+\s+){1,3}(?:already\s+)?(?:implemented|added|fixed|deployed|released|shipped|merged|patched|introduced|built|created|enabled|configured)\s+(?:a|an|the|its|their|our)\b`,
    String.raw`^(?:the\s+)?(?:[\w.\`-]+\s+){1,3}(?:was|were)\s+(?:already\s+|successfully\s+)?(?!(?:missed|ignored|failed|delayed|affected|impacted|caused|triggered|exposed|leaked|blocked|stalled|crashed|dropped|corrupted|rejected|overloaded|exhausted|expired|noticed|reported|detected|observed|needed|required|expected|supposed|planned|scheduled|proposed|intended|designed|meant|not|never|unable)\b)\w+(?:ed|en|ilt|ade|one|ent|aid)\b`,
  ].join('|'),
  'i',
);

/** True when an item's words say its work is done (see {@link DONE_ITEM}, {@link DONE_TOLD}). */
export function readsAsDone(words: string, whole = words): boolean {
  return DONE_ITEM.test(words) || (DONE_TOLD.test(words) && !readsAsPlanned(whole, true));
}

/** Group headings of work that is finished. */
export const DONE_GROUP = /\b(?:completed?|done|finished|already (?:done|fixed)|resolved)\b|\b(?:actions?|steps?|measures?|changes?|mitigations?|fixes)\s+(?:already\s+)?(?:taken|made|applied|carried\s+out|implemented|completed|deployed|in\s+place)\b/i;

/**
 * A group heading that is a headline of work finished: a few words ending in a past participle,
 * after its number and before its owner or tags ("3) Postmortem documented `@kim`", "Alerts
 * configured [detect]"). "Streaming processes reduces" or "Better alerting on CPU load" are not.
 */
const DONE_HEADLINE =
  /^(?:\d+[.)]\s*)?(?:[\p{L}\d'’-]+\s+){1,3}(?:documented|written|published|configured|scheduled|deployed|added|updated|created|fixed|merged|released|enabled|disabled|installed|migrated|removed|rotated|shipped|set\s+up)$/iu;

/** True when a group heading's words, its handles and bracketed tags left out, read as {@link DONE_HEADLINE}. */
export function isDoneHeadline(title: string): boolean {
  const words = title.replace(/`[^`]*`|@[\w.-]+|\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim();
  return DONE_HEADLINE.test(words);
}
