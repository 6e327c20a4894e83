// Checks the files in public/geo/ — what the app loads — against the source, that they were built from the current
// inputs, and that the build is deterministic.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, provinceOf } from '../src/ingest/gazetteer';
import type { GazetteerEntry } from '../src/types';
import { buildAll, DETAIL_LEVELS, SCS_ISLAND_UNITS, toAdcode } from './build-core';
import { DEFAULT_SOURCE, loadSource, loadSourceInfo } from './load-source';
import { buildInputsHash } from './inputs';
import { SEAT_EXCEPTIONS } from './seat-exceptions';
import { loadNeighbours, NEIGHBOURS_FILE } from './load-neighbours';
import { validityError } from './topo-simplify';

const OUT = resolve(import.meta.dirname, '../public/geo');
const KB = 1024;

type Props = { adcode: number; name: string; short: string; level: string; province: number; city?: number; labelPoint?: [number, number] };
type Unit = Feature<Polygon | MultiPolygon, Props>;

interface TopoFile {
  type: 'Topology';
  generatedBy: string;
  objects: Record<string, { type: 'GeometryCollection'; geometries: { type: string; arcs: unknown; properties: Props }[] }>;
  arcs: number[][][];
}

function readText(path: string): string {
  return readFileSync(join(OUT, path), 'utf8');
}

function createTopology(path: string): TopoFile {
  return JSON.parse(readText(path)) as TopoFile;
}

function decodeAll(t: TopoFile, object: string): Unit[] {
  return (feature(t as never, t.objects[object] as never) as unknown as FeatureCollection<Polygon | MultiPolygon, Props>).features;
}

function createGazetteer(): Map<number, GazetteerEntry> {
  const entries = JSON.parse(readText('gazetteer.json')) as GazetteerEntry[];
  return new Map(entries.map((e) => [e.adcode, e]));
}

/** The finest level's files (lod/<last level>/<province>.topo.json) that have a districts object. */
function districtFiles(): string[] {
  const dir = `lod/${DETAIL_LEVELS[DETAIL_LEVELS.length - 1]!.level}`;
  return readdirSync(join(OUT, dir)).filter((n) => n.endsWith('.topo.json')).sort()
    .filter((n) => createTopology(`${dir}/${n}`).objects.districts).map((n) => `${dir}/${n}`);
}

function lodFiles(): string[] {
  return DETAIL_LEVELS.flatMap((l) => readdirSync(join(OUT, `lod/${l.level}`)).filter((n) => n.endsWith('.topo.json')).sort().map((n) => `lod/${l.level}/${n}`));
}

function gz(path: string): number {
  return gzipSync(readFileSync(join(OUT, path))).length;
}

function polygonsOf(f: Unit): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

const EXCEPTION_CODES = new Set(SEAT_EXCEPTIONS.map((e) => e.adcode));

