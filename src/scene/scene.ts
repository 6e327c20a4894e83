// The map scene of one subject (national, a province, a city or district) built from the app's data: the same
// counts, class breaks, colours and markers as the live map, framed on the subject's own bounds. The SVG map (the
// national scene) and the exports — PNG, the deck (one scene per briefing slide view) and the document — draw
// what this returns, so the two renderers cannot disagree about what is on the map. Below the features.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Dataset, GazetteerEntry, Practice, RegionCollection, RegionProps } from '../types';
import type { GeoBundle } from '../data/load';
import { loadDetail, loadDistricts, type DetailSlice } from '../data/load';
import { countsByRegion, markerPoints } from '../store/selectors';
import { classIndex } from '../store/classes';
import { classColors, type Palette } from '../theme/palette';
import { bboxOf, padBounds, type Bounds } from '../geometry/bounds';
import { isProvince, provinceOf, sameProvince } from '../geometry/adcode';

export type RegionFeatures = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

export interface MapColors {
  background: string;
  noData: string;
  outline: string;
  cityOutline: string;
  dash: string;
  marker: string;
  markerStroke: string;
  label: string;
  labelHalo: string;
  selected: string;
}

export interface SceneMarker {
  adcode: number;
  /** Full name (tooltips, accessible names). */
  name: string;
  /** Short name drawn beside the marker; '' = unlabelled. */
  label: string;
  count: number;
  at: [number, number];
}

export interface MapScene {
  provinces: RegionFeatures;
  cities: RegionFeatures;
  dash: FeatureCollection;
  /** Practices counted per region (provinces included). */
  counts: ReadonlyMap<number, number>;
  /** Fill colour of a province (its class colour, or noData). */
  provinceFill: (adcode: number) => string;
  colors: MapColors;
  /** City and district markers with their seats; radius grows with the count (markerRadius), as on the live map. */
  markers: SceneMarker[];
  /** Province labels of the national view (short names), at each province's label point. */
  provinceLabels: { label: string; at: [number, number]; adcode: number }[];
  /** The subject: null = the nation; else the region outlined (its province's cities are drawn too). */
  subject: { adcode: number; province: number; feature: Feature<Geometry> | null } | null;
  bounds: Bounds;
  fontFamily: string;
  /**
   * Programme units to outline (issue 27: a programme's slide and page): solid where the unit has practices, dashed
   * where not — apart in grey print too, as on the live map.
   */
  programme?: { withPractices: readonly number[]; without: readonly number[]; color: string };
}

/** A marker's radius in CSS pixels for a count, on every map. */
export function markerRadius(count: number): number {
  return 4 + 3 * Math.sqrt(count);
}

export interface SceneInput {
  dataset: Dataset;
  geo: GeoBundle;
  practices: readonly Practice[];
  breaks: readonly number[];
  palette: Palette;
  fontFamily: string;
}

/**
 * The subject's province at a level of detail: a province framed alone needs more than the national level's
 * borders, whose lines between its cities are coarse (see NATIONAL.cityPx in geo/build-core.ts). Exports are drawn
 * at print size (a Word figure at 300 dpi, a slide at 2×), finer than the live map's province view: the first level
 * made for zoom 8 or more, else the finest. Null without levels, or when the file cannot be had (the national level
 * then draws it, as before).
 */
async function provinceDetail(geo: GeoBundle, province: number): Promise<DetailSlice | null> {
  const levels = geo.lod?.levels ?? [];
  const forPrint = levels.find((l) => l.maxZoom >= PRINT_ZOOM) ?? levels[levels.length - 1];
  if (!forPrint) return null;
  return loadDetail(geo, forPrint.level, province).catch(() => null);
}

/** The zoom a province drawn at print size needs its borders simplified for (within 1 px). */
const PRINT_ZOOM = 8;

async function subjectFeature(geo: GeoBundle, adcode: number, detail: DetailSlice | null): Promise<Feature<Geometry> | null> {
  const own = (fc: RegionCollection | null | undefined) => fc?.features.find((f) => f.properties.adcode === adcode) ?? null;
  if (isProvince(adcode)) return own(detail?.provinces) ?? own(geo.provinces);
  const city = own(detail?.cities) ?? own(geo.cities);
  if (city) return city;
  if (detail) return own(detail.districts);
  const districts = await loadDistricts(geo, provinceOf(adcode)).catch(() => null);
  return own(districts);
}

