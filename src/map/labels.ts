// Place labels: the desk or projector sizes, the language of the names, and which places are named in a briefing.
// Pure functions over the applied-state record (applied.ts), so that a label rule is one function to change.
import type { AppliedState } from './applied';
import { LAYER } from './ids';
import { labelLayout, labelTextField } from './style';

/**
 * In a briefing only the focused province's places are named (a national slide names provinces, not cities). The
 * expression is the style's version of geometry/adcode provinceOf.
 */
export function markerLabelFilter(briefing: boolean, province: number | null): unknown {
  return briefing ? ['==', ['*', ['floor', ['/', ['get', 'adcode'], 10000]], 10000], province ?? -1] : null;
}

/**
 * Projector labels in a briefing (issue 13.2: ≥ 20 px at 1920×1080): larger text, and the names of the focused
 * province's places from any zoom (a large province is framed below the zoom where city names normally appear);
 * elsewhere the desk sizes.
 */
export function applyLabelLayout(applied: AppliedState, briefing: boolean, province: number | null): void {
  const l = labelLayout(briefing);
  applied.layoutProperty(LAYER.provinceLabels, 'text-size', l.provinceSize);
  applied.layoutProperty(LAYER.markerLabels, 'text-size', l.markerSize);
  applied.zoomRange(LAYER.markerLabels, l.markerMinZoom, 24);
  applied.filter(LAYER.markerLabels, markerLabelFilter(briefing, province));
}

/** Names the place labels in another language (adcode → name), or in Chinese with null. True if anything changed. */
export function applyLabelNames(applied: AppliedState, names: ReadonlyMap<number, string> | null): boolean {
  const field = labelTextField(names);
  // Both layers show the same field: unchanged for one means unchanged for both.
  if (!applied.layoutProperty(LAYER.provinceLabels, 'text-field', field)) return false;
  applied.layoutProperty(LAYER.markerLabels, 'text-field', field);
  return true;
}
