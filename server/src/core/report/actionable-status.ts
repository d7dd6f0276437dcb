/**
 * Whether an actionable is open or done, read from its words where no status column says it:
 *
 * - a status word before or after the item: "TODO: …", "**DOING** …", "Open - …", "… — Done",
 *   "… (open)", "… Status: done";
 * - in a section that tells the fix ("Solution", "Details of Fix"), whose items are mostly the
 *   work already done: an item is open only when it reads as planned work ("we will …", "a plan is
 *   being reviewed", "we are exploring …"), or, unless the paragraph that introduces the list says
 *   the work was done ("The following fixes were implemented:"), when it is an instruction
 *   ("Create a fallback …", "Research and implement …").
 */

/** Status words of work not finished, as written in status columns and before or after items. */
export const OPEN_STATUS_WORDS = 'todo|to do|open|pending|planned|in progress|in-progress|doing|wip|ongoing|not started|started|blocked';

/**
 * Status words of finished or closed work: an attempt that failed or was given up is no open
 * follow-up either.
 */
export const DONE_STATUS_WORDS = "done|completed?|fixed|finished|closed|resolved|merged|deployed|failed|abandoned|cancell?ed|won't do|wontfix|obsolete|superseded";

const WORD = `(${OPEN_STATUS_WORDS}|${DONE_STATUS_WORDS})`;
/** A status value of work not finished ("TODO", "In progress."), as a whole cell or word. */
const OPEN = new RegExp(`^(?:${OPEN_STATUS_WORDS})\\.?$`, 'i');

/** A status value of finished work ("Done", "merged", a check mark). */
const DONE = new RegExp(`^(?:${DONE_STATUS_WORDS}|yes|\\[x\\]|x|✅|✔️?|☑️?)\\.?$`, 'i');

/** True for a cell that holds a status value ("DONE", "TODO.", "In progress"), not a task or words. */
export function isStatus(text: string): boolean {
  return isDoneStatus(text) || OPEN.test(text.trim());
}

/** True for a status value that says the work is finished ("Done", "merged", ✅). */
export function isDoneStatus(text: string): boolean {
  return DONE.test(text.trim());
}

/** A status column's cell that opens with a status word ("Resolved by PR #47", "Open — deferred"). */
const CELL_OPENING = new RegExp(`^\\W*${WORD}(?![\\w-])`, 'i');

/**
 * Whether the value of a status column says the work is finished: a status value, or words that
 * open with one ("Resolved by PR #47 — …"); undefined when it says neither.
 */
export function statusCellDone(text: string): boolean | undefined {
  if (isStatus(text)) return isDoneStatus(text);
  const word = CELL_OPENING.exec(text.trim())?.[1];
  return word === undefined ? undefined : !OPEN.test(word);
}

/**
 * A status word opening an item's Markdown: in emphasis ("**TODO** …", "**Done:** …"), or followed
 * by a colon or a dash ("TODO: …", "Open - …"). A checkbox or list marker may come first.
 */
const LEADING = new RegExp(
  `^[ \\t]*(?:[-*+][ \\t]+|\\d+[.)][ \\t]+)?(?:\\[[ xX]\\][ \\t]*)?(?:(?:\\*\\*|__)${WORD}[ \\t]*:?[ \\t]*(?:\\*\\*|__)[ \\t]*:?|\\[${WORD}\\]|${WORD}[ \\t]*(?::|[-\\u2013\\u2014](?=[ \\t])))[ \\t]*(?=\\S)`,
  'i',
);

/** A status word closing an item: after a dash, a colon or "Status", or in parentheses or brackets. */
const TRAILING = new RegExp(`(?:[ \\t][-\\u2013\\u2014]|:|\\bstatus\\s*[:=-]?|[([])[ \\t]*(?:\\*\\*|__|\\*|_)?${WORD}(?:\\*\\*|__|\\*|_)?[)\\]]?\\.?[ \\t]*$`, 'i');

/** The status an item's Markdown states, and where its words start after a leading status. */
export interface StatedStatus {
  done: boolean;
  /** Characters of leading status label before the item's words (0 for a trailing status). */
  skip: number;
}

