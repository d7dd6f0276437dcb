/**
 * Which profile a report is checked against. A configured profile always wins; otherwise each
 * report gets the built-in profile whose headings it follows best, or `generic` when it follows
 * none: a profile is only followed when most of its sections are there and one of them goes by a
 * name only that profile uses, so a weak match gives `generic`, not the nearest profile. A
 * document-level decision over the heading outline only, so it stays cheap.
 */
import type { ResolvedConfig } from '../config/config.js';
import { BUILTIN_PROFILES, DETECTABLE_PROFILES, FALLBACK_PROFILE, flattenSpecs, sectionNames, type Profile } from '../config/profiles.js';
import { headingRole, normalizeTitle, sectionRole } from './heading-roles.js';
import { missingSections } from './section-insert.js';
import { namedPresence } from './section-presence.js';
import type { Section } from './types.js';

/** The profile a report is checked against, and how it was chosen. */
export interface ReportProfile {
  profile: Profile;
  /** `configured`: named by the configuration; `detected`: its headings follow it; `fallback`: they follow none, so `generic`. */
  source: 'configured' | 'detected' | 'fallback';
}

/**
 * How well a report's headings follow a profile: one point per section of the profile the report
 * has, two off per required section it lacks, one off per required subsection it lacks under a
 * section it has (authors often keep "Lessons learned" and drop its usual subheadings).
 */
export function profileScore(sections: Section[], profile: Profile, fields: ReadonlySet<string> = new Set()): { present: number; missing: number; score: number } {
  const has = namedPresence(sections, fields);
  const present = flattenSpecs(profile.sections).filter(({ spec }) => has(spec)).length;
  const missing = missingSections({ sections }, profile.sections, has);
  const penalty = missing.reduce((sum, m) => sum + (m.parent ? 1 : 2), 0);
  return { present, missing: missing.length, score: present - penalty };
}

/**
 * Names of a built-in template's sections that no other built-in template uses ("Leadup",
 * "Trigger", "Contributing factors", "How'd we do?", "Scorecard"): its marks. A synonym that
 * every postmortem may use (the role lexicon: "Recovery", "Conclusion") marks none, and neither
 * do the names every document uses ("Links", "References"). Worked out once per profile.
 */
const COMMON_NAMES = new Set(['links', 'references', 'relevant documentation']);
const ownNamesOf = new Map<string, ReadonlySet<string>>();

function ownNames(profile: Profile): ReadonlySet<string> {
  let own = ownNamesOf.get(profile.name);
  if (own) return own;
  const others = new Set(
    DETECTABLE_PROFILES.filter((name) => name !== profile.name).flatMap((name) => flattenSpecs(BUILTIN_PROFILES[name].sections).flatMap(({ spec }) => sectionNames(spec))),
  );
  const marks = flattenSpecs(profile.sections).flatMap(({ spec }) => {
    const title = normalizeTitle(spec.title);
    // A name of the summary ("Overview", "What happened") marks nothing even as a template's title: every report tells one.
    return sectionNames(spec).filter((n) => !others.has(n) && !COMMON_NAMES.has(n) && sectionRole(n) !== 'summary' && (n === title || headingRole(n) === undefined));
  });
  own = new Set(marks);
  ownNamesOf.set(profile.name, own);
  return own;
}

/**
 * True when the report uses a heading (or labelled field) of `profile`'s own: a report whose
 * headings every template shares (Summary, Timeline, Lessons learned, Action items) follows none
 * of them in particular, however many of them it has.
 */
export function showsOwnHeading(sections: Section[], profile: Profile, fields: ReadonlySet<string> = new Set()): boolean {
  const own = ownNames(profile);
  if (sections.some((s) => own.has(s.normalized) || own.has(s.core))) return true;
  // A field whose part a heading already plays is a detail of that section ("**Contributing
  // Factors**:" under "Root Cause"), not the template's own section written as a field.
  const played = new Set(sections.map((s) => sectionRole(s.title)).filter((r) => r !== undefined));
  return [...fields].some((f) => {
    if (!own.has(f)) return false;
    const role = headingRole(f);
    return role === undefined || !played.has(role);
  });
}

/**
 * Picks the profile of one report (see the module comment). `fields` are the names of its
 * labelled fields ("**Root causes**: …", see `labelledFields`), which fill a template's sections
 * as headings do.
 */
export function chooseProfile(sections: Section[], config: ResolvedConfig, fields: ReadonlySet<string> = new Set()): ReportProfile {
  if (!config.autoProfile) return { profile: config.profile, source: 'configured' };
  const fallback = BUILTIN_PROFILES[FALLBACK_PROFILE];
  let best = { profile: fallback, ...profileScore(sections, fallback, fields) };
  for (const name of DETECTABLE_PROFILES) {
    const profile = BUILTIN_PROFILES[name];
    const scored = { profile, ...profileScore(sections, profile, fields) };
    // A template is only followed when most of it is there and one of its own headings is; ties
    // go to the one with more sections.
    if (scored.present < 3 || !showsOwnHeading(sections, profile, fields)) continue;
    if (scored.score > best.score || (scored.score === best.score && scored.present > best.present)) best = scored;
  }
  return { profile: best.profile, source: best.profile === fallback ? 'fallback' : 'detected' };
}

/** The configuration a report's rules see: the profile it was given replaces the configured one. */
export function configForReport(config: ResolvedConfig, chosen: ReportProfile): ResolvedConfig {
  return chosen.profile === config.profile ? config : { ...config, profile: chosen.profile };
}
