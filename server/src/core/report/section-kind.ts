import type { ResolvedConfig } from '../config/config.js';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, flattenSpecs, sectionNames, type SectionSpec } from '../config/profiles.js';
import { findSections } from './sections.js';
import type { Section } from './types.js';

type Kind = NonNullable<SectionSpec['kind']>;

/**
 * The profile's spec for a kind of section. A custom profile that does not mark any section of
 * this kind still gets the built-in names, so its actionables and detection are still read.
 */
export function specOfKind(config: ResolvedConfig, kind: Kind): SectionSpec | undefined {
  const own = flattenSpecs(config.profile.sections).find(({ spec }) => spec.kind === kind);
  if (own) return own.spec;
  return flattenSpecs(BUILTIN_PROFILES[DEFAULT_PROFILE].sections).find(({ spec }) => spec.kind === kind)?.spec;
}

/**
 * The section of `kind` in the report, by the profile's title and synonyms: of several, the one
 * named most plainly (the earliest name in the list), then the first. A report with "Preventive
 * measures" and, further down, "Action items" with owners lists its actionables in the latter.
 */
export function sectionOfKind(sections: Section[], config: ResolvedConfig, kind: Kind): Section | undefined {
  const spec = specOfKind(config, kind);
  if (!spec) return undefined;
  const found = findSections(sections, spec);
  if (found.length < 2) return found[0];
  const names = sectionNames(spec);
  const rank = (s: Section): number => Math.min(...[s.normalized, s.core].map((n) => names.indexOf(n)).filter((i) => i >= 0));
  return found.reduce((best, s) => (rank(s) < rank(best) ? s : best));
}

/** The nodes of a section and of all its subsections, in document order (headings left out). */
export function sectionNodes(section: Section): Section['content'] {
  return [...section.content, ...section.children.flatMap(sectionNodes)];
}