/**
 * The status an item's Markdown states before or after its words ("TODO: …", "… — done"), or
 * undefined. `capitalsOnly` asks for a status word written in capitals (TODO, DOING, DONE), as in
 * prose outside the actionables, where "Open questions: …" is no status.
 */
export function statedStatus(markdown: string, capitalsOnly = false): StatedStatus | undefined {
  const firstLine = markdown.split('\n', 1)[0];
  const lead = LEADING.exec(firstLine);
  const leadWord = lead ? (lead[1] ?? lead[2] ?? lead[3]) : undefined;
  if (lead && leadWord && (!capitalsOnly || leadWord === leadWord.toUpperCase())) return { done: !OPEN.test(leadWord), skip: lead[0].length };
  if (capitalsOnly) return undefined;
  const trail = TRAILING.exec(markdown.trimEnd());
  return trail ? { done: !OPEN.test(trail[1]), skip: 0 } : undefined;
}

/** A heading whose words open with a status in capitals, after an optional number: `### 2) TODO Alerts`. */
const HEADING_STATUS = /^[ \t]{0,3}#{1,6}[ \t]+(?:\d+[.)][ \t]+)?(TODO|DOING|DONE|WIP)(?=[ \t]+[A-Za-z])/;

/** True when a status marker ("TODO", "DONE") at `[start, end)` of `text` is an item's status, not unfinished text. */
export function isStatusMarker(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const eol = text.indexOf('\n', end);
  const line = text.slice(lineStart, eol < 0 ? text.length : eol);
  // A heading opened by a status in capitals, as in an outline of work: "#### 2) TODO Config management".
  const heading = HEADING_STATUS.exec(line);
  if (heading) return start - lineStart === heading[0].length - heading[1].length;
  const status = statedStatus(line);
  if (!status) return false;
  const at = start - lineStart;
  // The marker is the status found: at the opening label, or in the closing words.
  return status.skip > 0 ? at < status.skip : at >= line.trimEnd().length - (end - start) - 4;
}

/** Words that say work is still to be done. */
const PLANNED =
  /\b(?:will|shall|going to|plan(?:s|ned|ning)? to|intends? to|(?:we|they|team|someone|somebody)\s+(?:should|must|needs?\s+to)|needs?\s+to\s+be|(?:is|are)\s+(?:(?:also|now|still|currently)\s+)?(?:exploring|investigating|considering|evaluating|looking\s+into|working\s+on|being\s+(?:reviewed|considered|discussed|evaluated|explored|worked\s+on|implemented|planned|tracked))|to\s+be\s+(?:done|implemented|added|fixed|decided|determined|scheduled|planned)|not\s+yet|still\s+(?:open|pending|to\s+do)|pending|in\s+progress)\b/i;

/** True when `word` is a verb that opens an instruction ("Add", "Migrate", "Look into"). */
export function isInstructionVerb(word: string): boolean {
  return INSTRUCTION.exec(word)?.[0].length === word.length;
}

/** An instruction: an item that opens with a verb in its base form. */
const INSTRUCTION =
  /^(?:\[[ xX]\]\s*)?(?:add|implement|research|investigate|create|write|document|improve|review|monitor|set\s+up|introduce|automate|migrate|upgrade|update|ensure|make|move|remove|replace|refactor|explore|consider|evaluate|audit|test|build|deploy|change|enable|disable|configure|extend|increase|reduce|limit|track|schedule|define|establish|train|apply|enforce|require|use|switch|adopt|raise|lower|rotate|revoke|publish|notify|communicate|re-?submit|fix|patch|check|verify|validate|split|separate|harden|restrict|prevent|avoid|provide|assign|contact|reach\s+out|look\s+into|decide|plan|prepare)\b/i;

/**
 * True when an item of a section that tells the fix reads as work still to do. `introducedAsDone`:
 * the paragraph before its list says the work was done, so an instruction there is what was done.
 */
export function readsAsPlanned(text: string, introducedAsDone = false): boolean {
  return PLANNED.test(text) || (!introducedAsDone && INSTRUCTION.test(text.trim()));
}
