/**
 * Report profiles: which sections a report must have, and the names each section goes by.
 * Titles and synonyms are compared after {@link normalizeTitle}.
 */

/** One section a profile knows about. */
export interface SectionSpec {
  /** Canonical heading, used in messages and when a quick fix inserts the section. */
  title: string;
  synonyms?: string[];
  required?: boolean;
  /**
   * `impact` sections are also satisfied by an impact statement elsewhere (a metadata table
   * row, an `Impact:` paragraph, front matter `impact:`).
   */
  kind?: 'impact' | 'timeline' | 'actionables' | 'detection';
  children?: SectionSpec[];
}

/** A named set of section expectations. */
export interface Profile {
  name: string;
  sections: SectionSpec[];
}

const IMPACT: SectionSpec = { title: 'Impact', synonyms: ['Impact statement', 'User impact'], required: true, kind: 'impact' };
const TIMELINE: SectionSpec = { title: 'Timeline', synonyms: ['Timeline of events', 'Chronology'], required: true, kind: 'timeline' };
const DETECTION: SectionSpec = { title: 'Detection', synonyms: ['How was it detected', 'Detection and monitoring'], required: true, kind: 'detection' };
const ACTIONABLES: SectionSpec = {
  title: 'Actionables',
  synonyms: ['Action items', 'Follow-ups', 'Follow ups', 'Followups', 'Corrective actions', 'Remediation', 'Action plan'],
  required: true,
  kind: 'actionables',
};
const WENT_WELL: SectionSpec = { title: 'What went well?', required: true };
const WENT_POORLY: SectionSpec = { title: 'What went poorly?', synonyms: ['What went wrong?', 'What went badly?'], required: true };
const LUCKY: SectionSpec = { title: 'Where did we get lucky?', synonyms: ['Where we got lucky', 'Where did we get lucky'], required: true };

/** The profiles that ship with the tool. */
export const BUILTIN_PROFILES: Record<string, Profile> = {
  wikimedia: {
    name: 'wikimedia',
    sections: [
      { title: 'Summary', synonyms: ['Overview', 'Incident summary'], required: true },
      IMPACT,
      TIMELINE,
      DETECTION,
      { title: 'Conclusions', synonyms: ['Conclusion', 'Lessons learned'], required: true, children: [WENT_WELL, WENT_POORLY, LUCKY] },
      { ...ACTIONABLES },
      { title: 'Links to relevant documentation', synonyms: ['Links', 'Relevant documentation', 'References'], required: false },
      { title: 'Scorecard', synonyms: ['Incident Engagement ScoreCard'], required: false },
    ],
  },
  'google-sre': {
    name: 'google-sre',
    sections: [
      { title: 'Summary', synonyms: ['Overview'], required: true },
      IMPACT,
      { title: 'Root causes', synonyms: ['Root cause', 'Causes'], required: true },
      { title: 'Trigger', synonyms: ['Triggers'], required: true },
      { title: 'Resolution', required: true },
      DETECTION,
      { ...ACTIONABLES, title: 'Action items', synonyms: ['Actionables', ...(ACTIONABLES.synonyms ?? []).filter((s) => s !== 'Action items')] },
      {
        title: 'Lessons learned',
        synonyms: ['Lessons'],
        required: true,
        children: [
          { title: 'What went well', required: true },
          { title: 'What went wrong', synonyms: ['What went poorly'], required: true },
          { title: 'Where we got lucky', synonyms: ['Where did we get lucky'], required: true },
        ],
      },
      TIMELINE,
    ],
  },
  minimal: {
    name: 'minimal',
    sections: [IMPACT, TIMELINE, { ...ACTIONABLES, title: 'Action items', synonyms: ['Actionables', ...(ACTIONABLES.synonyms ?? []).filter((s) => s !== 'Action items')] }],
  },
};

export const DEFAULT_PROFILE = 'wikimedia';

/** Lower-cases, drops emphasis marks, trailing punctuation and surrounding space. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    // "Timeline (all times UTC)": a note in parentheses after the name is not part of it.
    .replace(/\s+\([^()]*\)\s*$/, '')
    .replace(/[\s?:.!]+$/g, '')
    .replace(/^[\s\d.)]+(?=[a-z])/, '')
    .trim();
}

/** Every name a section answers to, normalized. */
export function sectionNames(spec: SectionSpec): string[] {
  return [spec.title, ...(spec.synonyms ?? [])].map(normalizeTitle);
}

/** Depth-first list of a profile's section specs with their parent. */
export function flattenSpecs(specs: SectionSpec[], parent?: SectionSpec): { spec: SectionSpec; parent?: SectionSpec }[] {
  return specs.flatMap((spec) => [{ spec, parent }, ...flattenSpecs(spec.children ?? [], spec)]);
}