describe('national.topo.json', () => {
  it('has the 34 provincial units of china.json, without the JD feature', () => {
    const src = loadSource();
    const expected = src.china.features.filter((f) => f.properties?.adchar !== 'JD').map((f) => toAdcode(f.properties?.adcode, 'china.json')).sort((a, b) => a - b);
    const got = createTopology('national.topo.json').objects.provinces!.geometries.map((g) => g.properties.adcode);
    expect(expected).toHaveLength(34);
    expect(got).toEqual(expected);
  });

  it('has every feature of province/*.json as a city, sorted by adcode', () => {
    const src = loadSource();
    const expected = [...src.provinces.values()].flatMap((fc) => fc.features.map((f) => toAdcode(f.properties?.adcode, 'province'))).sort((a, b) => a - b);
    const got = createTopology('national.topo.json').objects.cities!.geometries.map((g) => g.properties.adcode);
    expect(got).toHaveLength(476);
    expect(got).toEqual(expected);
  });

  it('gives every unit the contract properties, from the gazetteer', () => {
    const gaz = createGazetteer();
    const t = createTopology('national.topo.json');
    for (const object of ['provinces', 'cities']) {
      for (const g of t.objects[object]!.geometries) {
        const p = g.properties;
        const e = gaz.get(p.adcode)!;
        const keys = object === 'provinces' ? ['adcode', 'name', 'short', 'level', 'province', 'labelPoint'] : ['adcode', 'name', 'short', 'level', 'province'];
        expect(Object.keys(p)).toEqual(keys);
        expect([p.name, p.short, p.level]).toEqual([e.name, e.short, e.level]);
        expect(p.province).toBe(provinceOf(p.adcode));
      }
    }
    const levels = new Set(t.objects.cities!.geometries.map((g) => `${provinceOf(g.properties.adcode)}:${g.properties.level}`));
    expect(levels).toContain('110000:district'); // a municipality's units are its districts
    expect(levels).toContain('130000:city');
  });

  it('puts each province label inside its province', () => {
    for (const f of decodeAll(createTopology('national.topo.json'), 'provinces')) {
      expect(booleanPointInPolygon(f.properties.labelPoint!, f), `${f.properties.name}`).toBe(true);
    }
  });

  it('builds provinces from their cities, so that city borders lie on province borders', () => {
    const t = createTopology('national.topo.json');
    const arcsOf = (g: { arcs: unknown }) => new Set((g.arcs as number[][][]).flat(2).map((a) => (a < 0 ? ~a : a)));
    for (const p of t.objects.provinces!.geometries) {
      const cityArcs = new Set<number>();
      for (const c of t.objects.cities!.geometries) if (c.properties.province === p.properties.adcode) arcsOf(c).forEach((a) => cityArcs.add(a));
      for (const a of arcsOf(p)) expect(cityArcs.has(a), `${p.properties.name} arc ${a}`).toBe(true);
    }
  });

  it('has the ten dash segments as their own layer, not a province', () => {
    const t = createTopology('national.topo.json');
    const dash = t.objects.dash!.geometries;
    expect(dash).toHaveLength(1);
    expect(dash[0]!.type).toBe('MultiPolygon');
    expect(dash[0]!.arcs as unknown[]).toHaveLength(10);
    const f = decodeAll(t, 'dash')[0]!;
    expect(validityError(f)).toBeNull();
    expect(t.objects.provinces!.geometries.some((g) => g.properties.adcode === 100000)).toBe(false);
  });

  it('keeps the South China Sea islands on the main map, down to 曾母暗沙', () => {
    const cities = decodeAll(createTopology('national.topo.json'), 'cities');
    const sansha = cities.find((f) => f.properties.adcode === 460300)!;
    const south = Math.min(...polygonsOf(sansha).map((p) => Math.min(...p[0]!.map((q) => q[1]!))));
    expect(south).toBeLessThan(4);
    expect(polygonsOf(sansha).length).toBeGreaterThan(50);
    expect(cities.some((f) => f.properties.adcode === 442100)).toBe(true); // 东沙群岛
  });

  it('keeps small units: Macao, Hong Kong and every municipality district have area', () => {
    const t = createTopology('national.topo.json');
    const all = [...decodeAll(t, 'provinces'), ...decodeAll(t, 'cities')];
    for (const code of [820000, 810000, 820001, 820008, 110101, 110102, 310101, 120101]) {
      const f = all.find((x) => x.properties.adcode === code);
      expect(f, String(code)).toBeDefined();
      expect(polygonsOf(f!).length).toBeGreaterThan(0);
    }
    for (const f of all) expect(polygonsOf(f).length, f.properties.name).toBeGreaterThan(0);
  });

  it('is valid after simplification (OGC, by JTS IsValidOp; parts may touch at points; every province and city)', () => {
    const t = createTopology('national.topo.json');
    const invalid = [...decodeAll(t, 'provinces'), ...decodeAll(t, 'cities')].flatMap((f) => {
      const e = validityError(f);
      return e ? [`${f.properties.adcode} ${f.properties.name}: ${e}`] : [];
    });
    expect(invalid).toEqual([]);
  });
});

