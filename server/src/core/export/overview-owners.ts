/**
 * The owners part of the overview: how many actionables each owner holds, open and done, and the
 * open actionables whose owner the owners list does not know or lists as inactive. Names are read
 * and matched as the owner rules read them (`owners/actionable-owners.ts`), so the overview and the
 * findings agree.
 */
import { namedOwners, openActionableOwners } from '../owners/actionable-owners.js';
import { OwnersList } from '../owners/list.js';
import { normalizeOwner, ownerMention } from '../owners/names.js';
import type { OwnerKind } from '../owners/types.js';
import type { Report } from '../report/types.js';

/** One owner's actionables across the reports of the overview. */
export interface OwnerLoad {
  /** As the owners list writes it (`@org/team`, `@user`, an e-mail address), else as the reports do. */
  owner: string;
  /** What the owners list says: still active, inactive, or not in the list; absent without a list. */
  status?: 'active' | 'inactive' | 'unknown';
  kind?: OwnerKind;
  open: number;
  done: number;
}

const EMPTY = new OwnersList([]);

/**
 * Actionables per owner over `reports`, each report with the owners list of its configuration
 * (none: names are counted as written). Most open first, then most done, then by name.
 */
export function ownerLoads(reports: readonly { report: Report; owners?: OwnersList }[]): OwnerLoad[] {
  const loads = new Map<string, OwnerLoad>();
  for (const { report, owners } of reports) {
    const list = owners ?? EMPTY;
    for (const item of report.actionables.items) {
      for (const named of namedOwners(item, report.lines, list)) {
        const known = named.known;
        const key = normalizeOwner(known?.name ?? named.name);
        let load = loads.get(key);
        if (!load) {
          load = { owner: known ? ownerMention(known) : named.name, open: 0, done: 0 };
          if (!list.isEmpty) load.status = known ? known.status : 'unknown';
          if (known) load.kind = known.kind;
          loads.set(key, load);
        }
        if (item.done === true) load.done++;
        else load.open++;
      }
    }
  }
  return [...loads.values()].sort((a, b) => b.open - a.open || b.done - a.done || a.owner.localeCompare(b.owner));
}

/** An open actionable whose owner the list does not know, or knows as inactive. */
export interface OwnerProblem {
  kind: 'actionable-unknown-owner' | 'actionable-inactive-owner';
  message: string;
  line: number;
}

/** The owner problems of one report's open actionables; none without an owners list. */
export function ownerProblems(report: Report, owners: OwnersList | undefined): OwnerProblem[] {
  if (!owners) return [];
  const problems: OwnerProblem[] = [];
  for (const { item, owners: named } of openActionableOwners(report, owners)) {
    const line = item.range.start.line + 1;
    for (const owner of named) {
      if (!owner.known) problems.push({ kind: 'actionable-unknown-owner', message: `Actionable owned by ${owner.name}, who is not in the owners list: ${item.text}`, line });
      else if (owner.known.status === 'inactive') problems.push({ kind: 'actionable-inactive-owner', message: `Actionable owned by ${owner.name}, no longer an active maintainer: ${item.text}`, line });
    }
  }
  return problems;
}

/** What the text and HTML tables say of an owner beside the counts. */
export function ownerNote(load: OwnerLoad): string {
  if (load.status === 'unknown') return 'not in the owners list';
  if (load.status === 'inactive') return 'inactive';
  return '';
}
