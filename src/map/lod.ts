// Level-of-detail choice, pure: from the view (bounds and zoom), the focused province and what is loaded, which
// (level, province) files to request and which provinces to put back on the national level; and, from the loaded
// slices, the three collections the map's sources hold. No MapLibre here: lod.test.ts covers every rule.
//
// The rules: each province is drawn at the finest level loaded for it, never coarser than what is already on
// screen (a finer file replaces the coarser geometry when it arrives: no blank in between, no flash). Only the
// provinces in view (and the focused one) keep a level in the sources: every province loaded costs parsing,
// tiling and drawing in every frame (measured: half a view of margin took 江苏's frame from 5 to 14 provinces at
// level 1, +3 s to idle in software GL; a briefing that had visited every province kept them all at their finest
// level and every later update re-tiled and drew all of them). Dropped files stay cached (data/load.ts).
import type { DetailSlice, RegionFeature } from './features';
import { CITY_EVERYWHERE_ZOOM, DISTRICT_EVERYWHERE_ZOOM } from './style';

export type BBox = readonly [number, number, number, number];

export interface LevelRange {
  level: number;
  minZoom: number;
  maxZoom: number;
}

export interface DetailLevels {
  /** Ascending; a level is drawn from its minZoom on (the previous level's maxZoom). */
  levels: readonly LevelRange[];
  /** Every province with its bbox [w, s, e, n], to know which are in view. */
  provinces: readonly { adcode: number; bbox: BBox }[];
  load: (level: number, province: number) => Promise<DetailSlice | null>;
}

/** The level of detail for a zoom: the one whose range holds it (beyond the last: the last); none below the first. */
export function levelFor(levels: readonly LevelRange[], zoom: number): number | null {
  let pick: number | null = null;
  for (const l of levels) if (zoom > l.minZoom) pick = l.level;
  return pick;
}

function intersects(a: BBox, b: BBox): boolean {
  return !(a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3]);
}

export interface DetailView {
  /** [w, s, e, n] of the view: the view itself, no margin (see the rules above). */
  bounds: BBox;
  zoom: number;
  /** The focused (selected) province: it keeps its detail wherever the camera goes. */
  focus: number | null;
}

export interface DetailPlan {
  /** The level for this zoom (null: below the first level, national geometry only). */
  level: number | null;
  /** Provinces whose slice leaves the sources (back to the national level). */
  drop: number[];
  /** Files to fetch: provinces in view not yet at this level. */
  request: { level: number; province: number }[];
}

/** What a camera position asks of the levels of detail, given the level each province is drawn at now. */
export function planDetail(
  view: DetailView,
  levels: readonly LevelRange[],
  provinces: readonly { adcode: number; bbox: BBox }[],
  loaded: ReadonlyMap<number, number>,
): DetailPlan {
  const level = levelFor(levels, view.zoom);
  const drop: number[] = [];
  for (const province of loaded.keys()) {
    if (province === view.focus) continue;
    const p = provinces.find((x) => x.adcode === province);
    if (level === null || !p || !intersects(p.bbox, view.bounds)) drop.push(province);
  }
  const request: DetailPlan['request'] = [];
  if (level !== null) {
    for (const p of provinces) {
      if (intersects(p.bbox, view.bounds) && (loaded.get(p.adcode) ?? -1) < level) request.push({ level, province: p.adcode });
    }
  }
  return { level, drop, request };
}

/** Whether a slice arriving for `province` should replace what is drawn (never coarser than what is on screen). */
export function isFiner(loaded: ReadonlyMap<number, number>, province: number, level: number): boolean {
  return (loaded.get(province) ?? -1) < level;
}

export interface DetailCollections {
  provinces: RegionFeature[];
  cities: RegionFeature[];
  /** The districts drawn (see composeDetail). */
  districts: RegionFeature[];
  /** Every district of the slices, drawn or not (their bounds frame a district subject). */
  allDistricts: RegionFeature[];
  /** Identifies the combination of slices: equal keys, equal collections (no setData needed). */
  key: string;
}

