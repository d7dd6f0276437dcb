/**
 * Report profiles: which sections a report must have, and the names each section goes by.
 * Titles and synonyms are compared after {@link normalizeTitle}; a heading also answers to its
 * name without notes ("Timeline (all times PST)", "Incident Impact": see `coreTitle`).
 *
 * The built-in profiles follow the section lists of widely used public postmortem templates;
 * `generic` holds only what every postmortem needs, for reports that follow none of them.
 */
import { normalizeTitle, ROLE_NAMES, type SectionRole } from '../report/heading-roles.js';

/** One section a profile knows about. */
export interface SectionSpec {
  /** Canonical heading, used in messages and when a quick fix inserts the section. */
  title: string;
  synonyms?: string[];
  required?: boolean;
  /**
   * What the section holds, so that a reader can find that content where the report gives it
   * without this heading. `impact` sections are also satisfied by an impact statement elsewhere
   * (a metadata table row, an `Impact:` paragraph, front matter `impact:`). When the profile was
   * guessed from the headings, the others are not asked for when the report gives their content
   * in another place (see `report/section-presence.ts`).
   */
  kind?: SectionRole;
  children?: SectionSpec[];
}

/** A named set of section expectations. */
export interface Profile {
  name: string;
  sections: SectionSpec[];
}

/** The role lexicon's names for a role, minus `title` (which the spec already answers to). */
function also(role: keyof typeof ROLE_NAMES, title: string, extra: string[] = []): string[] {
  const own = normalizeTitle(title);
  return [...ROLE_NAMES[role].filter((n) => n !== own), ...extra];
}

const IMPACT: SectionSpec = { title: 'Impact', synonyms: also('impact', 'Impact'), required: true, kind: 'impact' };
const TIMELINE: SectionSpec = { title: 'Timeline', synonyms: also('timeline', 'Timeline'), required: true, kind: 'timeline' };
const DETECTION: SectionSpec = { title: 'Detection', synonyms: also('detection', 'Detection'), required: true, kind: 'detection' };
const ACTIONABLES: SectionSpec = { title: 'Actionables', synonyms: also('actionables', 'Actionables'), required: true, kind: 'actionables' };
const ACTION_ITEMS: SectionSpec = { ...ACTIONABLES, title: 'Action items', synonyms: also('actionables', 'Action items') };
const SUMMARY: SectionSpec = { title: 'Summary', synonyms: also('summary', 'Summary'), required: true, kind: 'summary' };
const WENT_WELL: SectionSpec = { title: 'What went well?', required: true };
const WENT_POORLY: SectionSpec = { title: 'What went poorly?', synonyms: ['What went wrong?', 'What went badly?', 'What could have gone better?'], required: true };
const LUCKY: SectionSpec = { title: 'Where did we get lucky?', synonyms: ['Where we got lucky', 'Where did we get lucky'], required: true };

