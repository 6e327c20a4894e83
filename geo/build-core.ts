// The boundary build, pure: source files in (already parsed), output files out (path → text).
// geo/build.ts does the reading and writing. Same input → byte-identical output: features sorted by adcode,
// keys written in a fixed order, numbers quantized or rounded.
import { topology as toTopology } from 'topojson-server';
import { feature as topoFeature, mergeArcs } from 'topojson-client';
import { bboxClip, simplify as turfSimplify, booleanPointInPolygon, booleanValid, centroid, featureCollection, kinks, polygon as turfPolygon, union, area as turfArea } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { buildGazetteer, provinceOf, type DataVLocation } from '../src/ingest/gazetteer';
import type { GazetteerEntry, RegionProps } from '../src/types';
import { cleanPartition, finestUnits, type FinestProps, type FinestUnit } from './partition';
import { thresholdFor } from './dp-weights';
import { decode, simplifyChecked, type FloatTopology, type QuantizedTopology, type SimplifyReport, type TopoPolygonal } from './topo-simplify';

export const GENERATED_BY = 'geo/build.ts (npm run geo) — generated, do not edit';

/** The files of one boundary source, parsed. Same shape as DataV.GeoAtlas (see geo/README.md). */
export interface GeoSource {
  /** china.json: the provincial units plus the ten-dash feature (adchar "JD"). */
  china: FeatureCollection;
  /** province/<adcode>.json by province adcode: its prefecture-level units. */
  provinces: Map<number, FeatureCollection>;
  /** citys/<adcode>.json by city adcode: its districts and counties. */
  citys: Map<number, FeatureCollection>;
  /** location.json. */
  location: Record<string, DataVLocation>;
}

/** Who made the boundaries (written to meta.json and shown as attribution). */
export interface SourceInfo {
  source: string;
  snapshotDate: string;
  attribution: { zh: string; en: string };
}

export const DATAV_INFO: SourceInfo = {
  source: 'DataV.GeoAtlas (Alibaba Cloud), snapshot of github.com/lyhmyd1211/GeoMapData_CN',
  snapshotDate: '2022-01-26',
  attribution: {
    zh: '边界数据：DataV.GeoAtlas（阿里云），2022-01-26 快照',
    en: 'Boundaries: DataV.GeoAtlas (Alibaba Cloud), snapshot 2022-01-26',
  },
};

/** Land parts (degrees², planar) smaller than this are left out of the inset, except the South China Sea islands. */
export const INSET_MIN_AREA = 0.005;

function polygonsOfGeom(g: TopoPolygonal): number[][][] {
  return g.type === 'Polygon' ? [g.arcs as number[][]] : (g.arcs as number[][][]);
}

/**
 * Neighbours' land masses smaller than this (degrees², ≈ 1,200 km² at these latitudes) are left out of the inset:
 * large enough to keep Luzon, Palawan, Borneo and the mainland coast, small enough that no islet of the context
 * source could be read as one of the South China Sea islands.
 */
const CONTEXT_MIN_AREA = 0.1;

/** Units that are South China Sea islands: framed by the inset, not by the national view. */
export const SCS_ISLAND_UNITS = [442100 /* 东沙群岛 */, 460300 /* 三沙市 */];

/**
 * Levels of detail. Each is simplified by Douglas–Peucker in Web Mercator (geo/dp-weights.ts) so that no source
 * point lies more than `px` screen pixels from the drawn line up to `maxZoom`; the app draws a level from its
 * `minZoom` (the previous level's maxZoom) to its `maxZoom` (the last one: beyond, up to the map's zoom 11).
 * `px` is 1 for the detail levels (the other pixel of the 2 px promise is for quantization and what the partition
 * moved) and 2 for the national level, drawn up to zoom 4.5 (the first view at 1440×900 is about zoom 3.9): the
 * national file of the cleaned partition, at 1 px to zoom 5.5, was 216 KB gzip (46,628 points), at 2 px to 5.5
 * 166 KB, both over the first view's 150 KB budget; what the partition moved is under 0.01 px at zoom 4.5.
 * The steps were chosen by measurement (geo/README.md): the national level is what fits the first view's budget
 * (150 KB gzip with the inset and meta), each detail step about doubles the points kept, and every file of a
 * level stays under 250 KB gzip. Quantization: a grid step of about a tenth of a pixel at maxZoom, one grid for
 * the whole level so that the files of two neighbouring provinces draw their common border on the same points.
 * `cityPx` (national level only): borders between the prefecture units of one province are drawn within cityPx,
 * not px: below zoom 4.5 they show only inside the focused province, whose level 1 is requested as soon as it is
 * focused (MapController.ensureDistricts) and replaces them, and the exports draw a province from level 1 too. At
 * 2 px they were a third of the national file's points (10,022 of 33,748), and the file was 159.5 KB gzip, over
 * the first view's budget; at 8 px it is 132 KB (measured: 4 px 136 KB). Province borders stay at 2 px.
 * Level 1 (1 px to zoom 7) is for the province views of software-rendered WebGL (issue 25): a province slide is
 * framed at zoom 5.5–7, where the level simplified for zoom 8 drew about half of a frame's indices in city borders
 * (172k of 275k in 广东's), each vertex cut by the worker and drawn by SwiftShader. The exports, drawn at print
 * size, take the level made for zoom 8 (src/scene/scene.ts).
 */
