/**
 * Owners a reader finds around actionables rather than in them: a team that a paragraph names as
 * the one doing the work ("The platform team will take the following actions:"), and a handle in
 * the small heading of a group of items ("### Better disk alerts `@kim`").
 */

/** Nouns that name a group of people who can own work. */
const GROUP_NOUN = String.raw`(?:team|teams|squad|crew|engineers|operators|maintainers|developers|staff)`;

/**
 * A named group as the subject of what it does or will do: "the Hachyderm infrastructure team is
 * taking", "Our SRE team will", "The development team plans to". One to three words (a name or a
 * kind) stand before the noun: a bare "the team" names nobody a reader could ask. The verb says
 * the group carries the work.
 */
const TEAM_SUBJECT = new RegExp(
  String.raw`(?:^|[.!?;:]\s+|\b(?:then|going\s+forward|from\s+now\s+on|moving\s+forward|next),?\s+)(?:the|our)\s+((?:[\p{L}\d][\p{L}\d&'’.-]*\s+){1,3}${GROUP_NOUN})\s+(?:(?:is|are)\s+(?:now\s+)?(?:taking|going\s+to|working|planning|committed|responsible)|will|shall|plans?\s+to|intends?\s+to|commits?\s+to|owns?|takes?|has\s+committed|have\s+committed)\b`,
  'iu',
);

/** A group named by its name alone before the noun: "Chia team", "SRE team" (capitalised, and not an article such as "The team"). */
const NAMED_TEAM = new RegExp(
  String.raw`(?:^|[.!?;:]\s+|\b(?:then|going\s+forward|from\s+now\s+on|moving\s+forward|next),?\s+)((?!(?:[Tt]he|[Oo]ur|[Tt]his|[Tt]hat|[Aa]n?|[Ee]ach|[Ee]very|[Aa]ny|[Oo]ne|[Ss]ome|[Tt]heir|[Ii]ts)\s)(?:\p{Lu}[\p{L}\d&'’.-]*\s+)(?:[\p{L}\d][\p{L}\d&'’.-]*\s+){0,2}${GROUP_NOUN})\s+(?:(?:is|are)\s+(?:now\s+)?(?:taking|going\s+to|working|planning|committed|responsible)|will|shall|plans?\s+to|intends?\s+to|commits?\s+to)\b`,
  'u',
);

/**
 * The team a paragraph names as the one doing the work, as the reader would write it ("Hachyderm
 * infrastructure team"), or undefined. "We will …" names nobody a reader could ask.
 */
export function teamIntroducing(words: string): string | undefined {
  const text = words.replace(/\s+/g, ' ').trim();
  const m = TEAM_SUBJECT.exec(text) ?? NAMED_TEAM.exec(text);
  return m ? m[1].trim() : undefined;
}

/** An `@handle` in a heading's Markdown, written plain or in code: the owner of the items under it. */
const HEADING_HANDLE = /(?<![\w.@/])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?)/;

/** The owner a group heading names by handle, or undefined. */
export function headingHandle(heading: string): string | undefined {
  const m = HEADING_HANDLE.exec(heading.replace(/https?:\/\/\S+/g, ' '));
  return m ? `@${m[1]}` : undefined;
}
