// A faster version of one step of MapLibre's GeoJSONSource.updateData, installed once by create.ts.
//
// Why: after each diff MapLibre computes the bounds of every changed feature's geometry (removed and added) to know
// which tiles to reload. Its getGeoJSONBounds first flattens the coordinates (flatMap, one array per level) and then
// extends an LngLatBounds point by point (two LngLat objects per point). A slide or a click swaps 10–30k points of
// province, city and district outlines: measured 38 ms of a province slide's main thread and 87 ms of a click on 江苏
// (Chrome trace, software GL, 2 cores), all before the map may move. The same bounds in one tight loop take < 1 ms.
// Same contract as MapLibre 6's private method (reloadBounds.test.ts holds it against MapLibre's own on the same
// geometries, and fails if an upgrade renames or drops the method, so that the patch is never silently lost).
import { GeoJSONSource, LngLatBounds } from 'maplibre-gl';

type Position = readonly number[];
type Nested = Position | readonly Nested[];

/** [w, s, e, n] of any nesting of positions, or null when it has none. */
export function coordinateBounds(coords: Nested | undefined, box: number[] | null = null): number[] | null {
  if (!coords || coords.length === 0) return box;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as Position;
    if (!box) return [x!, y!, x!, y!];
    if (x! < box[0]!) box[0] = x!;
    if (y! < box[1]!) box[1] = y!;
    if (x! > box[2]!) box[2] = x!;
    if (y! > box[3]!) box[3] = y!;
    return box;
  }
  for (const c of coords as readonly Nested[]) box = coordinateBounds(c, box);
  return box;
}

function geometryBounds(g: GeoJSON.Geometry, box: number[] | null = null): number[] | null {
  if (g.type === 'GeometryCollection') {
    for (const x of g.geometries) box = geometryBounds(x, box);
    return box;
  }
  return coordinateBounds(g.coordinates as Nested, box);
}

/** What MapLibre's getGeoJSONBounds returns for a geometry (an empty LngLatBounds when it has no position). */
export function lngLatBoundsOf(g: GeoJSON.Geometry): LngLatBounds {
  const b = geometryBounds(g);
  return b ? new LngLatBounds([b[0]!, b[1]!], [b[2]!, b[3]!]) : new LngLatBounds();
}

interface ReloadOptionsHost {
  _getShouldReloadTileOptions?: (geometries: GeoJSON.Geometry[] | undefined) => { affectedBounds: LngLatBounds[] } | undefined;
}

/** Installs the fast bounds (idempotent); false when this MapLibre has no such step (then its own runs). */
export function installFastReloadBounds(): boolean {
  const proto = GeoJSONSource.prototype as unknown as ReloadOptionsHost;
  if (typeof proto._getShouldReloadTileOptions !== 'function') return false;
  proto._getShouldReloadTileOptions = (geometries) =>
    geometries ? { affectedBounds: geometries.filter(Boolean).map(lngLatBoundsOf) } : undefined;
  return true;
}