export interface LevelSettings { level: number; minZoom: number; maxZoom: number; px: number; quantization: number; dropArea: number; cityPx?: number }
export const NATIONAL: LevelSettings = { level: 0, minZoom: 0, maxZoom: 4.5, px: 2, quantization: 1e6, dropArea: 1e-4, cityPx: 8 };
export const DETAIL_LEVELS: LevelSettings[] = [
  { level: 1, minZoom: 4.5, maxZoom: 7, px: 1, quantization: 1e6, dropArea: 2e-5 },
  { level: 2, minZoom: 7, maxZoom: 8, px: 1, quantization: 2e6, dropArea: 1e-5 },
  { level: 3, minZoom: 8, maxZoom: 10, px: 1, quantization: 8e6, dropArea: 1e-6 },
];

function simplifySettings(l: LevelSettings) {
  const base = thresholdFor(l.px, l.maxZoom);
  // relative: a feature never asks for more than 5 % of its own size, so tiny units (澳门's parishes, islets) keep a
  // recognisable outline. floor: 1/100 of the level's threshold, below which keeping every point costs nothing.
  // maxIterations: the cleaned partition needs more passes than the old per-file build (28+ measured nationally).
  return { weights: 'dp' as const, base, relative: 0.05, quantization: l.quantization, dropArea: l.dropArea, floor: base / 100, maxIterations: 100 };
}

/** The properties of every boundary feature written (the contract with the app, in src/types.ts). */
export type UnitProps = RegionProps;

export interface BuildResult {
  /** Output files, path relative to public/geo → content. Sorted by path. */
  files: [string, string][];
  report: BuildReport;
  /** The cleaned partition (for GEO_PARTITION_CACHE). */
  units: FinestUnit[];
}

export interface BuildReport {
  counts: { provinces: number; cities: number; dashParts: number; districtFiles: number; districts: number; gazetteer: number };
  national: SimplifyReport;
  districts: Record<number, SimplifyReport>;
  /** Provinces whose outline (merged from their cities) differs in area from china.json's, in percent. */
  provinceAreaDiff: Record<number, number>;
}

/** adcode as a number; DataV writes some as strings ("110000"). */
export function toAdcode(v: unknown, where: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{6}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 100000 || n > 999999) throw new Error(`${where}: bad adcode ${JSON.stringify(v)}`);
  return n;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function isJD(f: Feature): boolean {
  return (f.properties as Record<string, unknown> | null)?.adchar === 'JD';
}

/**
 * The feature's (Multi)Polygon without repeated consecutive points (DataV has some, e.g. 乌鲁木齐市, and turf
 * counts them as spikes). Anything else than a (Multi)Polygon is an error.
 */
export function polygonal(f: Feature, where: string, repairs: Repair[]): MultiPolygon {
  const g = f.geometry as Geometry | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`${where}: geometry is ${g?.type ?? 'missing'}, expected (Multi)Polygon`);
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Position[][][] = [];
  polys.forEach((poly, pi) => {
    const rings: Position[][] = [];
    poly.forEach((ring, ri) => {
      const pts: Position[] = [];
      for (const p of ring) {
        if (typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          throw new Error(`${where}: polygon ${pi} ring ${ri}: bad position ${JSON.stringify(p)}`);
        }
        const last = pts[pts.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push([p[0], p[1]]);
      }
      const first = pts[0];
      const lastPt = pts[pts.length - 1];
      if (first && lastPt && (first[0] !== lastPt[0] || first[1] !== lastPt[1])) pts.push([first[0]!, first[1]!]);
      rings.push(pts);
    });
    out.push(rings);
  });
  return finish({ type: 'MultiPolygon', coordinates: out }, where, repairs);
}

/**
 * Repair (see `repair`) and one winding for all (RFC 7946: outer rings counter-clockwise, holes clockwise). DataV
 * mostly winds the other way and the polygon clipper writes RFC 7946; topojson's merge stitches only one winding.
 */
function finish(g: MultiPolygon, where: string, repairs: Repair[]): MultiPolygon {
  const g2 = repair(g, where, repairs);
  return {
    type: 'MultiPolygon',
    coordinates: g2.coordinates.map((poly) => poly.map((ring, ri) => ((signedArea(ring) > 0) === (ri === 0) ? ring : ring.slice().reverse()))),
  };
}

