import type { Root } from 'mdast';
import type { ResolvedConfig } from '../config/config.js';
import type { LineIndex } from '../text.js';
import type { FrontMatter, ImpactStatement, Section } from './types.js';

/** Finds the impact statement: an Impact section, a metadata table row, an `Impact:` paragraph or front matter. */
export function findImpact(_root: Root, _sections: Section[], _frontMatter: FrontMatter | undefined, _lines: LineIndex, _config: ResolvedConfig): ImpactStatement | undefined {
  return undefined;
}
