import { describe, expect, it } from 'vitest';
import { composeDetail, detailDrawn, levelFor, planDetail, type BBox } from './lod';
import { CITY_EVERYWHERE_ZOOM, DISTRICT_EVERYWHERE_ZOOM } from './style';
import type { DetailSlice, RegionFeature } from './features';

const LEVELS = [
  { level: 1, minZoom: 5, maxZoom: 8 },
  { level: 2, minZoom: 8, maxZoom: 11 },
];
const JIANGSU = 320000;
const ZHEJIANG = 330000;
const SICHUAN = 510000;
const PROVINCES: { adcode: number; bbox: BBox }[] = [
  { adcode: JIANGSU, bbox: [116.3, 30.7, 121.9, 35.2] },
  { adcode: ZHEJIANG, bbox: [118.0, 27.0, 123.0, 31.2] },
  { adcode: SICHUAN, bbox: [97.3, 26.0, 108.5, 34.3] },
];
const NANJING_VIEW: BBox = [118.0, 31.5, 119.5, 32.5];
const EAST_VIEW: BBox = [116, 28, 123, 35];

describe('levelFor', () => {
  it('is null below the first level, the level whose range holds the zoom, the last beyond the last', () => {
    expect(levelFor(LEVELS, 4)).toBeNull();
    expect(levelFor(LEVELS, 5)).toBeNull();
    expect(levelFor(LEVELS, 5.01)).toBe(1);
    expect(levelFor(LEVELS, 8)).toBe(1);
    expect(levelFor(LEVELS, 9)).toBe(2);
    expect(levelFor(LEVELS, 14)).toBe(2);
  });
});

describe('planDetail', () => {
  it('requests the zoom’s level for every province in view, and only for those', () => {
    const plan = planDetail({ bounds: NANJING_VIEW, zoom: 9, focus: null }, LEVELS, PROVINCES, new Map());
    expect(plan).toEqual({ level: 2, drop: [], request: [{ level: 2, province: JIANGSU }] });
  });

  it('asks nothing for a province already at that level or finer (never coarser than what is on screen)', () => {
    const plan = planDetail({ bounds: EAST_VIEW, zoom: 6, focus: null }, LEVELS, PROVINCES, new Map([[JIANGSU, 2]]));
    expect(plan.request).toEqual([{ level: 1, province: ZHEJIANG }]);
    expect(plan.drop).toEqual([]);
  });

  it('drops provinces out of view, but keeps the focused one', () => {
    const loaded = new Map([[JIANGSU, 1], [SICHUAN, 1], [ZHEJIANG, 1]]);
    const plan = planDetail({ bounds: NANJING_VIEW, zoom: 6, focus: SICHUAN }, LEVELS, PROVINCES, loaded);
    expect(plan.drop).toEqual([ZHEJIANG]);
    expect(plan.request).toEqual([]);
  });

  it('below the first level, everything but the focus goes back to the national level and nothing is fetched', () => {
    const loaded = new Map([[JIANGSU, 2], [ZHEJIANG, 1]]);
    const plan = planDetail({ bounds: [73, 18, 135, 54], zoom: 4, focus: JIANGSU }, LEVELS, PROVINCES, loaded);
    expect(plan).toEqual({ level: null, drop: [ZHEJIANG], request: [] });
  });

  it('drops a loaded province the table does not know', () => {
    const plan = planDetail({ bounds: NANJING_VIEW, zoom: 9, focus: null }, LEVELS, PROVINCES, new Map([[999900, 1]]));
    expect(plan.drop).toEqual([999900]);
  });
});

function region(adcode: number, province: number, tag: string): RegionFeature {
  return {
    type: 'Feature',
    id: adcode,
    geometry: { type: 'Polygon', coordinates: [] },
    properties: { adcode, province, name: tag, short: tag } as RegionFeature['properties'],
  };
}
const fc = (features: RegionFeature[]) => ({ type: 'FeatureCollection' as const, features });