/** Planar signed area (positive when counter-clockwise in lng/lat). */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

/** A source feature repaired by `repair`, with what was done (for the report). */
export interface Repair {
  where: string;
  /** Parts before and after. */
  parts: [number, number];
  /** Slivers dropped, in m². */
  dropped: number[];
}

/**
 * DataV features that turf calls invalid or that cross themselves: parts that overlap (唐山市, 宁波市, 舟山市,
 * 海东市), parts split along a shared edge (顺义区, 成都市 …), self-intersections (海北藏族自治州), repeated
 * points. A polygon union of the feature with itself fixes them and keeps every source vertex (it only adds the
 * crossing points); slivers under 0.1 km² left touching another part at a point (the 遂宁/资阳 border, the lobe
 * of 海北's self-intersection) are dropped and reported.
 */
function repair(g: MultiPolygon, where: string, repairs: Repair[]): MultiPolygon {
  const f = { type: 'Feature' as const, properties: {}, geometry: g };
  if (booleanValid(f) && kinks(f).features.length === 0) return g;
  const parts = g.coordinates.map((c) => turfPolygon(c));
  const u = union(featureCollection(parts.length > 1 ? parts : [parts[0]!, parts[0]!]));
  if (!u) throw new Error(`${where}: repair by union left nothing`);
  let polys = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
  const dropped: number[] = [];
  // Within 1e-6° (≈ 0.1 m): the union computes crossing points in floating point, so a sliver cut off at a
  // self-intersection meets its neighbour at nearly, not exactly, the same point.
  const near = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < 1e-6 && Math.abs(a[1]! - b[1]!) < 1e-6;
  const kept = polys.filter((p, i) => {
    const a = turfArea(turfPolygon(p));
    if (a >= 100_000) return true;
    const touches = polys.some((q, j) => j !== i && p[0]!.some((v) => q[0]!.some((w) => near(v, w))));
    if (!touches) return true;
    dropped.push(Math.round(a));
    return false;
  });
  polys = kept;
  const out: MultiPolygon = { type: 'MultiPolygon', coordinates: polys };
  const of = { type: 'Feature' as const, properties: {}, geometry: out };
  // Only turf's test here: kinks also counts holes that touch at a vertex, which the union may leave and which are valid.
  if (!booleanValid(of)) throw new Error(`${where}: still invalid after repair`);
  repairs.push({ where, parts: [g.coordinates.length, polys.length], dropped });
  return out;
}


export function gazetteerIndex(gaz: GazetteerEntry[]): Map<number, GazetteerEntry> {
  return new Map(gaz.map((e) => [e.adcode, e]));
}

export function entry(index: Map<number, GazetteerEntry>, adcode: number, where: string): GazetteerEntry {
  const e = index.get(adcode);
  if (!e) throw new Error(`${where}: adcode ${adcode} is not in location.json`);
  return e;
}

export function unitProps(e: GazetteerEntry, extra: Partial<UnitProps> = {}): UnitProps {
  // Fixed key order: the output's bytes depend on it.
  const p: UnitProps = { adcode: e.adcode, name: e.name, short: e.short, level: e.level, province: provinceOf(e.adcode) };
  if (extra.city !== undefined) p.city = extra.city;
  return p;
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function seatLookup(index: Map<number, GazetteerEntry>) {
  return (_object: string, g: TopoPolygonal): Position | undefined => {
    const a = g.properties.adcode;
    return typeof a === 'number' ? index.get(a)?.center : undefined;
  };
}

/**
 * topojson-client mergeArcs, with every ring that passes twice through one point split there: where a province's
 * cities close around a neighbour's land except at one point (吉林 around 126.1698°E 45.1347°N), the merged ring
 * touches itself, which no validity rule allows. The loop cut off becomes a hole touching its shell at that point
 * (if it winds the other way) or a part of its own (if it winds the same way): both valid (OGC).
 */
export function mergePolygons(topo: FloatTopology, geoms: TopoPolygonal[]): number[][][] {
  const m = mergeArcs(topo as never, geoms as never) as unknown as { arcs: number[][][] };
  const start = (a: number): Position => (a < 0 ? topo.arcs[~a]!.at(-1)! : topo.arcs[a]![0]!);
  const ringArea = (ring: number[]) => {
    const pts: Position[] = [];
    for (const a of ring) {
      const arc = a < 0 ? topo.arcs[~a]!.slice().reverse() : topo.arcs[a]!;
      pts.push(...(pts.length ? arc.slice(1) : arc));
    }
    return signedArea(pts);
  };
  const split = (ring: number[]): number[][] => {
    const seen = new Map<string, number>();
    for (let i = 0; i < ring.length; i++) {
      const p = start(ring[i]!);
      const key = `${p[0]},${p[1]}`;
      const j = seen.get(key);
      if (j !== undefined) return [...split([...ring.slice(0, j), ...ring.slice(i)]), ...split(ring.slice(j, i))];
      seen.set(key, i);
    }
    return [ring];
  };
  const out: number[][][] = [];
  for (const [shell, ...holes] of m.arcs) {
    const pieces = split(shell!);
    if (pieces.length === 1) {
      out.push([shell!, ...holes]);
      continue;
    }
    const sign = Math.sign(ringArea(shell!));
    const shells = pieces.filter((r) => Math.sign(ringArea(r)) === sign).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)));
    const inner = pieces.filter((r) => Math.sign(ringArea(r)) !== sign);
    out.push([shells[0]!, ...holes, ...inner], ...shells.slice(1).map((r) => [r]));
  }
  return out;
}

