// The built boundary files as one partition, at every level of detail (public/geo/national.topo.json and
// public/geo/lod/<level>/<province>.topo.json): provinces without gaps or overlaps, provinces equal to the union of
// their prefecture units and cities to the union of their districts, and every level within its pixel tolerance of
// the source. Golden: reads all ~70 files and the source (a few seconds), never rebuilds them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { feature, mergeArcs } from 'topojson-client';
import { area as turfArea } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteArc, findArcConflicts, validPolygonal } from './topo-simplify';
import { mercator } from './dp-weights';
import { DETAIL_LEVELS, NATIONAL } from './build-core';

const OUT = resolve(import.meta.dirname, '../public/geo');
const SOURCE = resolve(import.meta.dirname, 'sources/datav');

type Props = { adcode: number; name: string; province: number; city?: number };
interface Geom { type: 'Polygon' | 'MultiPolygon'; arcs: number[][] | number[][][]; properties: Props }
interface Topo {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: Geom[] }>;
  arcs: number[][][];
}

const read = (path: string) => JSON.parse(readFileSync(join(OUT, path), 'utf8')) as Topo;

/**
 * A level as one topology: the files of a level share one quantization grid, so a border shared by two files is
 * the same integer points in both; arcs are identified across files by their points (either direction).
 */
interface Level { topo: Topo; abs: [number, number][][]; maxZoom: number }
function createLevel(files: Topo[], maxZoom: number): Level {
  const keyed = new Map<string, number>();
  const abs: [number, number][][] = [];
  const objects: Topo['objects'] = {};
  for (const t of files) {
    const local = t.arcs.map((a) => {
      const pts = absoluteArc(a);
      const fwd = JSON.stringify(pts);
      const rev = JSON.stringify(pts.slice().reverse());
      const known = keyed.get(fwd) ?? (keyed.has(rev) ? ~keyed.get(rev)! : undefined);
      if (known !== undefined) return known;
      keyed.set(fwd, abs.length);
      abs.push(pts);
      return abs.length - 1;
    });
    const re = (a: number) => {
      const g = local[a < 0 ? ~a : a]!;
      return a < 0 ? ~g : g;
    };
    for (const [name, o] of Object.entries(t.objects)) {
      const list = (objects[name] ??= { type: 'GeometryCollection', geometries: [] });
      for (const g of o.geometries) {
        const arcs = g.type === 'Polygon' ? (g.arcs as number[][]).map((r) => r.map(re)) : (g.arcs as number[][][]).map((p) => p.map((r) => r.map(re)));
        list.geometries.push({ ...g, arcs });
      }
    }
  }
  // Delta-encode again for topojson-client.
  const arcs = abs.map((pts) => pts.map((p, i) => (i ? [p[0] - pts[i - 1]![0], p[1] - pts[i - 1]![1]] : [p[0], p[1]])));
  return { topo: { type: 'Topology', transform: files[0]!.transform, objects, arcs }, abs, maxZoom };
}

function lodFiles(level: number): Topo[] {
  return readdirSync(join(OUT, `lod/${level}`)).filter((n) => n.endsWith('.topo.json')).sort().map((n) => read(`lod/${level}/${n}`));
}

const LEVELS: { name: string; create: () => Level }[] = [
  { name: 'national', create: () => createLevel([read('national.topo.json')], NATIONAL.maxZoom) },
  ...DETAIL_LEVELS.map((l) => ({ name: `lod ${l.level}`, create: () => createLevel(lodFiles(l.level), l.maxZoom) })),
];

function decodeAll(level: Level, object: string): Feature<Polygon | MultiPolygon, Props>[] {
  const o = level.topo.objects[object];
  if (!o) return [];
  return (feature(level.topo as never, o as never) as unknown as FeatureCollection<Polygon | MultiPolygon, Props>).features;
}

const arcsOf = (g: Geom) => (g.arcs as number[][][]).flat(2) as number[];
const km2 = (f: Feature<Polygon | MultiPolygon>) => turfArea(f) / 1e6;