describe('composeDetail', () => {
  const national = {
    provinces: [region(JIANGSU, JIANGSU, 'n'), region(ZHEJIANG, ZHEJIANG, 'n')],
    cities: [region(320100, JIANGSU, 'n'), region(330100, ZHEJIANG, 'n')],
  };
  const slice: DetailSlice = {
    level: 2,
    province: JIANGSU,
    provinces: fc([region(JIANGSU, JIANGSU, 'fine')]),
    cities: fc([region(320100, JIANGSU, 'fine')]),
    districts: fc([region(320102, JIANGSU, 'fine')]),
  };

  it('without slices: the national geometry, no districts, an empty key', () => {
    const c = composeDetail(national, new Map());
    expect(c.provinces.map((f) => f.properties.name)).toEqual(['n', 'n']);
    expect(c.cities.map((f) => f.properties.adcode)).toEqual([320100, 330100]);
    expect(c.districts).toEqual([]);
    expect(c.key).toBe('');
  });

  it('leaves out the districts of the slices whose districts are not drawn, but lists them all (for framing)', () => {
    const both = new Map([[JIANGSU, slice], [ZHEJIANG, { ...slice, province: ZHEJIANG, districts: fc([region(330102, ZHEJIANG, 'fine')]) }]]);
    const c = composeDetail(national, both, (p) => p === ZHEJIANG);
    expect(c.districts.map((f) => f.properties.adcode)).toEqual([330102]);
    expect(c.allDistricts.map((f) => f.properties.adcode)).toEqual([320102, 330102]);
    // The same slices with other districts drawn are another combination: the sources must change.
    expect(c.key).not.toBe(composeDetail(national, both).key);
  });

  it('a province with a slice is drawn from it, its cities and districts too; the others stay national', () => {
    const c = composeDetail(national, new Map([[JIANGSU, slice]]));
    expect(c.provinces.map((f) => `${f.properties.adcode}:${f.properties.name}`)).toEqual([`${JIANGSU}:fine`, `${ZHEJIANG}:n`]);
    expect(c.cities.map((f) => `${f.properties.adcode}:${f.properties.name}`)).toEqual(['330100:n', '320100:fine']);
    expect(c.districts.map((f) => f.properties.adcode)).toEqual([320102]);
    expect(c.key).toBe(`${JIANGSU}:2`);
  });

  it("keeps a slice's province outline but the national cities where its cities are not drawn finer", () => {
    const both = new Map([[JIANGSU, slice], [ZHEJIANG, { ...slice, province: ZHEJIANG, provinces: fc([region(ZHEJIANG, ZHEJIANG, 'fine')]), cities: fc([region(330100, ZHEJIANG, 'fine')]) }]]);
    const c = composeDetail(national, both, () => true, (p) => p === JIANGSU);
    expect(c.provinces.map((f) => f.properties.name)).toEqual(['fine', 'fine']);
    expect(c.cities.map((f) => `${f.properties.adcode}:${f.properties.name}`)).toEqual(['330100:n', '320100:fine']);
    // Zooming to where every city is drawn must bring the finer cities: another combination.
    expect(c.key).not.toBe(composeDetail(national, both).key);
  });

  it('the same slices in another order give the same key (no setData for an unchanged combination)', () => {
    const other: DetailSlice = { ...slice, province: ZHEJIANG, level: 1, provinces: fc([]), cities: fc([]), districts: null };
    const a = composeDetail(national, new Map([[JIANGSU, slice], [ZHEJIANG, other]]));
    const b = composeDetail(national, new Map([[ZHEJIANG, other], [JIANGSU, slice]]));
    expect(a.key).toBe(b.key);
  });
});

describe('detailDrawn', () => {
  const at = (focus: number | null, zoom: number, programmes = false) => detailDrawn(() => ({ focus, zoom, programmes }));
  it("draws the focused province's districts and finer cities at any zoom, the others' only where the style draws them everywhere", () => {
    const d = at(JIANGSU, 6);
    expect([d.districts(JIANGSU, null), d.cities(JIANGSU, null)]).toEqual([true, true]);
    expect([d.districts(ZHEJIANG, null), d.cities(ZHEJIANG, null)]).toEqual([false, false]);
    expect([d.districts(ZHEJIANG, DISTRICT_EVERYWHERE_ZOOM), d.cities(ZHEJIANG, CITY_EVERYWHERE_ZOOM)]).toEqual([true, true]);
    expect(d.cities(ZHEJIANG, CITY_EVERYWHERE_ZOOM - 0.1)).toBe(false);
  });
  it('brings every finer city while programme units are outlined', () => {
    expect(at(null, 5, true).cities(ZHEJIANG, null)).toBe(true);
    expect(at(null, 5, true).districts(ZHEJIANG, null)).toBe(false);
  });
});