export interface NationalBuild {
  topology: QuantizedTopology;
  report: SimplifyReport;
  repairs: Repair[];
  provinceAreaDiff: Record<number, number>;
}

/**
 * The one partition (geo/partition.ts): the finest units after mapshaper -clean, in one topology with the dash
 * feature; cities are the merge (topojson-client mergeArcs) of their units and provinces the merge of their
 * units too, so all three levels are made of the same arcs. Async: mapshaper runs as a promise.
 */
export interface Partition {
  /** Float topology: objects provinces, cities, districts (every finest unit), dash. */
  topology: FloatTopology;
  /** china.json's provinces as published (for the area comparison). */
  chinaProvinces: Feature[];
  repairs: Repair[];
  index: Map<number, GazetteerEntry>;
  location: GeoSource['location'];
  /** The cleaned finest units (what GEO_PARTITION_CACHE stores). */
  units: FinestUnit[];
}

export async function buildPartition(src: GeoSource, gaz: GazetteerEntry[], cleaned?: FinestUnit[]): Promise<Partition> {
  const index = gazetteerIndex(gaz);
  const repairs: Repair[] = [];
  // `cleaned`: the partition of an earlier run (development only: mapshaper takes a minute or more).
  const units = cleaned ?? (await cleanPartition(finestUnits(src, index, repairs)));
  const chinaProvinces: Feature[] = [];
  let jd: Feature | undefined;
  src.china.features.forEach((f, i) => {
    if (isJD(f)) {
      if (jd) throw new Error(`china.json feature ${i}: a second JD feature`);
      jd = f;
      return;
    }
    const where = `china.json feature ${i}`;
    const adcode = toAdcode(f.properties?.adcode, where);
    const e = entry(index, adcode, where);
    if (e.level !== 'province') throw new Error(`${where}: ${adcode} is ${e.level}, expected province`);
    const g = f.geometry as Geometry | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`${where}: geometry is ${g?.type ?? 'missing'}, expected (Multi)Polygon`);
    chinaProvinces.push({ type: 'Feature', properties: { ...unitProps(e) }, geometry: g });
  });
  if (!jd) throw new Error('china.json: no JD (ten-dash) feature');
  const jdGeom = polygonal(jd, 'china.json JD', repairs);
  chinaProvinces.sort((a, b) => (a.properties as UnitProps).adcode - (b.properties as UnitProps).adcode);
  const topo = toTopology({ districts: fc(units), dash: fc([{ type: 'Feature', properties: { kind: 'dash' }, geometry: jdGeom }]) }) as unknown as FloatTopology;
  const unitGeoms = topo.objects.districts!.geometries;
  const group = (key: (p: FinestProps) => number) => {
    const m = new Map<number, TopoPolygonal[]>();
    for (const g of unitGeoms) {
      const k = key(g.properties as unknown as FinestProps);
      const list = m.get(k);
      if (list) list.push(g);
      else m.set(k, [g]);
    }
    return [...m].sort((a, b) => a[0] - b[0]);
  };
  const merged = (geoms: TopoPolygonal[], props: Record<string, unknown>): TopoPolygonal => ({ type: 'MultiPolygon', arcs: mergePolygons(topo, geoms), properties: props });
  // A city that is its own only unit (municipality districts, 东莞, 台湾 …) keeps that unit's properties.
  const cityGeoms = group((p) => p.city).map(([city, geoms]) => merged(geoms, { ...unitProps(entry(index, city, `city ${city}`)) }));
  const provinceGeoms = group((p) => p.province).map(([prov, geoms]) => {
    if (!chinaProvinces.some((p) => (p.properties as UnitProps).adcode === prov)) throw new Error(`province/${prov}.json: province ${prov} is not in china.json`);
    return merged(geoms, { ...unitProps(entry(index, prov, `province ${prov}`)) });
  });
  for (const p of chinaProvinces) {
    const a = (p.properties as UnitProps).adcode;
    if (!provinceGeoms.some((g) => g.properties.adcode === a)) throw new Error(`china.json: province ${a} has no province file`);
  }
  for (const g of unitGeoms) {
    const p = g.properties as unknown as FinestProps;
    g.properties = { ...unitProps(entry(index, p.adcode, `unit ${p.adcode}`), { city: p.city }) };
  }
  return {
    topology: {
      type: 'Topology',
      objects: {
        provinces: { type: 'GeometryCollection', geometries: provinceGeoms },
        cities: { type: 'GeometryCollection', geometries: cityGeoms },
        districts: { type: 'GeometryCollection', geometries: unitGeoms },
        dash: topo.objects.dash!,
      },
      arcs: topo.arcs,
    },
    chinaProvinces,
    repairs,
    index,
    location: src.location,
    units,
  };
}

