// The programme layer (issue 27): outlines of the units of 城市更新试点 and funded-city lists. Pure style data, like
// style.ts: the controller only swaps filters and visibility (setProgrammeUnits). Units are provinces (北京市,
// 重庆市), cities, or districts — a municipality's districts sit in the cities source, a prefecture city's in the
// districts source — so each source has two line layers: solid for units with practices, dashed for those without
// (line-dasharray is not data-driven). Off by default; hidden layers cost nothing.
import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Palette } from '../theme/palette';
import { LAYER, SRC } from './ids';
import type { AppliedState } from './applied';

/** The units to outline: adcodes with practices (solid) and without (dashed). */
export interface ProgrammeMarks {
  withPractices: readonly number[];
  without: readonly number[];
}

/** [solid layer, dashed layer, source] per source. */
export const PROGRAMME_LAYERS = [
  [LAYER.programmeProvince, LAYER.programmeProvinceNone, SRC.provinces],
  [LAYER.programmeCity, LAYER.programmeCityNone, SRC.cities],
  [LAYER.programmeDistrict, LAYER.programmeDistrictNone, SRC.districts],
] as const;

/** A filter keeping the features whose adcode is listed (none for an empty list). */
export function adcodeFilter(adcodes: readonly number[]): FilterSpecification {
  return ['in', ['get', 'adcode'], ['literal', [...adcodes]]] as unknown as FilterSpecification;
}

const WIDTH = ['interpolate', ['linear'], ['zoom'], 3, 2, 8, 3.5];

export function programmeLayers(p: Palette): LayerSpecification[] {
  return PROGRAMME_LAYERS.flatMap(([solid, dashed, source]) => [
    {
      id: solid,
      type: 'line',
      source,
      filter: adcodeFilter([]),
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': p.programme, 'line-width': WIDTH },
    },
    {
      id: dashed,
      type: 'line',
      source,
      filter: adcodeFilter([]),
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': p.programme, 'line-width': WIDTH, 'line-dasharray': [1.2, 1] },
    },
  ]) as LayerSpecification[];
}

/** Shows the units of `marks` (null: none) through the applied-state record; true if anything changed. */
export function applyProgrammeUnits(applied: AppliedState, marks: ProgrammeMarks | null): boolean {
  let changed = false;
  for (const [solid, dashed] of PROGRAMME_LAYERS) {
    if (marks && applied.filter(solid, adcodeFilter(marks.withPractices))) changed = true;
    if (marks && applied.filter(dashed, adcodeFilter(marks.without))) changed = true;
    if (applied.layoutProperty(solid, 'visibility', marks?.withPractices.length ? 'visible' : 'none')) changed = true;
    if (applied.layoutProperty(dashed, 'visibility', marks?.without.length ? 'visible' : 'none')) changed = true;
  }
  return changed;
}