for (const L of LEVELS) {
  describe(`${L.name}: one partition`, () => {
    // Made when this level's tests start and let go after them: holding all three levels at once (from collection
    // on) filled the heap, and the last level's area test took 70 s in garbage collection instead of 6 s.
    let level: Level = undefined as unknown as Level;
    beforeAll(() => {
      level = L.create();
    });
    afterAll(() => {
      level = undefined as unknown as Level;
    });

    it('has 34 provinces and 476 prefecture units, each valid', () => {
      const provinces = decodeAll(level, 'provinces');
      const cities = decodeAll(level, 'cities');
      expect(provinces).toHaveLength(34);
      expect(cities).toHaveLength(476);
      for (const f of [...provinces, ...cities]) expect(validPolygonal(f), `${f.properties.adcode} ${f.properties.name}`).toBe(true);
    });

    it('draws each province border once: no arc crosses another, none has a province on the same side twice', () => {
      const geoms = level.topo.objects.provinces!.geometries;
      const fwd = new Map<number, number>(), back = new Map<number, number>();
      const used = new Set<number>();
      for (const g of geoms) for (const a of arcsOf(g)) {
        const m = a < 0 ? back : fwd;
        const i = a < 0 ? ~a : a;
        m.set(i, (m.get(i) ?? 0) + 1);
        used.add(i);
      }
      expect([...fwd.values(), ...back.values()].every((n) => n === 1)).toBe(true);
      expect(findArcConflicts(level.abs, used)).toEqual([]);
    });

    it('leaves no gap: the union of the provinces has no hole over 0.01 km²', () => {
      const merged = mergeArcs(level.topo as never, level.topo.objects.provinces!.geometries as never);
      const union = feature(level.topo as never, merged as never) as unknown as Feature<MultiPolygon>;
      const holes = union.geometry.coordinates.flatMap((p) => p.slice(1)).map((r) => turfArea({ type: 'Polygon', coordinates: [r] }) / 1e6);
      expect(holes.filter((a) => a > 0.01)).toEqual([]);
    });

    it('makes each province the union of its prefecture units, and each city the union of its districts (within 0.1 %)', () => {
      const sum = (fs: Feature<Polygon | MultiPolygon, Props>[], key: (p: Props) => number) => {
        const m = new Map<number, number>();
        for (const f of fs) m.set(key(f.properties), (m.get(key(f.properties)) ?? 0) + km2(f));
        return m;
      };
      const cityArea = sum(decodeAll(level, 'cities'), (p) => p.province);
      for (const p of decodeAll(level, 'provinces')) expect(Math.abs(cityArea.get(p.properties.adcode)! / km2(p) - 1), p.properties.name).toBeLessThan(0.001);
      const districts = decodeAll(level, 'districts');
      if (!districts.length) return;
      for (const d of districts) expect(validPolygonal(d), `${d.properties.adcode} ${d.properties.name}`).toBe(true);
      const districtArea = sum(districts, (p) => p.city!);
      for (const c of decodeAll(level, 'cities')) {
        const a = districtArea.get(c.properties.adcode);
        if (a === undefined) continue; // a municipality's or SAR's units are its cities: no districts object
        expect(Math.abs(a / km2(c) - 1), c.properties.name).toBeLessThan(0.001);
      }
    });
  });
}

/**
 * Deviation from the source, in screen pixels at the level's last zoom, on a stated sample: every vertex of the
 * source units of 深圳 (citys/440300), 南京 (citys/320100), 成都 (citys/510100), 重庆 (province/500000) and 香港
 * (province/810000) for the detail levels; of the prefecture units of 广东, 江苏, 四川, 重庆 and 香港 for the
 * national level (which has no districts); against the level's borders nearby.
 */