/**
 * provinces + cities + dash for the national view: the cities of the partition re-topologised on their own (so
 * that arcs break only where cities meet, not at every district junction: fewer points kept), provinces merged
 * from them, simplified for NATIONAL.maxZoom.
 */
export function buildNational(part: Partition, settings = NATIONAL): NationalBuild {
  const { chinaProvinces, repairs, index } = part;
  const ft = part.topology;
  const cityFeatures = ft.objects.cities!.geometries.map((g) => ({ ...(topoFeature(ft as never, g as never) as unknown as Feature), properties: g.properties }));
  const jdFeature = topoFeature(ft as never, ft.objects.dash!.geometries[0] as never) as unknown as Feature;
  const cities = cityFeatures;
  const topo = toTopology({
    cities: fc(cities),
    dash: fc([{ type: 'Feature', properties: { kind: 'dash' }, geometry: jdFeature.geometry }]),
  }) as unknown as FloatTopology;
  const cityGeoms = topo.objects.cities!.geometries;
  const provinceGeoms: TopoPolygonal[] = chinaProvinces.map((p) => {
    const props = p.properties as UnitProps;
    const own = cityGeoms.filter((g) => (g.properties as unknown as UnitProps).province === props.adcode);
    return { type: 'MultiPolygon', arcs: mergePolygons(topo, own), properties: { ...props } };
  });
  const input: FloatTopology = {
    type: 'Topology',
    objects: {
      provinces: { type: 'GeometryCollection', geometries: provinceGeoms },
      cities: { type: 'GeometryCollection', geometries: cityGeoms },
      dash: topo.objects.dash!,
    },
    arcs: topo.arcs,
  };
  const scaleOf = settings.cityPx ? { cities: settings.cityPx / settings.px } : undefined;
  const { topology, report } = simplifyChecked(input, { ...simplifySettings(settings), ...(scaleOf ? { scaleOf } : {}), fullDetail: ['dash'], seatOf: seatLookup(index) });

  // Province outlines merged from cities vs china.json's own outlines: they should agree (report, not fail).
  const provinceAreaDiff: Record<number, number> = {};
  for (const p of chinaProvinces) {
    const props = p.properties as UnitProps;
    const g = topology.objects.provinces!.geometries.find((x) => x.properties.adcode === props.adcode)!;
    const a = turfArea(decode(topology, g));
    provinceAreaDiff[props.adcode] = round((a / turfArea(p) - 1) * 100, 2);
  }

  // Label points for provinces, from the simplified polygon the app will draw.
  for (const g of topology.objects.provinces!.geometries) {
    const adcode = g.properties.adcode as number;
    const e = entry(index, adcode, 'provinces');
    const rec = part.location[String(adcode)];
    g.properties = { ...g.properties, labelPoint: labelPoint(decode(topology, g), rec?.centroid ?? undefined, e.center) };
  }
  return { topology, report, repairs, provinceAreaDiff };
}

/**
 * A point for the label, inside the polygon: DataV's centroid if it is inside, else the centroid of the largest
 * part if inside, else the inner point farthest from the boundary on a grid over the largest part.
 */
export function labelPoint(f: Feature<Polygon | MultiPolygon>, centroidHint: Position | undefined, seat: Position): [number, number] {
  const r = (p: Position): [number, number] => [round(p[0]!, 4), round(p[1]!, 4)];
  if (centroidHint && booleanPointInPolygon(centroidHint, f)) return r(centroidHint);
  const parts: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = parts[0]!;
  let bestArea = -1;
  for (const p of parts) {
    const a = turfArea({ type: 'Polygon', coordinates: p });
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
  const c = centroid(poly).geometry.coordinates;
  if (booleanPointInPolygon(c, poly)) return r(c);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of best[0]!) {
    w = Math.min(w, p[0]!); e = Math.max(e, p[0]!); s = Math.min(s, p[1]!); n = Math.max(n, p[1]!);
  }
  let pick: Position = seat;
  let pickD = -1;
  const steps = 40;
  for (let i = 1; i < steps; i++) for (let j = 1; j < steps; j++) {
    const p = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
    if (!booleanPointInPolygon(p, poly)) continue;
    const d = distanceToRings(p, best);
    if (d > pickD) [pick, pickD] = [p, d];
  }
  return r(pick);
}