/**
 * The sources' contents: each province from its slice when it has one (else the national feature), the cities of
 * provinces without a slice from the national file plus every slice's cities, and the districts of the slices for
 * which `districtsOf` says they are drawn (in province order, so that the same slices give the same collections).
 * Districts show only inside the focused province below DISTRICT_EVERYWHERE_ZOOM (style.ts): a province slide's
 * neighbours' districts were most of what each slide change sent to the worker and cut into tiles. Likewise a
 * slice's cities replace the national ones only where `citiesOf` says city borders are drawn (the focused province,
 * from CITY_EVERYWHERE_ZOOM everywhere): a neighbour in view needs its finer outline (it meets the focused
 * province's), not its finer cities, which were two thirds of each neighbour's share of a slide's update.
 */
export function composeDetail(
  national: { provinces: readonly RegionFeature[]; cities: readonly RegionFeature[] },
  slices: ReadonlyMap<number, DetailSlice>,
  districtsOf: (province: number) => boolean = () => true,
  citiesOf: (province: number) => boolean = () => true,
): DetailCollections {
  const provinces = national.provinces.map((f) => slices.get(f.properties.adcode)?.provinces.features[0] ?? f);
  const ordered = [...slices.values()].sort((a, b) => a.province - b.province);
  const finerCities = new Set(ordered.filter((s) => citiesOf(s.province)).map((s) => s.province));
  const cities = national.cities.filter((f) => !finerCities.has(f.properties.province));
  const districts: RegionFeature[] = [];
  const allDistricts: RegionFeature[] = [];
  const keys: string[] = [];
  for (const slice of ordered) {
    const withCities = finerCities.has(slice.province);
    if (withCities) cities.push(...slice.cities.features);
    const withDistricts = districtsOf(slice.province);
    allDistricts.push(...(slice.districts?.features ?? []));
    if (withDistricts) districts.push(...(slice.districts?.features ?? []));
    keys.push(`${slice.province}:${slice.level}${withCities ? '' : 'c'}${withDistricts ? '' : '-'}`);
  }
  return { provinces, cities, districts, allDistricts, key: keys.join(',') };
}

/** Whether a province's districts, and its finer cities, go on the map at a zoom (null: the map's zoom now). */
export interface DetailDrawn {
  districts: (province: number, zoom: number | null) => boolean;
  cities: (province: number, zoom: number | null) => boolean;
}

/**
 * The rules of composeDetail's `districtsOf` and `citiesOf`: the focused province's always; everyone's from the zoom
 * where style.ts draws them everywhere; and every province's finer cities while programme units are outlined (a
 * unit's outline is drawn in any province).
 */
export function detailDrawn(now: () => { focus: number | null; zoom: number; programmes: boolean }): DetailDrawn {
  return {
    districts: (p, zoom) => {
      const s = now();
      return p === s.focus || (zoom ?? s.zoom) >= DISTRICT_EVERYWHERE_ZOOM;
    },
    cities: (p, zoom) => {
      const s = now();
      return p === s.focus || (zoom ?? s.zoom) >= CITY_EVERYWHERE_ZOOM || s.programmes;
    },
  };
}

/**
 * The [w, s, e, n] a map of `width` × `height` CSS px shows at `center` and `zoom` (Web Mercator, 512 px tiles, no
 * rotation): the view a camera move will end on, known before it starts, so that its files are asked for first.
 */
export function viewBounds(center: readonly [number, number], zoom: number, width: number, height: number): BBox {
  const world = 512 * 2 ** zoom;
  const x = (center[0] + 180) / 360;
  const y = (1 - Math.log(Math.tan(Math.PI / 4 + (center[1] * Math.PI) / 360)) / Math.PI) / 2;
  const lat = (my: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
  const dx = width / 2 / world;
  const dy = height / 2 / world;
  return [(x - dx) * 360 - 180, lat(Math.min(1, y + dy)), (x + dx) * 360 - 180, lat(Math.max(0, y - dy))];
}