describe('lod/<level>/<province>.topo.json', () => {
  it('is valid at every level (OGC, by JTS IsValidOp): every province, city and district', () => {
    const invalid: string[] = [];
    let n = 0;
    for (const name of lodFiles()) {
      const t = createTopology(name);
      for (const object of Object.keys(t.objects)) {
        for (const f of decodeAll(t, object)) {
          n++;
          const e = validityError(f);
          if (e) invalid.push(`${name} ${f.properties.adcode} ${f.properties.name}: ${e}`);
        }
      }
    }
    expect(invalid).toEqual([]);
    expect(n).toBeGreaterThan(34 * DETAIL_LEVELS.length);
  });

  it('exists for every province at every level; index.json lists them with bbox and districts', () => {
    const src = loadSource();
    const withDistricts = [...new Set([...src.citys.keys()].map(provinceOf))].sort((a, b) => a - b);
    const index = JSON.parse(readText('lod/index.json')) as { generatedBy: string; levels: { level: number }[]; provinces: { adcode: number; districts: boolean; bbox: number[] }[] };
    expect(index.generatedBy).toMatch(/geo\/build\.ts/);
    expect(index.levels.map((l) => l.level)).toEqual(DETAIL_LEVELS.map((l) => l.level));
    expect(index.provinces).toHaveLength(34);
    expect(index.provinces.filter((p) => p.districts).map((p) => p.adcode)).toEqual(withDistricts);
    for (const p of [110000, 120000, 310000, 500000, 710000, 810000, 820000]) expect(withDistricts).not.toContain(p);
    expect(lodFiles()).toHaveLength(34 * DETAIL_LEVELS.length);
  });

  it("has every feature of the province's citys files, and its units without one", () => {
    const src = loadSource();
    for (const name of districtFiles()) {
      const prov = Number(name.slice(-16, -10));
      const expected: number[] = [];
      for (const f of src.provinces.get(prov)!.features) {
        const city = toAdcode(f.properties?.adcode, 'province');
        const citys = src.citys.get(city);
        if (citys) expected.push(...citys.features.map((d) => toAdcode(d.properties?.adcode, 'citys')));
        else expected.push(city);
      }
      const got = createTopology(name).objects.districts!.geometries.map((g) => g.properties.adcode);
      expect(got, name).toEqual(expected.sort((a, b) => a - b));
    }
  });

  it('gives every district the contract properties plus its city', () => {
    const gaz = createGazetteer();
    for (const name of districtFiles()) {
      for (const g of createTopology(name).objects.districts!.geometries) {
        const p = g.properties;
        expect(Object.keys(p)).toEqual(['adcode', 'name', 'short', 'level', 'province', 'city']);
        const e = gaz.get(p.adcode)!;
        expect([p.name, p.level, p.province]).toEqual([e.name, e.level, Number(name.slice(-16, -10))]);
        expect(p.city === p.adcode || gaz.get(p.adcode)!.parent === p.city).toBe(true);
      }
    }
  });
});