/** The profiles that ship with the tool. */
export const BUILTIN_PROFILES: Record<string, Profile> = {
  wikimedia: {
    name: 'wikimedia',
    sections: [
      SUMMARY,
      IMPACT,
      TIMELINE,
      DETECTION,
      { title: 'Conclusions', synonyms: ['Conclusion', 'Lessons learned', 'Lessons learnt'], required: true, kind: 'lessons', children: [WENT_WELL, WENT_POORLY, LUCKY] },
      ACTIONABLES,
      { title: 'Links to relevant documentation', synonyms: ['Links', 'Relevant documentation', 'References'], required: false },
      { title: 'Scorecard', synonyms: ['Incident Engagement ScoreCard'], required: false },
    ],
  },
  'google-sre': {
    name: 'google-sre',
    sections: [
      SUMMARY,
      IMPACT,
      { title: 'Root causes', synonyms: ['Root cause', 'Causes'], required: true, kind: 'cause' },
      { title: 'Trigger', synonyms: ['Triggers'], required: true, kind: 'cause' },
      { title: 'Resolution', synonyms: ['Resolution and recovery'], required: true, kind: 'resolution' },
      DETECTION,
      ACTION_ITEMS,
      {
        title: 'Lessons learned',
        synonyms: ['Lessons', 'Lessons learnt'],
        required: true,
        kind: 'lessons',
        children: [
          { title: 'What went well', required: true },
          { title: 'What went wrong', synonyms: ['What went poorly'], required: true },
          { title: 'Where we got lucky', synonyms: ['Where did we get lucky'], required: true },
        ],
      },
      TIMELINE,
      { title: 'Supporting information', required: false },
    ],
  },
  pagerduty: {
    name: 'pagerduty',
    sections: [
      { ...SUMMARY, title: 'Overview', synonyms: also('summary', 'Overview') },
      { title: 'What happened', required: false },
      { title: 'Contributing factors', synonyms: ['Contributing factor', 'Root cause', 'Root causes'], required: true, kind: 'cause' },
      { title: 'Resolution', synonyms: ['Resolution and recovery'], required: true, kind: 'resolution' },
      IMPACT,
      { title: 'Responders', required: false },
      TIMELINE,
      {
        title: "How'd we do?",
        synonyms: ['How did we do'],
        required: true,
        kind: 'lessons',
        children: [
          { title: 'What went well?', required: false },
          { title: "What didn't go so well?", synonyms: ['What did not go so well', 'What went wrong'], required: false },
        ],
      },
      ACTION_ITEMS,
      { title: 'Messaging', synonyms: ['Internal messaging', 'External messaging'], required: false },
    ],
  },
  atlassian: {
    name: 'atlassian',
    sections: [
      { ...SUMMARY, title: 'Incident summary', synonyms: also('summary', 'Incident summary') },
      // The story before the fault: a summary that tells it stands for it.
      { title: 'Leadup', synonyms: ['Lead-up', 'Lead up'], required: true, kind: 'summary' },
      { title: 'Fault', required: true, kind: 'cause' },
      IMPACT,
      DETECTION,
      { title: 'Response', required: true },
      { title: 'Recovery', required: true, kind: 'resolution' },
      TIMELINE,
      { title: 'Five whys', synonyms: ['5 whys'], required: false },
      { title: 'Root cause', synonyms: ['Root causes'], required: true, kind: 'cause' },
      { title: 'Backlog check', required: false },
      { title: 'Recurrence', required: false },
      { title: 'Lessons learned', synonyms: ['Lessons learnt', 'Lessons'], required: true, kind: 'lessons' },
      { ...ACTIONABLES, title: 'Corrective actions', synonyms: also('actionables', 'Corrective actions') },
    ],
  },
  generic: {
    name: 'generic',
    sections: [
      // What happened to whom: a summary or an impact statement, whichever the author wrote.
      { title: 'Summary', synonyms: [...also('summary', 'Summary'), ...ROLE_NAMES.impact], required: true, kind: 'summary' },
      TIMELINE,
      { title: 'Root cause', synonyms: also('cause', 'Root cause', ['what happened']), required: true, kind: 'cause' },
      ACTION_ITEMS,
    ],
  },
  minimal: {
    name: 'minimal',
    sections: [IMPACT, TIMELINE, ACTION_ITEMS],
  },
};

/** The profile used where no report says which (templates, snippets) and no configuration names one. */
export const DEFAULT_PROFILE = 'wikimedia';

/** The profile setting that picks, for each report, the built-in profile its headings follow. */
export const AUTO_PROFILE = 'auto';

/** Built-in profiles a report may be found to follow; `generic` is what the others fall back to. */
export const DETECTABLE_PROFILES = ['wikimedia', 'google-sre', 'pagerduty', 'atlassian'] as const;

/** The profile of reports that follow none of {@link DETECTABLE_PROFILES}. */
export const FALLBACK_PROFILE = 'generic';

export { normalizeTitle };

/** Every name a section answers to, normalized. */
export function sectionNames(spec: SectionSpec): string[] {
  return [spec.title, ...(spec.synonyms ?? [])].map(normalizeTitle);
}

/** Depth-first list of a profile's section specs with their parent. */
export function flattenSpecs(specs: SectionSpec[], parent?: SectionSpec): { spec: SectionSpec; parent?: SectionSpec }[] {
  return specs.flatMap((spec) => [{ spec, parent }, ...flattenSpecs(spec.children ?? [], spec)]);
}
