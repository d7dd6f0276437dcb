import type { ResolvedConfig } from '../config/config.js';
import type { LineIndex } from '../text.js';
import type { Actionables, Section } from './types.js';

/** Reads the items of the actionables section (list items or table rows). */
export function readActionables(_sections: Section[], _lines: LineIndex, _config: ResolvedConfig): Actionables {
  return { items: [] };
}