function distanceToRings(p: Position, rings: Position[][]): number {
  let best = Infinity;
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!, b = ring[i + 1]!;
    const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len)) : 0;
    const x = a[0]! + t * dx - p[0]!, y = a[1]! + t * dy - p[1]!;
    best = Math.min(best, x * x + y * y);
  }
  return best;
}

/** Integer-quantized topology → output text with a fixed key order and the generatedBy marker. */
export function topologyText(t: QuantizedTopology, objectOrder: string[]): string {
  const objects: Record<string, unknown> = {};
  for (const name of objectOrder) {
    objects[name] = {
      type: 'GeometryCollection',
      geometries: t.objects[name]!.geometries.map((g) => ({ type: g.type, arcs: g.arcs, properties: g.properties })),
    };
  }
  return JSON.stringify({
    type: 'Topology',
    generatedBy: GENERATED_BY,
    bbox: t.bbox.map((x) => round(x, 6)),
    transform: t.transform,
    objects,
    arcs: t.arcs,
  });
}

/**
 * The South China Sea inset (南海诸岛附图): land clipped to the inset frame (the islands, and the coast of the
 * mainland, Hainan and Taiwan for context) and the ten dash parts, from the same simplified national topology.
 */
export function buildInset(
  national: QuantizedTopology,
  neighbours?: FeatureCollection,
): FeatureCollection & { bbox: [number, number, number, number] } {
  const dashGeom = decode(national, national.objects.dash!.geometries[0]!).geometry as MultiPolygon;
  const islands = national.objects.cities!.geometries.filter((g) => SCS_ISLAND_UNITS.includes(g.properties.adcode as number));
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (ring: Position[]) => {
    for (const p of ring) {
      w = Math.min(w, p[0]!); e = Math.max(e, p[0]!); s = Math.min(s, p[1]!); n = Math.max(n, p[1]!);
    }
  };
  for (const poly of dashGeom.coordinates) extend(poly[0]!);
  for (const g of islands) {
    const f = decode(national, g);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) extend(p[0]!);
  }
  // Half a degree of sea around the dashes and the islands (曾母暗沙 at ~3.9°N is the southern end), on a
  // half-degree grid; the northern edge at 24.5°N keeps Hainan, Leizhou and the Guangdong coast in view.
  const half = (x: number, up: boolean) => (up ? Math.ceil(x * 2) : Math.floor(x * 2)) / 2;
  const bbox: [number, number, number, number] = [half(w - 0.5, false), half(s - 0.5, false), half(e + 0.5, true), Math.max(half(n + 0.5, true), 24.5)];
  // Every island of the South China Sea units; of the other land only parts of at least INSET_MIN_AREA (the
  // coast for context; the hundreds of coastal islets of Fujian, Guangdong and Taiwan are below a pixel here).
  const islandArcs = new Set(islands.flatMap((g) => polygonsOfGeom(g).flat(2).map((a) => (a < 0 ? ~a : a))));
  const land: { adcode: number; geom: TopoPolygonal; all: boolean }[] = [];
  for (const g of national.objects.provinces!.geometries) {
    const polys = polygonsOfGeom(g).filter((poly) => !poly[0]!.every((a) => islandArcs.has(a < 0 ? ~a : a)));
    land.push({ adcode: g.properties.adcode as number, geom: { type: 'MultiPolygon', arcs: polys, properties: {} }, all: false });
  }
  for (const g of islands) land.push({ adcode: g.properties.adcode as number, geom: g, all: true });
  const features: Feature[] = [];
  // The neighbours' coasts (Vietnam, the Philippines, Borneo…), as the standard 附图 shows them, drawn first and
  // under China's own land. Only land masses of at least CONTEXT_MIN_AREA: islets of the context source are never
  // shown, so every island in the inset is one of the boundary source's own.
  for (const f of neighbours?.features ?? []) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).filter((p) => Math.abs(signedArea(p[0]!)) >= CONTEXT_MIN_AREA);
    for (const poly of polys) {
      const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: poly } }, bbox);
      if (!clipped.geometry.coordinates.length) continue;
      const geom = insetGeometry(clipped.geometry as Polygon | MultiPolygon);
      if (geom) features.push({ type: 'Feature', properties: { kind: 'context' }, geometry: geom });
    }
  }
  for (const { adcode, geom: tg, all } of land.sort((a, b) => a.adcode - b.adcode)) {
    const f = decode(national, tg);
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).filter(
      (p) => all || Math.abs(signedArea(p[0]!)) >= INSET_MIN_AREA,
    );
    if (!polys.length) continue;
    const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys } }, bbox);
    if (!clipped.geometry.coordinates.length) continue;
    const geom = insetGeometry(clipped.geometry as Polygon | MultiPolygon);
    if (!geom) continue;
    features.push({ type: 'Feature', properties: { kind: 'land', adcode }, geometry: geom });
  }
  dashGeom.coordinates.forEach((poly, i) => {
    // Dashes keep their shape: rounded to 1e-4° (≈ 10 m), not simplified.
    const rings = poly.map((r) => roundRing(r, 4));
    if (rings.some((r) => !r)) throw new Error(`dash part ${i + 1} collapsed`);
    const geom: Polygon = { type: 'Polygon', coordinates: rings as Position[][] };
    features.push({ type: 'Feature', properties: { kind: 'dash', part: i + 1 }, geometry: geom });
  });
  return { type: 'FeatureCollection', generatedBy: GENERATED_BY, label: '南海诸岛', bbox, features } as FeatureCollection & { bbox: [number, number, number, number] };
}

