import { afterEach, describe, expect, it, vi } from 'vitest';
import { topology } from 'topojson-server';
import type { Feature, Polygon } from 'geojson';
import type { GeoBundle } from '../data/load';
import type { GazetteerEntry, RegionCollection, RegionProps } from '../types';
import { city, createDataset, createPractice } from '../store/test-helpers';
import { paletteOf } from '../theme/palette';
import { buildScene, nationalScene } from './scene';

const square = (props: RegionProps, w: number, s: number, size: number): Feature<Polygon, RegionProps> => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]] },
});
const fc = (features: Feature<Polygon, RegionProps>[]): RegionCollection => ({ type: 'FeatureCollection', features });
const jiangsu: RegionProps = { adcode: 320000, name: '江苏省', short: '江苏', level: 'province', province: 320000 };
const suzhou: RegionProps = { adcode: 320500, name: '苏州市', short: '苏州', level: 'city', province: 320000 };
const anhui: RegionProps = { adcode: 340000, name: '安徽省', short: '安徽', level: 'province', province: 340000 };
const entry = (p: RegionProps, parent: number): GazetteerEntry => ({ adcode: p.adcode, name: p.name, short: p.short, level: p.level, parent, center: [120.5, 31.5] });

// The national level: coarse squares. Level 1 of 江苏: its own, finer shapes (other coordinates).
function createGeo(withLevels: boolean): GeoBundle {
  return {
    provinces: fc([square(jiangsu, 116, 30, 6), square(anhui, 110, 30, 6)]),
    cities: fc([square(suzhou, 120, 31, 1), square({ ...anhui, adcode: 340100, level: 'city' }, 110, 30, 1)]),
    dash: { type: 'FeatureCollection', features: [] },
    inset: { type: 'FeatureCollection', features: [] },
    meta: { attribution: { zh: '', en: '' }, nationalBounds: [73, 18, 135, 54] },
    gazetteer: new Map([entry(jiangsu, 100000), entry(suzhou, 320000), entry(anhui, 100000)].map((g) => [g.adcode, g])),
    districtProvinces: new Set(),
    ...(withLevels
      ? { lod: { levels: [{ level: 1, minZoom: 4.5, maxZoom: 8, px: 1, path: 'lod/1/' }], provinces: [{ adcode: 320000, bbox: [116, 30, 122, 36], districts: false }, { adcode: 340000, bbox: [110, 30, 116, 36], districts: false }] } }
      : {}),
  };
}

const level1 = topology({
  provinces: fc([square(jiangsu, 116.5, 30.5, 5)]),
  cities: fc([square(suzhou, 120.25, 31.25, 0.5)]),
});

function createInput(geo: GeoBundle) {
  const dataset = createDataset({ practices: [createPractice({ id: '1-1-1-1', actors: [city(320500, '苏州市')] })] });
  return { dataset, geo, practices: dataset.practices, breaks: [1, 2], palette: paletteOf('light'), fontFamily: 'sans-serif' };
}

const firstPoint = (c: RegionCollection, adcode: number) => (c.features.find((f) => f.properties.adcode === adcode)?.geometry as Polygon | undefined)?.coordinates[0]?.[0];

describe('buildScene: a province framed alone is drawn from its level of detail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("uses level 1 for the subject's province and its cities, the national level for the rest", async () => {
    const fetch = vi.fn(async (url: string) => (url.endsWith('lod/1/320000.topo.json') ? new Response(JSON.stringify(level1)) : new Response('', { status: 404 })));
    vi.stubGlobal('fetch', fetch);
    const scene = await buildScene(createInput(createGeo(true)), 320500);
    expect(firstPoint(scene.cities, 320500)).toEqual([120.25, 31.25]);
    expect(firstPoint(scene.provinces, 320000)).toEqual([116.5, 30.5]);
    expect(firstPoint(scene.provinces, 340000)).toEqual([110, 30]);
    expect(scene.cities.features.map((f) => f.properties.adcode).sort()).toEqual([320500, 340100]);
    expect((scene.subject?.feature?.geometry as Polygon).coordinates[0]![0]).toEqual([120.25, 31.25]);
  });

  it('falls back to the national level when the file cannot be had, and without levels', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 500 })));
    const failed = await buildScene(createInput(createGeo(true)), 340000);
    expect(firstPoint(failed.provinces, 340000)).toEqual([110, 30]);
    const none = await buildScene(createInput(createGeo(false)), 320500);
    expect(firstPoint(none.cities, 320500)).toEqual([120, 31]);
  });
});

describe('nationalScene: what the SVG map and the national export both draw', () => {
  it('counts, fills and markers from the same data', async () => {
    const input = createInput(createGeo(false));
    const scene = nationalScene(input);
    expect(scene.counts.get(320000)).toBe(1);
    expect(scene.provinceFill(340000)).toBe(input.palette.noData);
    expect(scene.provinceFill(320000)).not.toBe(input.palette.noData);
    expect(scene.markers).toEqual([{ adcode: 320500, name: '苏州市', label: '苏州', count: 1, at: [120.5, 31.5] }]);
    expect(scene.bounds).toEqual([73, 18, 135, 54]);
    // The export's national scene is this one.
    const exported = await buildScene(input, null);
    expect(exported.markers).toEqual(scene.markers);
    expect(exported.provinceFill(320000)).toBe(scene.provinceFill(320000));
  });
});
