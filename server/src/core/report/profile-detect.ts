/**
 * Which profile a report is checked against. A configured profile always wins; otherwise each
 * report gets the built-in profile whose headings it follows best, or `generic` when it follows
 * none. A document-level decision over the heading outline only, so it stays cheap.
 */
import type { ResolvedConfig } from '../config/config.js';
import { BUILTIN_PROFILES, DETECTABLE_PROFILES, FALLBACK_PROFILE, flattenSpecs, type Profile } from '../config/profiles.js';
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
    // A template is only followed when most of it is there; ties go to the one with more sections.
    if (scored.present < 3) continue;
    if (scored.score > best.score || (scored.score === best.score && scored.present > best.present)) best = scored;
  }
  return { profile: best.profile, source: best.profile === fallback ? 'fallback' : 'detected' };
}

/** The configuration a report's rules see: the profile it was given replaces the configured one. */
export function configForReport(config: ResolvedConfig, chosen: ReportProfile): ResolvedConfig {
  return chosen.profile === config.profile ? config : { ...config, profile: chosen.profile };
}