/**
 * For the inset only (about 0.1° a pixel): Douglas–Peucker at 0.02° (turf keeps every ring at least a
 * triangle, so each island stays), rounded to 1e-3°; a ring that collapses when rounded keeps 1e-4°.
 */
function insetGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon | undefined {
  const simple = turfSimplify({ type: 'Feature', properties: {}, geometry: g }, { tolerance: 0.02, highQuality: true }).geometry;
  const polys = simple.type === 'Polygon' ? [simple.coordinates] : simple.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r = roundRing(ring, 3) ?? roundRing(ring, 4);
      if (r) rings.push(r);
      else if (!rings.length) break; // the outer ring vanished: so does the polygon
    }
    if (rings.length) out.push(rings);
  }
  if (!out.length) return undefined;
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
}

function roundRing(ring: Position[], digits: number): Position[] | undefined {
  const pts: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0]!, digits), round(p[1]!, digits)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
  }
  return pts.length >= 4 && new Set(pts.map((p) => `${p[0]},${p[1]}`)).size >= 3 ? pts : undefined;
}

/**
 * The national view: the mainland with Hainan, Taiwan and the coastal islands, without the South China Sea
 * island units (the inset shows those), rounded outward to 0.1°.
 */
export function nationalBounds(national: QuantizedTopology): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of national.objects.cities!.geometries) {
    if (SCS_ISLAND_UNITS.includes(g.properties.adcode as number)) continue;
    const f = decode(national, g);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) for (const q of p[0]!) {
      w = Math.min(w, q[0]!); e = Math.max(e, q[0]!); s = Math.min(s, q[1]!); n = Math.max(n, q[1]!);
    }
  }
  return [Math.floor(w * 10) / 10, Math.floor(s * 10) / 10, Math.ceil(e * 10) / 10, Math.ceil(n * 10) / 10];
}

export interface DetailBuild {
  settings: LevelSettings;
  topology: QuantizedTopology;
  report: SimplifyReport;
}

/** One detail level of the whole partition (provinces, cities, districts), simplified nationally in one pass. */
export function buildDetailLevel(part: Partition, settings: LevelSettings): DetailBuild {
  const ft = part.topology;
  const input: FloatTopology = {
    type: 'Topology',
    objects: { provinces: ft.objects.provinces!, cities: ft.objects.cities!, districts: ft.objects.districts! },
    arcs: ft.arcs,
  };
  const { topology, report } = simplifyChecked(pruneArcs(input), { ...simplifySettings(settings), seatOf: seatLookup(part.index) });
  return { settings, topology, report };
}

/** The topology with only the arcs its objects use, renumbered in order. */
function pruneArcs<T extends FloatTopology | QuantizedTopology>(t: T): T {
  const used = new Set<number>();
  for (const o of Object.values(t.objects)) for (const g of o.geometries) for (const a of (g.arcs as number[][][]).flat(2) as number[]) used.add(a < 0 ? ~a : a);
  const order = [...used].sort((x, y) => x - y);
  const map = new Map(order.map((old, i) => [old, i]));
  const re = (a: number) => (a < 0 ? ~map.get(~a)! : map.get(a)!);
  const remap = (g: TopoPolygonal): TopoPolygonal => ({
    ...g,
    arcs: g.type === 'Polygon' ? (g.arcs as number[][]).map((r) => r.map(re)) : (g.arcs as number[][][]).map((p) => p.map((r) => r.map(re))),
  });
  const objects: Record<string, { type: 'GeometryCollection'; geometries: TopoPolygonal[] }> = {};
  for (const [name, o] of Object.entries(t.objects)) objects[name] = { type: 'GeometryCollection', geometries: o.geometries.map(remap) };
  return { ...t, objects, arcs: order.map((i) => t.arcs[i]!) } as T;
}

/** bbox [w, s, e, n] of a quantized topology's arcs, in degrees, rounded outward to 1e-4°. */
function quantizedBbox(t: QuantizedTopology): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const [kx, ky] = t.transform.scale, [dx, dy] = t.transform.translate;
  for (const arc of t.arcs) {
    let x = 0, y = 0;
    for (const p of arc) {
      x += p[0]!; y += p[1]!;
      const lng = x * kx + dx, lat = y * ky + dy;
      if (lng < w) w = lng;
      if (lng > e) e = lng;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  }
  return [Math.floor(w * 1e4) / 1e4, Math.floor(s * 1e4) / 1e4, Math.ceil(e * 1e4) / 1e4, Math.ceil(n * 1e4) / 1e4];
}

