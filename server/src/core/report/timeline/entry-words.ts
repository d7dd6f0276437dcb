/**
 * The words of one timeline entry, read once: its milestones, milestone cues and the words that
 * say the impact goes on or had begun earlier. A pure function of the entry's text, so that the
 * readings can be kept across versions of a document (`rememberingEntryReader`).
 */
import type { Milestone, MilestoneCue } from '../types.js';
import { impactBegunEarlier } from './impact-course.js';
import { findImpactGoesOn, findMilestoneCues, findMilestones } from './milestones.js';

/** What the words of one entry say, a pure function of them. Shared between entries and versions: never change it. */
export interface EntryReading {
  milestones: Milestone[];
  cues: MilestoneCue[];
  goesOn: string | null;
  begunEarlier: string | null;
}

/** Reads the words of one entry: its plain text, the text after its time, its emphasised spans. */
export type EntryReader = (text: string, rest: string, emphasis: readonly string[]) => EntryReading;

/** Reads an entry's milestones, milestone cues and words about the impact going on or begun earlier. */
export const readEntryWords: EntryReader = (text, rest, emphasis) => ({
  milestones: findMilestones(text, rest, emphasis),
  cues: findMilestoneCues(text, rest, emphasis),
  goesOn: findImpactGoesOn(rest) ?? null,
  begunEarlier: impactBegunEarlier(rest) ?? null,
});

/**
 * An {@link EntryReader} that remembers what it read, for the versions of one document: typing
 * in one entry re-reads the chunk that holds it, and its other entries keep their words. Keeps
 * the readings of about the last `limit` distinct entries (two generations).
 */
export function rememberingEntryReader(limit = 20_000): EntryReader {
  let current = new Map<string, EntryReading>();
  let older = new Map<string, EntryReading>();
  return (text, rest, emphasis) => {
    const key = emphasis.length > 0 ? `${text}\u0000${rest}\u0000${emphasis.join('\u0000')}` : `${text}\u0000${rest}`;
    let reading = current.get(key);
    if (reading) return reading;
    reading = older.get(key) ?? readEntryWords(text, rest, emphasis);
    if (current.size >= limit) {
      older = current;
      current = new Map();
    }
    current.set(key, reading);
    return reading;
  };
}
