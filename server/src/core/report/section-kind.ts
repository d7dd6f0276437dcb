import type { ResolvedConfig } from '../config/config.js';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, flattenSpecs, type SectionSpec } from '../config/profiles.js';
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

/** The first section of `kind` in the report, by the profile's title and synonyms. */
export function sectionOfKind(sections: Section[], config: ResolvedConfig, kind: Kind): Section | undefined {
  const spec = specOfKind(config, kind);
  return spec ? findSections(sections, spec)[0] : undefined;
}

/** The nodes of a section and of all its subsections, in document order (headings left out). */
export function sectionNodes(section: Section): Section['content'] {
  return [...section.content, ...section.children.flatMap(sectionNodes)];
}