/**
 * One province of a detail level: the province, its prefecture units and (for provinces with districts) its
 * districts, with only the arcs they use. Same transform as the whole level, so that shared borders of two
 * files decode to the same points.
 */
export function provinceSlice(level: QuantizedTopology, province: number, withDistricts: boolean): QuantizedTopology {
  const of = (name: string) => level.objects[name]!.geometries.filter((g) => g.properties.province === province);
  const objects: QuantizedTopology['objects'] = {
    provinces: { type: 'GeometryCollection', geometries: level.objects.provinces!.geometries.filter((g) => g.properties.adcode === province) },
    cities: { type: 'GeometryCollection', geometries: of('cities') },
  };
  if (withDistricts) objects.districts = { type: 'GeometryCollection', geometries: of('districts') };
  const t = pruneArcs({ ...level, objects });
  return { ...t, bbox: quantizedBbox(t) };
}

/** The LOD index the app reads first (small): levels, and per province its bbox and whether it has districts. */
export interface LodIndex {
  generatedBy: string;
  levels: { level: number; minZoom: number; maxZoom: number; px: number; path: string }[];
  provinces: { adcode: number; bbox: [number, number, number, number]; districts: boolean }[];
}

/** Everything: the files of public/geo/, sorted by path. `neighbours`: land of other countries, for the inset only. */
export async function buildAll(src: GeoSource, info: SourceInfo, neighbours?: FeatureCollection, cleaned?: FinestUnit[]): Promise<BuildResult> {
  const gaz = buildGazetteer(src.location);
  const part = await buildPartition(src, gaz, cleaned);
  const national = buildNational(part);
  const files: [string, string][] = [];
  files.push(['national.topo.json', topologyText(national.topology, ['provinces', 'cities', 'dash'])]);
  files.push(['gazetteer.json', JSON.stringify(gaz)]);
  files.push(['scs-inset.json', JSON.stringify(buildInset(national.topology, neighbours))]);
  files.push([
    'meta.json',
    JSON.stringify({
      generatedBy: GENERATED_BY,
      source: info.source,
      snapshotDate: info.snapshotDate,
      attribution: info.attribution,
      nationalBounds: nationalBounds(national.topology),
    }, null, 2) + '\n',
  ]);
  // Provinces with districts of their own: those with a citys file for at least one city (not the
  // municipalities, 台湾, 香港, 澳门, whose finest units are already the cities layer's).
  const withDistricts = new Set<number>();
  for (const city of src.citys.keys()) withDistricts.add(provinceOf(city));
  const provinces = part.topology.objects.provinces!.geometries.map((g) => g.properties.adcode as number).sort((a, b) => a - b);
  const levelReports: Record<number, SimplifyReport> = {};
  const bboxes = new Map<number, [number, number, number, number]>();
  let districtCount = 0;
  for (const settings of DETAIL_LEVELS) {
    const d = buildDetailLevel(part, settings);
    levelReports[settings.level] = d.report;
    for (const prov of provinces) {
      const slice = provinceSlice(d.topology, prov, withDistricts.has(prov));
      if (!bboxes.has(prov)) bboxes.set(prov, slice.bbox);
      if (settings === DETAIL_LEVELS[0]) districtCount += slice.objects.districts?.geometries.length ?? 0;
      files.push([`lod/${settings.level}/${prov}.topo.json`, topologyText(slice, slice.objects.districts ? ['provinces', 'cities', 'districts'] : ['provinces', 'cities'])]);
    }
  }
  const index: LodIndex = {
    generatedBy: GENERATED_BY,
    levels: DETAIL_LEVELS.map((l) => ({ level: l.level, minZoom: l.minZoom, maxZoom: l.maxZoom, px: l.px, path: `lod/${l.level}/` })),
    provinces: provinces.map((adcode) => ({ adcode, bbox: bboxes.get(adcode)!, districts: withDistricts.has(adcode) })),
  };
  files.push(['lod/index.json', JSON.stringify(index) + '\n']);
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    files,
    report: {
      counts: {
        provinces: national.topology.objects.provinces!.geometries.length,
        cities: national.topology.objects.cities!.geometries.length,
        dashParts: (national.topology.objects.dash!.geometries[0]!.arcs as number[][][]).length,
        districtFiles: withDistricts.size,
        districts: districtCount,
        gazetteer: gaz.length,
      },
      national: national.report,
      districts: levelReports,
      provinceAreaDiff: national.provinceAreaDiff,
    },
    units: part.units,
  };
}
