/**
 * Milestones the imported entries suggest, read with the report checks' own lexicon
 * (`findMilestoneCues`): the first entry that names a detection, every entry that names a
 * mitigation (rollback, revert, failover), the last that names a resolution, and the first that
 * names an impact start. They are proposals for the author: the import never writes a marker.
 */
import type { Milestone } from '../report/types.js';
import { MILESTONE_INFO } from '../report/timeline/lexicon.js';
import { findMilestoneCues, mayNameMilestone } from '../report/timeline/milestones.js';
import type { PlacedEntry } from './window.js';

/** One proposed milestone: which, on which imported entry, from which words. */
export interface MilestoneProposal {
  milestone: Milestone;
  utc: number;
  text: string;
  /** The words of the entry that name it: `alert … firing`, `rolled back`. */
  words: string;
  /** The marker to add to the entry to confirm it (`[detected]`). */
  marker: string;
}

/** The proposals for `entries` (in time order), in milestone order. */
export function proposeMilestones(entries: readonly PlacedEntry[]): MilestoneProposal[] {
  const found: Record<Milestone, MilestoneProposal[]> = { start: [], detected: [], mitigated: [], resolved: [] };
  for (const e of entries) {
    // Most log lines name no milestone: one pass over the lexicon's patterns tells which.
    if (!mayNameMilestone(e.text)) continue;
    for (const cue of findMilestoneCues(e.text, e.text, [])) {
      found[cue.milestone].push({ milestone: cue.milestone, utc: e.utc, text: e.text, words: cue.words, marker: MILESTONE_INFO[cue.milestone].marker });
    }
  }
  return [...found.start.slice(0, 1), ...found.detected.slice(0, 1), ...found.mitigated, ...found.resolved.slice(-1)];
}
