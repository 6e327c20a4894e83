// Loads the generated files once, from the app's own origin (relative URLs: the build may live in any folder).
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { parseDataset } from '../ingest/schema';
import type { Dataset, GazetteerEntry } from '../types';
import type { RegionCollection } from '../types';

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
  const json = await getJson<unknown>(path);
  const real = parseDataset(json);
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
    getJson<unknown>('geo/districts/index.json'),
  ]);
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
    districtProvinces: new Set(districtIndex(index)),
  };
}

/** index.json lists the provinces that have a district file; accept a bare array or `{ provinces: [...] }`. */
function districtIndex(index: unknown): number[] {
  const list = Array.isArray(index) ? index : (index as { provinces?: unknown }).provinces;
  return Array.isArray(list) ? list.map(Number).filter(Number.isFinite) : [];
}

const districtCache = new Map<number, Promise<RegionCollection | null>>();

export function loadDistricts(geo: GeoBundle, province: number): Promise<RegionCollection | null> {
  if (!geo.districtProvinces.has(province)) return Promise.resolve(null);
  let p = districtCache.get(province);
  if (!p) {
    p = getJson<Topology>(`geo/districts/${province}.topo.json`).then((t) => objectOf(t, 'districts'));
    districtCache.set(province, p);
  }
  return p;
}
