// Builds the map scene of one subject (national, a province, a city or district) from the app's data: the same
// counts, class breaks, colours and markers as the live map, framed on the subject's own bounds. Used by the PNG,
// the deck (one scene per briefing slide view) and the document.
import type { Feature, Geometry } from 'geojson';
import type { Dataset, GazetteerEntry, Practice, RegionCollection } from '../types';
import type { GeoBundle } from '../data/load';
import { loadDetail, loadDistricts, type DetailSlice } from '../data/load';
import { countsByRegion, markerPoints } from '../store/selectors';
import { classIndex } from '../store/classes';
import { classColors, type Palette } from '../theme/palette';
import { bboxOf } from './geometry';
import type { Bounds, MapScene } from './mapImage';

export interface SceneInput {
  dataset: Dataset;
  geo: GeoBundle;
  practices: readonly Practice[];
  breaks: readonly number[];
  palette: Palette;
  fontFamily: string;
}

/** A region's bounds with some margin, never smaller than `minSpan` degrees, so a small district keeps context. */
export function padBounds(b: Bounds, ratio = 0.08, minSpan = 0.8): Bounds {
  const [w, s, e, n] = b;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max(minSpan, (e - w) * (1 + 2 * ratio)) / 2;
  const hh = Math.max(minSpan, (n - s) * (1 + 2 * ratio)) / 2;
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}

/**
 * The subject's province at the first level of detail (what the live map draws once it is focused): a province
 * framed alone needs more than the national level's borders, whose lines between its cities are coarse (see
 * NATIONAL.cityPx in geo/build-core.ts). Null without levels, or when the file cannot be had (the national level
 * then draws it, as before).
 */
async function provinceDetail(geo: GeoBundle, province: number): Promise<DetailSlice | null> {
  const first = geo.lod?.levels[0];
  if (!first) return null;
  return loadDetail(geo, first.level, province).catch(() => null);
}

async function subjectFeature(geo: GeoBundle, adcode: number, detail: DetailSlice | null): Promise<Feature<Geometry> | null> {
  const own = (fc: RegionCollection | null | undefined) => fc?.features.find((f) => f.properties.adcode === adcode) ?? null;
  if (adcode % 10000 === 0) return own(detail?.provinces) ?? own(geo.provinces);
  const city = own(detail?.cities) ?? own(geo.cities);
  if (city) return city;
  if (detail) return own(detail.districts);
  const districts = await loadDistricts(geo, Math.floor(adcode / 10000) * 10000).catch(() => null);
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

/** The scene for a subject; null = the national view. */
export async function buildScene(input: SceneInput, subject: number | null): Promise<MapScene> {
  const { dataset, geo, practices, breaks, palette } = input;
  const counts = countsByRegion(dataset, practices);
  const colors = classColors(palette, breaks.length);
  const provinceFill = (adcode: number) => {
    const ci = classIndex(counts.get(adcode) ?? 0, breaks);
    return ci < 0 ? palette.noData : (colors[ci] ?? palette.noData);
  };
  const markers = markerPoints(dataset, practices).flatMap((m) => {
    const g = geo.gazetteer.get(m.adcode);
    return g ? [{ adcode: m.adcode, label: g.short || m.name, count: m.count, at: g.center }] : [];
  });
  const provinceLabels = geo.provinces.features.flatMap((f) =>
    (counts.get(f.properties.adcode) ?? 0) > 0 && f.properties.labelPoint ? [{ label: f.properties.short, at: f.properties.labelPoint }] : [],
  );
  let scene: MapScene['subject'] = null;
  let bounds: Bounds = geo.meta.nationalBounds;
  let provinces = geo.provinces;
  let cities = geo.cities;
  if (subject !== null) {
    const province = Math.floor(subject / 10000) * 10000;
    const detail = await provinceDetail(geo, province);
    provinces = withDetail(geo.provinces, detail?.provinces, province);
    cities = withDetail(geo.cities, detail?.cities, province);
    const feature = await subjectFeature(geo, subject, detail);
    const b = (feature && bboxOf(feature.geometry)) ?? seatBounds(geo.gazetteer.get(subject));
    if (b) bounds = padBounds(b);
    scene = { adcode: subject, province, feature };
  }
  return {
    provinces,
    cities,
    dash: geo.dash,
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
    // Zoomed in, only the markers of the subject's province are labelled (others may sit at the frame's edge).
    markers:
      subject === null
        ? markers
        : markers.map((m) => (Math.floor(m.adcode / 10000) === Math.floor(subject / 10000) ? m : { ...m, label: '' })),
    provinceLabels,
    subject: scene,
    bounds,
    fontFamily: input.fontFamily,
  };
}