describe('seats', () => {
  it('lies inside its own simplified polygon for every unit, except the listed source exceptions', () => {
    const gaz = createGazetteer();
    const national = createTopology('national.topo.json');
    const units = [
      ...decodeAll(national, 'provinces'),
      ...decodeAll(national, 'cities'),
      ...districtFiles().flatMap((n) => decodeAll(createTopology(n), 'districts')),
    ];
    const outside = new Set<number>();
    for (const f of units) {
      const seat = gaz.get(f.properties.adcode)!.center;
      if (!booleanPointInPolygon(seat, f)) outside.add(f.properties.adcode);
    }
    expect([...outside].sort((a, b) => a - b)).toEqual([...EXCEPTION_CODES].sort((a, b) => a - b));
  });

  it('lists only exceptions the unsimplified source really has', () => {
    const src = loadSource();
    const gaz = createGazetteer();
    const sourceFeatures = [...src.provinces.values(), ...src.citys.values()].flatMap((fc) => fc.features);
    for (const ex of SEAT_EXCEPTIONS) {
      const own = sourceFeatures.filter((f) => toAdcode(f.properties?.adcode, 'source') === ex.adcode) as Feature<Polygon | MultiPolygon>[];
      expect(own.length, ex.name).toBeGreaterThan(0);
      const seat = gaz.get(ex.adcode)!.center;
      for (const f of own) {
        expect(booleanPointInPolygon(seat, f), ex.name).toBe(false);
        expect(Math.round(pointToPolygonDistance(seat, f, { units: 'meters' }))).toBe(ex.distance);
      }
    }
  });
});

