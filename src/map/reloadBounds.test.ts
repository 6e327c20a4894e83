import { describe, expect, it } from 'vitest';
import { GeoJSONSource } from 'maplibre-gl';
import { coordinateBounds, installFastReloadBounds, lngLatBoundsOf } from './reloadBounds';

type Host = { _getShouldReloadTileOptions: (g: GeoJSON.Geometry[] | undefined) => { affectedBounds: { toArray(): number[][] }[] } | undefined };
// MapLibre's own method, taken before the patch is installed.
const proto = GeoJSONSource.prototype as unknown as Host;
const original = proto._getShouldReloadTileOptions;

const geometries: GeoJSON.Geometry[] = [
  { type: 'Point', coordinates: [118.8, 32.1] },
  { type: 'LineString', coordinates: [[110, 20], [121.5, 31.2], [100, 41]] },
  { type: 'Polygon', coordinates: [[[116, 30], [122, 30], [122, 35], [116, 35], [116, 30]], [[118, 31], [119, 31], [119, 32], [118, 31]]] },
  { type: 'MultiPolygon', coordinates: [[[[73.5, 39], [80, 39], [80, 45], [73.5, 39]]], [[[108.6, 18.2], [111, 18.2], [111, 20], [108.6, 18.2]]]] },
  { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [100, 10] }, { type: 'LineString', coordinates: [[90, 50], [95, 55]] }] },
];

describe('fast reload bounds (MapLibre GeoJSONSource.updateData)', () => {
  it("MapLibre still has the step it replaces (an upgrade that renames it fails here, not silently)", () => {
    expect(typeof original).toBe('function');
  });

  it("gives MapLibre's own bounds for every kind of geometry", () => {
    const theirs = original.call({}, geometries)!.affectedBounds.map((b) => b.toArray());
    const ours = geometries.map((g) => lngLatBoundsOf(g).toArray());
    expect(ours).toEqual(theirs);
  });

  it('installed, answers as MapLibre did; no diff means every tile (undefined)', () => {
    expect(installFastReloadBounds()).toBe(true);
    expect(proto._getShouldReloadTileOptions).not.toBe(original);
    expect(proto._getShouldReloadTileOptions(geometries)!.affectedBounds.map((b) => b.toArray())).toEqual(
      original.call({}, geometries)!.affectedBounds.map((b) => b.toArray()),
    );
    expect(proto._getShouldReloadTileOptions(undefined)).toBeUndefined();
  });

  it('empty coordinates have no bounds', () => {
    expect(coordinateBounds([])).toBeNull();
    expect(coordinateBounds([[], [[1, 2]]])).toEqual([1, 2, 1, 2]);
  });
});
