// Builds the map scene of one subject (national, a province, a city or district) from the app's data: the same
// counts, class breaks, colours and markers as the live map, framed on the subject's own bounds. Used by the PNG,
// the deck (one scene per briefing slide view) and the document.
import type { Feature, Geometry } from 'geojson';
import type { Dataset, GazetteerEntry, Practice } from '../types';
import type { GeoBundle } from '../data/load';
import { loadDistricts } from '../data/load';
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

async function subjectFeature(geo: GeoBundle, adcode: number): Promise<Feature<Geometry> | null> {
  if (adcode % 10000 === 0) return geo.provinces.features.find((f) => f.properties.adcode === adcode) ?? null;
  const city = geo.cities.features.find((f) => f.properties.adcode === adcode);
  if (city) return city;
  const districts = await loadDistricts(geo, Math.floor(adcode / 10000) * 10000).catch(() => null);
  return districts?.features.find((f) => f.properties.adcode === adcode) ?? null;
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
  if (subject !== null) {
    const feature = await subjectFeature(geo, subject);
    const b = (feature && bboxOf(feature.geometry)) ?? seatBounds(geo.gazetteer.get(subject));
    if (b) bounds = padBounds(b);
    scene = { adcode: subject, province: Math.floor(subject / 10000) * 10000, feature };
  }
  return {
    provinces: geo.provinces,
    cities: geo.cities,
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
