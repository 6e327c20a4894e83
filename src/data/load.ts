// Loads the generated files once, from the app's own origin (relative URLs: the build may live in any folder).
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { parseDataset, parseProgrammes } from '../ingest/schema';
import type { Dataset, GazetteerEntry } from '../types';
import type { DetailSlice, RegionCollection } from '../types';

export type { DetailSlice };

export interface GeoMeta {
  source?: string;
  snapshot?: string;
  attribution: { zh: string; en: string };
  nationalBounds: [number, number, number, number];
}

export interface GeoBundle {
  provinces: RegionCollection;
  cities: RegionCollection;
  dash: FeatureCollection;
  inset: FeatureCollection & { bbox?: number[] };
  meta: GeoMeta;
  gazetteer: Map<number, GazetteerEntry>;
  districtProvinces: Set<number>;
  /** Levels of detail (geo/lod/index.json); absent when the build has none (then only the national level). */
  lod?: LodIndex;
}

/** geo/lod/index.json, written by geo/build-core.ts (buildAll). */
export interface LodIndex {
  levels: { level: number; minZoom: number; maxZoom: number; px: number; path: string }[];
  provinces: { adcode: number; bbox: [number, number, number, number]; districts: boolean }[];
}


async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * The scale-test datasets a link may ask for (`?dataset=synthetic-100k`). A fixed list, not any number: the dataset
 * is generated in the tab, and `synthetic-99999999k` froze it at 4 GB and rising.
 */
export const SYNTHETIC_SIZES: Readonly<Record<string, number>> = Object.freeze({
  'synthetic-1k': 1_000,
  'synthetic-10k': 10_000,
  'synthetic-50k': 50_000,
  'synthetic-100k': 100_000,
});

/** The size asked for by `?dataset=`, or null (absent or not one of SYNTHETIC_SIZES: the real dataset loads). */
export function syntheticSize(search: string): number | null {
  const name = new URLSearchParams(search).get('dataset');
  return name !== null && Object.hasOwn(SYNTHETIC_SIZES, name) ? SYNTHETIC_SIZES[name]! : null;
}

export async function loadDataset(path = 'data/practices.json'): Promise<Dataset> {
  // The programmes (issue 27) travel beside the practices: membership is computed from actors in the app, so the
  // lists are attached to whichever dataset is shown (built-in, merged with imports, synthetic). A build without the
  // file (older) simply has no programmes; a malformed file is an error like a malformed dataset.
  const [json, programmes] = await Promise.all([
    getJson<unknown>(path),
    fetch(path.replace(/practices\.json$/, 'programmes.json')).then((r) => (r.ok ? r.json().then(parseProgrammes) : undefined), () => undefined),
  ]);
  const parsed = parseDataset(json);
  const real = programmes ? { ...parsed, programmes } : parsed;
  const n = typeof window === 'undefined' ? null : syntheticSize(window.location.search);
  if (n === null) return real;
  const [{ syntheticDataset }, gazetteer] = await Promise.all([
    import('./synthetic'),
    getJson<GazetteerEntry[]>('geo/gazetteer.json'),
  ]);
  return syntheticDataset(real, gazetteer, n);
}

function objectOf(topo: Topology, name: string): RegionCollection {
  const obj = topo.objects[name] as GeometryCollection | undefined;
  if (!obj) throw new Error(`TopoJSON has no object "${name}"`);
  return feature(topo, obj) as unknown as RegionCollection;
}

