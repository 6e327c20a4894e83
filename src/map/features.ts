// Pure builders of the small GeoJSON collections the controller feeds to its sources.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DetailSlice, GazetteerEntry, Level, RegionCollection, RegionFeature } from '../types';

export type { DetailSlice, RegionCollection, RegionFeature };


export interface MarkerInput {
  adcode: number;
  count: number;
}

export interface MarkerProps {
  adcode: number;
  name: string;
  short: string;
  level: Level;
  count: number;
}

/**
 * Markers stand on the seat (`center`) of each city or district actor. A marker whose adcode is not in the
 * gazetteer is reported, not dropped silently: the caller shows the list.
 */
export function markerCollection(
  points: readonly MarkerInput[],
  gazetteer: ReadonlyMap<number, GazetteerEntry>,
): { collection: FeatureCollection<Point, MarkerProps>; missing: number[] } {
  const missing: number[] = [];
  const features: Feature<Point, MarkerProps>[] = [];
  for (const p of points) {
    const g = gazetteer.get(p.adcode);
    if (!g) {
      missing.push(p.adcode);
      continue;
    }
    features.push({
      type: 'Feature',
      id: p.adcode,
      geometry: { type: 'Point', coordinates: g.center },
      properties: { adcode: p.adcode, name: g.name, short: g.short, level: g.level, count: p.count },
    });
  }
  // Big circles first so that small ones are drawn on top and stay clickable.
  features.sort((a, b) => b.properties.count - a.properties.count || a.properties.adcode - b.properties.adcode);
  return { collection: { type: 'FeatureCollection', features }, missing };
}