/** The national collection with the subject province's features replaced by its level of detail. */
function withDetail(national: RegionCollection, detail: RegionCollection | undefined, province: number): RegionCollection {
  if (!detail) return national;
  return { ...national, features: [...national.features.filter((f) => f.properties.province !== province), ...detail.features] };
}

function seatBounds(g: GazetteerEntry | undefined): Bounds | null {
  if (!g) return null;
  const [x, y] = g.center;
  return [x - 0.4, y - 0.3, x + 0.4, y + 0.3];
}

/** The national scene: what the SVG map draws, and the start of every export's scene. Synchronous. */
export function nationalScene(input: SceneInput): MapScene {
  const { dataset, geo, practices, breaks, palette } = input;
  const counts = countsByRegion(dataset, practices);
  const colors = classColors(palette, breaks.length);
  const provinceFill = (adcode: number) => {
    const ci = classIndex(counts.get(adcode) ?? 0, breaks);
    return ci < 0 ? palette.noData : (colors[ci] ?? palette.noData);
  };
  const markers = markerPoints(dataset, practices).flatMap((m): SceneMarker[] => {
    const g = geo.gazetteer.get(m.adcode);
    return g ? [{ adcode: m.adcode, name: m.name, label: g.short || m.name, count: m.count, at: g.center }] : [];
  });
  const provinceLabels = geo.provinces.features.flatMap((f) =>
    (counts.get(f.properties.adcode) ?? 0) > 0 && f.properties.labelPoint ? [{ label: f.properties.short, at: f.properties.labelPoint, adcode: f.properties.adcode }] : [],
  );
  return {
    provinces: geo.provinces,
    cities: geo.cities,
    dash: geo.dash,
    counts,
    provinceFill,
    colors: {
      background: palette.background,
      noData: palette.noData,
      outline: palette.outline,
      cityOutline: palette.cityOutline,
      dash: palette.dash,
      marker: palette.marker,
      markerStroke: palette.markerStroke,
      label: palette.label,
      labelHalo: palette.labelHalo,
      selected: palette.selected,
    },
    markers,
    provinceLabels,
    subject: null,
    bounds: geo.meta.nationalBounds,
    fontFamily: input.fontFamily,
  };
}

/** The scene for a subject; null = the national view. */
export async function buildScene(input: SceneInput, subject: number | null): Promise<MapScene> {
  if (subject === null) return nationalScene(input);
  const { geo } = input;
  const detail = await provinceDetail(geo, provinceOf(subject));
  const feature = await subjectFeature(geo, subject, detail);
  return sceneWith(input, subject, detail, feature);
}

/**
 * The scene for a subject at once, from the national level only (a district subject is framed on its seat): for
 * a print started before `buildScene` could fetch the subject's detail (Ctrl+P composes synchronously).
 */
export function sceneNow(input: SceneInput, subject: number | null): MapScene {
  if (subject === null) return nationalScene(input);
  const own = (fc: RegionCollection) => fc.features.find((f) => f.properties.adcode === subject) ?? null;
  return sceneWith(input, subject, null, own(input.geo.provinces) ?? own(input.geo.cities));
}

function sceneWith(input: SceneInput, subject: number, detail: DetailSlice | null, feature: Feature<Geometry> | null): MapScene {
  const national = nationalScene(input);
  const { geo } = input;
  const province = provinceOf(subject);
  const b = (feature && bboxOf(feature.geometry)) ?? seatBounds(geo.gazetteer.get(subject));
  return {
    ...national,
    provinces: withDetail(geo.provinces, detail?.provinces, province),
    cities: withDetail(geo.cities, detail?.cities, province),
    // Zoomed in, only the markers of the subject's province are labelled (others may sit at the frame's edge).
    markers: national.markers.map((m) => (sameProvince(m.adcode, subject) ? m : { ...m, label: '' })),
    subject: { adcode: subject, province, feature },
    bounds: b ? padBounds(b) : national.bounds,
  };
}