export async function loadGeo(): Promise<GeoBundle> {
  const [topo, meta, gaz, inset, index] = await Promise.all([
    getJson<Topology>('geo/national.topo.json'),
    getJson<GeoMeta>('geo/meta.json'),
    getJson<GazetteerEntry[]>('geo/gazetteer.json'),
    getJson<FeatureCollection & { bbox?: number[] }>('geo/scs-inset.json'),
    // Levels of detail (geo/lod/); without them the national level is all there is.
    getJson<unknown>('geo/lod/index.json').catch(() => null),
  ]);
  const lod = lodIndex(index);
  // `dash` may be stored as one geometry or as a collection: normalise to a collection.
  const dashRaw = feature(topo, topo.objects['dash'] as GeometryCollection) as unknown as FeatureCollection | FeatureCollection['features'][number];
  const dash: FeatureCollection = dashRaw.type === 'FeatureCollection' ? dashRaw : { type: 'FeatureCollection', features: [dashRaw] };
  return {
    provinces: objectOf(topo, 'provinces'),
    cities: objectOf(topo, 'cities'),
    dash,
    inset,
    meta,
    gazetteer: new Map(gaz.map((g) => [g.adcode, g])),
    districtProvinces: new Set(lod ? lod.provinces.filter((p) => p.districts).map((p) => p.adcode) : []),
    ...(lod ? { lod } : {}),
  };
}

/** A malformed index means no detail levels (the national map still works), never a crash. */
function lodIndex(index: unknown): LodIndex | undefined {
  const i = index as Partial<LodIndex> | null;
  if (!i || !Array.isArray(i.levels) || !Array.isArray(i.provinces)) return undefined;
  return { levels: [...i.levels].sort((a, b) => a.level - b.level), provinces: i.provinces };
}

// Each file is fetched once per page: a province seen again, at any zoom, is drawn from memory.
const detailCache = new Map<string, Promise<DetailSlice | null>>();

/** One province at one level of detail; null when the build has no such file. A failed fetch may be retried. */
export function loadDetail(geo: GeoBundle, level: number, province: number): Promise<DetailSlice | null> {
  const l = geo.lod?.levels.find((x) => x.level === level);
  const p = geo.lod?.provinces.find((x) => x.adcode === province);
  if (!l || !p) return Promise.resolve(null);
  const key = `${level}/${province}`;
  let pending = detailCache.get(key);
  if (!pending) {
    const path = `geo/${l.path}${province}.topo.json`;
    const warm = warmed.get(path);
    warmed.delete(path);
    pending = (warm ? warm.then((text) => JSON.parse(text) as Topology) : getJson<Topology>(path)).then((t) => ({
      level,
      province,
      provinces: objectOf(t, 'provinces'),
      cities: objectOf(t, 'cities'),
      districts: t.objects['districts'] ? objectOf(t, 'districts') : null,
    }));
    pending.catch(() => detailCache.delete(key));
    detailCache.set(key, pending);
  }
  return pending;
}

// Files fetched ahead (warmDetail): their text, parsed only when a view asks for them.
const warmed = new Map<string, Promise<string>>();

/**
 * Fetches the first level's file of every province in the background, a few at a time, without parsing them: a
 * first click on any province then waits for no network (measured on the 2-core machine: 江苏 and its neighbours'
 * files took 80–210 ms to arrive after the click). About 0.9 MB gzip for all 34 provinces; not on a connection that
 * asks to save data. A failed fetch is forgotten (the click then fetches as before).
 */
export async function warmDetail(geo: GeoBundle, concurrency = 3): Promise<void> {
  const first = geo.lod?.levels[0];
  const nav = globalThis.navigator as (Navigator & { connection?: { saveData?: boolean } }) | undefined;
  if (!first || !geo.lod || nav?.connection?.saveData) return;
  const queue = geo.lod.provinces.map((p) => p.adcode);
  const next = async (): Promise<void> => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      // Looked up at its turn, not when the warm-up began: a view may have asked for it since (the briefing's next
      // slide), and it is fetched once, not twice.
      if (detailCache.has(`${first.level}/${p}`)) continue;
      const path = `geo/${first.path}${p}.topo.json`;
      const text = fetch(path).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${path}: HTTP ${r.status}`))));
      warmed.set(path, text);
      await text.catch(() => warmed.delete(path));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, next));
}

/** A province's districts (from the first level that has them); null when it has none (municipalities …). */
export async function loadDistricts(geo: GeoBundle, province: number): Promise<RegionCollection | null> {
  if (!geo.districtProvinces.has(province) || !geo.lod?.levels[0]) return null;
  return (await loadDetail(geo, geo.lod.levels[0].level, province))?.districts ?? null;
}