describe('gazetteer.json', () => {
  it('is buildGazetteer(location.json), sorted by adcode, compact', () => {
    const text = readText('gazetteer.json');
    expect(text).toBe(JSON.stringify(buildGazetteer(loadSource().location)));
    const codes = (JSON.parse(text) as GazetteerEntry[]).map((e) => e.adcode);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('has every unit of the boundary files', () => {
    const gaz = createGazetteer();
    const t = createTopology('national.topo.json');
    for (const g of [...t.objects.provinces!.geometries, ...t.objects.cities!.geometries]) expect(gaz.has(g.properties.adcode)).toBe(true);
  });
});

describe('scs-inset.json', () => {
  function createInset() {
    return JSON.parse(readText('scs-inset.json')) as FeatureCollection & { bbox: [number, number, number, number]; generatedBy: string; label: string };
  }

  it('has the ten dash parts and the islands, marked by kind', () => {
    const inset = createInset();
    expect(inset.generatedBy).toMatch(/geo\/build\.ts/);
    expect(inset.label).toBe('南海诸岛');
    expect(inset.features.filter((f) => f.properties?.kind === 'dash')).toHaveLength(10);
    const land = inset.features.filter((f) => f.properties?.kind === 'land');
    for (const code of SCS_ISLAND_UNITS) expect(land.some((f) => f.properties?.adcode === code)).toBe(true);
    expect(land.some((f) => f.properties?.adcode === 460000)).toBe(true); // Hainan, for context
    expect(inset.features.every((f) => ['dash', 'land', 'context'].includes(f.properties?.kind))).toBe(true);
  });

  it("shows the neighbours' coasts for context (Luzon, Borneo, Vietnam), as land masses only", () => {
    const inset = createInset();
    const context = inset.features.filter((f) => f.properties?.kind === 'context');
    const covered = (lng: number, lat: number) =>
      context.some((f) => booleanPointInPolygon([lng, lat], f as Feature<Polygon | MultiPolygon>));
    expect(covered(121.0, 16.5)).toBe(true); // Luzon
    expect(covered(116.5, 5.5)).toBe(true); // Borneo (Sabah)
    expect(covered(108.5, 14.5)).toBe(true); // Vietnam's central coast
    // No islet of the context source: every context polygon is a sizable land mass or a piece of one cut by the frame.
    for (const f of context) expect(f.properties).toEqual({ kind: 'context' });
  });

  it('frames every dash and island, down to 曾母暗沙', () => {
    const inset = createInset();
    const [w, s, e, n] = inset.bbox;
    expect(s).toBeLessThan(3.8);
    for (const f of inset.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates;
      for (const p of polys) for (const q of p[0]!) {
        expect(q[0]!).toBeGreaterThanOrEqual(w);
        expect(q[0]!).toBeLessThanOrEqual(e);
        expect(q[1]!).toBeGreaterThanOrEqual(s);
        expect(q[1]!).toBeLessThanOrEqual(n);
      }
    }
    expect([w, e]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(w).toBeLessThanOrEqual(108.2); // the westernmost dash
    expect(e).toBeGreaterThanOrEqual(122.8); // the dash east of Taiwan
  });
});

describe('meta.json', () => {
  it('names the source and frames the mainland with Hainan, not the whole South China Sea', () => {
    const meta = JSON.parse(readText('meta.json')) as Record<string, unknown> & { nationalBounds: number[]; attribution: { zh: string; en: string } };
    expect(Object.keys(meta)).toEqual(['generatedBy', 'source', 'snapshotDate', 'attribution', 'nationalBounds']);
    expect(meta.snapshotDate).toBe('2022-01-26');
    expect(meta.attribution.zh).toContain('DataV');
    expect(meta.attribution.en).toContain('DataV');
    const [w, s, e, n] = meta.nationalBounds as [number, number, number, number];
    expect(s).toBeGreaterThan(17); // the Paracels (~16–17°N) are left to the inset
    expect(s).toBeLessThan(18.2); // Hainan's southern tip (~18.15°N) is in
    expect(w).toBeLessThan(73.6);
    expect(e).toBeGreaterThan(135);
    expect(n).toBeGreaterThan(53.5);
  });
});

describe('budgets (gzip)', () => {
  it('national first view (provinces + cities + dash + inset + meta) ≤ 150 KB', () => {
    const total = gz('national.topo.json') + gz('scs-inset.json') + gz('meta.json');
    expect(total).toBeLessThanOrEqual(150 * KB);
  });

  it('each detail file ≤ 250 KB', () => {
    for (const name of lodFiles()) expect(gz(name), name).toBeLessThanOrEqual(250 * KB);
  });
});

describe('determinism', () => {
  // Rebuilding all of China takes minutes (npm run geo:check does it); these take seconds.
  it('was built from the current source, build code and libraries (else: npm run geo)', () => {
    const stamp = JSON.parse(readText('build-inputs.json')) as { sha256: string };
    expect(stamp.sha256, 'public/geo is stale: run npm run geo').toBe(buildInputsHash([DEFAULT_SOURCE, dirname(NEIGHBOURS_FILE)]));
  });

  it('holds exactly the files the build writes: nothing stale lingers', () => {
    const index = JSON.parse(readText('lod/index.json')) as { levels: { path: string }[]; provinces: { adcode: number }[] };
    const expected = [
      'build-inputs.json', 'gazetteer.json', 'meta.json', 'national.topo.json', 'scs-inset.json', 'lod/index.json',
      ...index.levels.flatMap((l) => index.provinces.map((p) => `${l.path}${p.adcode}.topo.json`)),
    ].sort();
    const onDisk = [
      ...readdirSync(OUT).filter((n) => n.endsWith('.json')),
      ...readdirSync(join(OUT, 'lod'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.json')).map((n) => `lod/${n}`),
    ].sort();
    expect(onDisk).toEqual(expected);
  });

  it('builds the same bytes twice from the same source (two real provinces: 重庆 and 宁夏)', async () => {
    const keep = new Set([500000, 640000]);
    const full = loadSource();
    const subset = {
      china: { ...full.china, features: full.china.features.filter((f) => f.properties?.adchar === 'JD' || keep.has(toAdcode(f.properties?.adcode, 'china.json'))) },
      provinces: new Map([...full.provinces].filter(([code]) => keep.has(code))),
      citys: new Map([...full.citys].filter(([code]) => keep.has(provinceOf(code)))),
      location: full.location,
    };
    const a = await buildAll(subset, loadSourceInfo(), loadNeighbours());
    const b = await buildAll(subset, loadSourceInfo(), loadNeighbours());
    expect(a.files.map(([p]) => p)).toContain('lod/2/640000.topo.json');
    expect(b.files).toEqual(a.files);
  }, 300_000);
});