describe('deviation from the source, by level', () => {
  const sampleOf = (files: string[]) => {
    const sample: Position[] = [];
    for (const file of files) {
      const fc = JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
      for (const f of fc.features) {
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const p of polys) for (const r of p) sample.push(...r);
      }
    }
    return sample;
  };
  // The detail levels draw districts: every vertex of the districts of those places. The national level draws
  // prefecture units only: every vertex of the prefecture units of 广东, 江苏, 四川, 重庆 and 香港, split in two. A
  // vertex of one unit only is on the province's own border (2 px); a vertex two units share is on a border
  // between cities of one province, which the national level draws within NATIONAL.cityPx (see build-core.ts).
  const districtSample = sampleOf(['citys/440300.json', 'citys/320100.json', 'citys/510100.json', 'province/500000.json', 'province/810000.json']);
  const cityFiles = ['province/440000.json', 'province/320000.json', 'province/510000.json', 'province/500000.json', 'province/810000.json'];
  const [provinceBorderSample, cityBorderSample] = (() => {
    const own: Position[] = [], shared: Position[] = [];
    for (const file of cityFiles) {
      const fc = JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
      const units = new Map<string, { p: Position; n: number }>();
      for (const f of fc.features) {
        const seen = new Set<string>();
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const poly of polys) for (const r of poly) for (const q of r) {
          const k = `${q[0]},${q[1]}`;
          if (seen.has(k)) continue;
          seen.add(k);
          const u = units.get(k);
          if (u) u.n++;
          else units.set(k, { p: q, n: 1 });
        }
      }
      for (const { p, n } of units.values()) (n > 1 ? shared : own).push(p);
    }
    return [own, shared];
  })();
  const cityPx = NATIONAL.cityPx ?? NATIONAL.px;
  const cases = LEVELS.flatMap((L) => L.name === 'national'
    ? [
      { L, what: "province borders (vertices of one prefecture unit)", sample: provinceBorderSample, px: 2 },
      { L, what: `borders between cities of one province, within ${cityPx} px`, sample: cityBorderSample, px: cityPx },
    ]
    : [{ L, what: 'districts', sample: districtSample, px: 2 }]);

  for (const { L, what, sample, px } of cases) {
    it(`${L.name}, ${what}: ≥ 95 % of the sample within ${px} px at its last zoom, and the median within ${px / 4} px`, () => {
      const level = L.create();
      const scale = 2 ** level.maxZoom;
      const segs: number[] = [];
      const cell = 4; // px at maxZoom
      const grid = new Map<number, number[]>();
      const [kx, ky] = level.topo.transform.scale, [tx, ty] = level.topo.transform.translate;
      let [sw, ss, se, sn] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of sample) [sw, ss, se, sn] = [Math.min(sw, p[0]!), Math.min(ss, p[1]!), Math.max(se, p[0]!), Math.max(sn, p[1]!)];
      for (const pts of level.abs) {
        let prev: [number, number] | null = null;
        for (const q of pts) {
          const lng = q[0] * kx + tx, lat = q[1] * ky + ty;
          const m = mercator([lng, lat]);
          const c: [number, number] = [m[0] * scale, m[1] * scale];
          const inside = lng > sw - 0.5 && lng < se + 0.5 && lat > ss - 0.5 && lat < sn + 0.5;
          if (prev && inside) {
            const k = segs.length;
            segs.push(prev[0], prev[1], c[0], c[1]);
            for (let gx = Math.floor(Math.min(prev[0], c[0]) / cell) - 1; gx <= Math.floor(Math.max(prev[0], c[0]) / cell) + 1; gx++) {
              for (let gy = Math.floor(Math.min(prev[1], c[1]) / cell) - 1; gy <= Math.floor(Math.max(prev[1], c[1]) / cell) + 1; gy++) {
                const key = gx * 1e7 + gy;
                const list = grid.get(key);
                if (list) list.push(k);
                else grid.set(key, [k]);
              }
            }
          }
          prev = c;
        }
      }
      const d: number[] = sample.map((p) => {
        const m = mercator(p);
        const x = m[0] * scale, y = m[1] * scale;
        let best = Infinity;
        for (const k of grid.get(Math.floor(x / cell) * 1e7 + Math.floor(y / cell)) ?? []) {
          const ax = segs[k]!, ay = segs[k + 1]!, dx = segs[k + 2]! - ax, dy = segs[k + 3]! - ay;
          const len = dx * dx + dy * dy;
          const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
          best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
        }
        return best;
      });
      d.sort((a, b) => a - b);
      const within = d.filter((x) => x <= px).length / d.length;
      console.log(`${L.name} ${what} (z${level.maxZoom}): ${(within * 100).toFixed(1)} % of ${d.length} within ${px} px, median ${d[d.length >> 1]!.toFixed(2)} px, p95 ${d[Math.floor(d.length * 0.95)]!.toFixed(2)} px`);
      expect(within).toBeGreaterThanOrEqual(0.95);
      expect(d[d.length >> 1]!).toBeLessThanOrEqual(px / 4);
    });
  }
});
